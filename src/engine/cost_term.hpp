#pragma once
// The cost side of a recommendation: each target's estimate, the cost term of the score, budget overruns.
#include <map>
#include <string>
#include <vector>

#include "caas/engine/engine.hpp"

namespace caas::engine {

// Prices every feasible target, adds the cost term (cost-v1 "Cost in the score") to their scores and a reason
// saying what cost earned, an `avoid` reason for a budget overrun, and the estimates' assumptions.
void apply_cost(const model::WorkloadProfile& profile, const EngineOptions& options,
                std::vector<model::TargetResult>& results, model::Recommendation& rec,
                std::map<std::string, model::Assumption>& assumed);

// The region the workload is priced in: --region, else the file's region, else the default.
std::string pricing_region(const model::WorkloadProfile& profile, const EngineOptions& options);

}  // namespace caas::engine

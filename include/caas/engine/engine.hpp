#pragma once
// The functional core: a profile and a rule set in, a ranked recommendation out. Deterministic: rule order in a file
// never changes the result.
#include <string>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::engine {

struct EngineOptions {
  const cost::PriceTable* prices = nullptr;  // nullptr: no cost (monthly_cost_usd null)
  std::string region_override;               // --region; empty when not given
  cost::CostSettings cost;                   // --free-tier, or a project's configuration
  bool explain_changes = true;               // compute "what would change this"
  bool judge_runs_on = false;                // `check`: findings on the workload's runs_on
  bool cost_curve = false;                   // cost against traffic for charts (Recommendation::cost_curve)
};

// Evaluates one workload. `warnings` are the parser's contradiction warnings; they become findings.
model::Recommendation recommend(const model::WorkloadProfile& profile, const util::Diagnostics& warnings,
                                const rules::RuleSet& rules, const EngineOptions& options);

}  // namespace caas::engine

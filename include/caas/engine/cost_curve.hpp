#pragma once
// The monthly cost of each target against traffic, from a tenth to ten times today's, for the charts of `-f html`
// and `cost --chart` (docs/cost-model.md "Cost against traffic"). The points come from the same prepared costs as
// the cost table of `cost -f json`, so at the table's scales (cost_table_scales()) they are the same numbers.
#include <vector>

#include "caas/engine/engine.hpp"
#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"

namespace caas::engine {

// The chart's range of traffic, as multiples of today's.
inline constexpr double k_curve_smallest_scale = 0.1;
inline constexpr double k_curve_largest_scale = 10;

// The scales every curve has: 24 a decade from 0.1× to 10×, and the cost table's.
const std::vector<double>& curve_scales();

// The curve of `rec` (recommend's result for `profile`): every target with a cost model, in ranking order, priced
// at curve_scales() and, where a task or instance count steps up between two of them, just before and after the
// step (at most 64 such points a workload), so a chart draws the step where it is; and every crossing of the
// break-even search. `note` says why there are no points when there are none (no prices, no traffic).
model::CostCurve cost_curve(const model::WorkloadProfile& profile, const model::Recommendation& rec,
                            const EngineOptions& options);

}  // namespace caas::engine

#pragma once
// Where the cheapest target changes as traffic grows (cost-v1 "Break-even and what would change the advice"), and
// the monthly cost of each target at a few multiples of today's traffic. Traffic is scaled by one factor
// (requests_per_month or runs_per_month, and peak_rps with it); everything else is held. The comparison is by list
// price: the materiality threshold of the score does not apply here. See docs/cost-model.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/engine/engine.hpp"
#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"

namespace caas::engine {

// One change of the cheapest target: `below` is the cheapest just under `scale` × today's traffic, `above` just
// over it.
struct Crossing {
  double scale = 0;                // multiple of today's traffic
  double events_per_month = 0;     // requests (or runs, for a job) a month at that scale
  double requests_per_second = 0;  // the same, as a sustained rate over the month
  std::string below;
  std::string above;
  bool at_step = false;  // a task, instance or provisioned-concurrency count steps up here: the cost jumps
};

struct BreakEven {
  std::string field;                 // "traffic.requests_per_month" | "traffic.runs_per_month"
  double events_per_month = 0;       // today's traffic
  std::vector<std::string> targets;  // the targets compared: feasible, with a known cost; in the order given
  std::vector<Crossing> crossings;   // every crossing from 0.001× to 1000× today's traffic, in order
};

// The traffic multiples of the search, and of the cost table.
inline constexpr double k_smallest_scale = 0.001;
inline constexpr double k_largest_scale = 1000;

// The break-even among `targets` (ids of cost::cost_targets()); nullopt when the workload gives no traffic to scale
// or fewer than two of the targets have a cost (only those with a cost, at most four, are compared). Deterministic;
// about 100 to 250 total-only estimates per workload.
std::optional<BreakEven> find_break_even(const cost::CostInputs& inputs, const std::vector<std::string>& targets,
                                         const cost::RegionPrices& prices);

// The price table of the region a workload is priced in (--region, the file's region, or the default); nullptr when
// there are no prices or no table for it.
const cost::RegionPrices* region_prices(const model::WorkloadProfile& profile, const EngineOptions& options);
std::string priced_region(const model::WorkloadProfile& profile, const EngineOptions& options);

// The break-even among a recommendation's feasible targets with a known cost (at least two), in rank order.
std::optional<BreakEven> find_break_even(const model::WorkloadProfile& profile, const model::Recommendation& rec,
                                         const EngineOptions& options);

// Adds a `break_even` entry to rec.what_would_change for each crossing, seen from today's traffic: the target is
// the one that becomes cheapest as traffic grows past a crossing above today's, or falls below one under it ("AWS
// Fargate becomes the cheaper choice above 19.2M requests a month (about 7.31 requests/second sustained)").
void explain_break_even(const model::WorkloadProfile& profile, const EngineOptions& options,
                        model::Recommendation& rec);

// The message for a crossing ("<name> becomes the cheaper choice above|below ..."; below when it lies under today's
// traffic), and the traffic as a user writes it ("19.2M").
std::string crossing_message(const BreakEven& break_even, const Crossing& crossing, std::string_view name);
// The same for the cost report: "AWS Lambda is cheaper below 711k requests a month (about 0.27 requests/second
// sustained); Amazon EC2 above".
std::string describe_crossing(const BreakEven& break_even, const Crossing& crossing, std::string_view below_name,
                              std::string_view above_name);
std::string format_traffic(double events_per_month);

// Monthly cost of each target at one multiple of today's traffic; nullopt where the model cannot price it.
struct CostAtScale {
  double scale = 0;
  std::optional<double> events_per_month;  // nullopt when the workload gives no traffic
  std::vector<std::optional<double>> usd;  // one per target, in the order given
};

// The multiples the cost table shows: a tenth to ten times today's traffic.
const std::vector<double>& cost_table_scales();

std::vector<CostAtScale> cost_table(const cost::CostInputs& inputs, const std::vector<std::string>& targets,
                                    const cost::RegionPrices& prices);

}  // namespace caas::engine

#pragma once
// Workload profiles (model/test_workload.hpp) and the examples the sums are worked for, the built-in price table
// (with a few prices changed where a worked example quotes its own), and lookups into an estimate, for the cost
// model's tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/tables/builtin_tables.hpp"
#include "caas/util/diagnostic.hpp"
#include "model/test_workload.hpp"

namespace caas::cost::test {

using model::WorkloadProfile;
using util::Kind;
using util::Value;

using model::test::k_gib;
using model::test::k_mib;
using model::test::thumbnailer;
using model::test::Workload;
inline constexpr double k_kb = 1000.0;  // a workload's KB, as AWS's worked examples count bytes

inline const RegionPrices& us_east_1() {
  static const cost::PriceTable k_table = tables::builtin_prices();
  return *k_table.find_region("us-east-1");
}

inline model::CostEstimate estimate(const WorkloadProfile& profile, std::string_view target, double scale = 1) {
  auto result = cost::estimate_cost(profile, target, us_east_1(), scale);
  INFO(target << ": " << result.unknown_reason);
  REQUIRE(result.estimate);
  return *result.estimate;
}

inline const model::CostItem& item(const model::CostEstimate& e, std::string_view name) {
  const auto it = std::find_if(e.items.begin(), e.items.end(), [&](const auto& i) { return i.item == name; });
  INFO("no item " << name);
  REQUIRE(it != e.items.end());
  return *it;
}

inline bool assumes(const model::CostEstimate& e, std::string_view field) {
  return std::any_of(e.assumptions.begin(), e.assumptions.end(), [&](const auto& a) { return a.field == field; });
}

// The built-in us-east-1 prices with some keys changed, as a --pricing overlay would change them.
inline RegionPrices with_prices(std::initializer_list<std::pair<std::string_view, double>> changes) {
  RegionPrices region = us_east_1();
  for (const auto& [key, usd] : changes) {
    const auto found = region.prices.find(key);
    if (found == region.prices.end()) throw std::runtime_error("no price " + std::string(key));
    found->second.usd = usd;
  }
  return region;
}

inline model::CostEstimate estimate_with(const WorkloadProfile& profile, std::string_view target,
                                         const RegionPrices& prices, const CostSettings& settings = {}) {
  auto result = cost::estimate_cost(profile, target, prices, 1.0, settings);
  INFO(target << ": " << result.unknown_reason);
  REQUIRE(result.estimate);
  return *result.estimate;
}

inline const model::Assumption* assumption(const model::CostEstimate& e, std::string_view field) {
  const auto it =
      std::find_if(e.assumptions.begin(), e.assumptions.end(), [&](const auto& a) { return a.field == field; });
  return it == e.assumptions.end() ? nullptr : &*it;
}

inline bool has_item(const model::CostEstimate& e, std::string_view name) {
  return std::any_of(e.items.begin(), e.items.end(), [&](const auto& i) { return i.item == name; });
}

// The hand-worked examples (with thumbnailer()): unit prices copied from rules/pricing/aws-us-east-1.yaml, sums
// done by hand.
inline Workload steady_api() {
  Workload w("service");
  w.triggers({"http"})
      .duration("execution.duration.typical", 0.2)
      .number("execution.concurrency", 1)
      .number("resources.cpu", 0.5)
      .size("resources.memory", 1 * k_gib)
      .text("resources.architecture", "arm64")
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 26.28e6)  // 10 requests a second
      .text("operations.availability", "high");
  return w;
}

inline Workload gpu_job() {
  Workload w("job");
  w.triggers({"schedule"})
      .duration("execution.duration.typical", 30 * 60)
      .number("resources.cpu", 4)
      .size("resources.memory", 12 * k_gib)
      .number("resources.gpu", 1)
      .text("resources.architecture", "x86_64")
      .text("traffic.pattern", "scheduled")
      .count("traffic.runs_per_month", 100);
  return w;
}

}  // namespace caas::cost::test

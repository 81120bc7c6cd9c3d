#pragma once
// Prices as data (rules/pricing/*.yaml, embedded, overridable with --pricing), and the monthly cost of running a
// workload on a target, as line items a reader can check by hand. See docs/cost-model.md.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/util/embedded_file.hpp"
#include "caas/util/result.hpp"

namespace caas::cost {

// One price: its value, unit, where it came from, when, and how sure we are.
struct Price {
  double usd = 0;
  std::string unit;        // "GB-second", "vCPU-hour", "1M requests"
  std::string source;
  std::string collected;   // date
  std::string confidence;  // DOC | AWS-BLOG | SECONDARY | UNCONFIRMED | assumption
};

struct InstanceType {
  std::string name;  // "m7g.large"
  double vcpu = 0;
  double memory_gib = 0;
  int gpus = 0;
  std::string architecture;  // x86_64 | arm64
  bool burstable = false;
  double usd_per_hour = 0;
  std::string confidence;
};

// Price tables by region; each holds named prices and EC2 instance types. The shape is documented in
// docs/cost-model.md; missing prices are load errors.
struct RegionPrices {
  std::string region;
  std::map<std::string, Price, std::less<>> prices;  // "lambda.requests", "fargate.x86_64.vcpu_hour", ...
  std::vector<InstanceType> instances;
  double price(std::string_view key) const;  // a missing key is a bug (validated at load)
};

struct PriceTable {
  std::string date;  // reported as pricing_date
  std::map<std::string, RegionPrices, std::less<>> regions;
  // Scoring parameters (cost-v1 "Cost in the score").
  double weight_low = 1, weight_medium = 2, weight_high = 4;
  double materiality_usd = 5;

  const RegionPrices* find_region(std::string_view region) const;
  std::vector<std::string> region_names() const;
};

const std::vector<util::EmbeddedFile>& embedded_price_files();
util::Result<PriceTable> load_prices(std::string_view text, const std::string& file);
util::Result<PriceTable> load_builtin_prices();
// Overrides by key (and instance name); the overlay's date wins when it gives one.
void merge(PriceTable& base, PriceTable overlay);

// A target's monthly cost, or why there is none.
struct TargetCost {
  std::optional<model::CostEstimate> estimate;
  std::string unknown_reason;
};

// Traffic (requests_per_month or runs_per_month, and peak_rps with it) is multiplied by `traffic_scale`;
// the break-even search and the cost table move it. Deterministic and pure.
TargetCost estimate_cost(const model::WorkloadProfile& profile, std::string_view target, const RegionPrices& prices,
                         double traffic_scale = 1.0);

}  // namespace caas::cost

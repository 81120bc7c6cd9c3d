#pragma once
// `caas-advisor pricing regions` and `pricing show REGION`: the price table in effect (built in, and --pricing), as
// text or JSON ("caas-advisor/pricing/v1", docs/cost-model.md). Plain values, filled by the command from the price
// table, so the renderers need no more than the standard library.
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace caas::report {

struct PriceLine {
  std::string key;
  std::string amount_kind;  // "usd" (dollars per unit) | "percent" (off) | "value" (a number)
  double amount = 0;
  std::string unit;
  std::optional<double> tier_from, tier_to;
  std::string source, collected, confidence, note;
};

struct InstanceLine {
  std::string name;
  double vcpu = 0, memory_gib = 0;
  int gpus = 0;
  std::string architecture;
  bool burstable = false;
  double usd_per_hour = 0;
  std::string accelerator, source, collected, confidence, note;
};

struct PricedRegion {
  std::string region;
  std::string oldest, newest;             // collected dates of its prices and instance types
  std::map<std::string, int> confidence;  // how many carry each confidence
  int price_count = 0, instance_count = 0;
  std::vector<PriceLine> prices;  // in the model's key order; only for `pricing show`
  std::vector<InstanceLine> instances;
};

struct PricingView {
  std::string date;  // the price table's date
  std::vector<PricedRegion> regions;
};

// `format` is one of pricing_formats(): text or json.
void render_price_regions(std::ostream& out, const PricingView& view, std::string_view format);
void render_price_region(std::ostream& out, const PricingView& view, const PricedRegion& region,
                         std::string_view format);
const std::vector<std::string_view>& pricing_formats();

}  // namespace caas::report

// The regions a price table covers: the one check of a region code (a workload's, --region's, a project's), and
// what `pricing regions` says of each region.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/util/suggest.hpp"
#include "price_keys.hpp"

namespace caas::cost {

std::optional<util::Problem> check_region(const PriceTable& table, std::string_view region) {
  if (table.find_region(region) != nullptr) return std::nullopt;
  std::vector<std::string_view> names;
  names.reserve(table.regions.size());
  for (const auto& [name, prices] : table.regions) names.emplace_back(name);
  std::string message = fmt::format("no prices for region '{}'", region);
  if (const auto guess = util::did_you_mean(region, names)) message += fmt::format("; did you mean '{}'?", *guess);
  // Pricing a region without prices would give a report without costs: a run stops instead (exit 2).
  return util::Problem{"unknown-region", std::move(message),
                       fmt::format("caas-advisor prices {} regions (caas-advisor pricing regions lists them); another "
                                   "region's prices come from AWS's Price List files, with caas-advisor pricing "
                                   "import and --pricing",
                                   names.size())};
}

RegionSummary summarize_region(const RegionPrices& region) {
  RegionSummary summary;
  summary.region = region.region;
  summary.prices = static_cast<int>(region.prices.size());
  summary.instances = static_cast<int>(region.instances.size());
  const auto count = [&](const std::string& collected, const std::string& confidence) {
    if (summary.oldest.empty() || collected < summary.oldest) summary.oldest = collected;
    if (collected > summary.newest) summary.newest = collected;
    ++summary.confidence[confidence];
  };
  for (const auto& [key, price] : region.prices) count(price.collected, price.confidence);
  for (const auto& instance : region.instances) count(instance.collected, instance.confidence);
  return summary;
}

std::vector<std::string_view> price_key_names() {
  std::vector<std::string_view> names;
  names.reserve(price_keys().size());
  for (const auto& row : price_keys()) names.push_back(row.key);
  return names;
}

std::string_view amount_kind(std::string_view key) {
  const auto* spec = find_price_key(key);
  return spec == nullptr ? std::string_view("usd") : amount_field(spec->amount);
}

}  // namespace caas::cost

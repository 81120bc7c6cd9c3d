#include <algorithm>
#include <stdexcept>
#include <utility>

#include "caas/cost/price_table.hpp"

namespace caas::cost {

double RegionPrices::price(std::string_view key) const {
  const auto it = prices.find(key);
  // The loader guarantees every key the model reads; a miss is a bug in the model or in a hand-built table.
  if (it == prices.end()) throw std::logic_error("price table of " + region + " has no price " + std::string(key));
  return it->second.usd;
}

const RegionPrices* PriceTable::find_region(std::string_view region) const {
  const auto it = regions.find(region);
  return it == regions.end() ? nullptr : &it->second;
}

std::vector<std::string> PriceTable::region_names() const {
  std::vector<std::string> names;
  names.reserve(regions.size());
  for (const auto& [name, region] : regions) names.push_back(name);
  return names;
}

namespace {

void merge_region(RegionPrices& base, RegionPrices overlay) {
  for (auto& [key, price] : overlay.prices) base.prices.insert_or_assign(key, std::move(price));
  for (auto& instance : overlay.instances) {
    const auto it = std::find_if(base.instances.begin(), base.instances.end(),
                                 [&](const InstanceType& known) { return known.name == instance.name; });
    // A replaced type keeps its place, so the table's order (and tie-breaking) stays stable.
    if (it != base.instances.end())
      *it = std::move(instance);
    else
      base.instances.push_back(std::move(instance));
  }
}

}  // namespace

void merge(PriceTable& base, PriceTable overlay) {
  if (!overlay.date.empty()) base.date = std::move(overlay.date);
  if (overlay.weights_given) {
    base.weight_low = overlay.weight_low;
    base.weight_medium = overlay.weight_medium;
    base.weight_high = overlay.weight_high;
  }
  if (overlay.materiality_given) base.materiality_usd = overlay.materiality_usd;
  for (auto& [name, region] : overlay.regions) {
    const auto it = base.regions.find(name);
    if (it == base.regions.end())
      base.regions.emplace(name, std::move(region));
    else
      merge_region(it->second, std::move(region));
  }
}

}  // namespace caas::cost

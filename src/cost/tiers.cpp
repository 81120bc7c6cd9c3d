// Tiered prices: a price per unit that falls as a month's usage passes the tiers' bounds (Lambda duration, API Gateway
// requests, data transfer out). The bounds are data: each tier's key carries its tier_from and tier_to.
#include <fmt/format.h>
#include <algorithm>
#include <limits>

#include "estimate_common.hpp"

namespace caas::cost {

Tiers read_tiers(const RegionPrices& prices, const std::string_view* keys, std::size_t count) {
  Tiers tiers;
  for (std::size_t i = 0; i < count && i < tiers.tier.size(); ++i) {
    const auto found = prices.prices.find(keys[i]);
    if (found == prices.prices.end()) break;  // validated at load; a missing key is a bug
    const Price& price = found->second;
    auto& tier = tiers.tier[i];
    tier.from = price.tier_from.value_or(i == 0 ? 0 : tiers.tier[i - 1].to);
    tier.to = price.tier_to.value_or(std::numeric_limits<double>::infinity());
    tier.price = price.usd;
    tiers.count = static_cast<int>(i) + 1;
    if (!price.tier_to) break;  // the last tier
  }
  return tiers;
}

int add_tiered(Bill& bill, std::string_view item, std::string_view qualifier, double usage, double free,
               double per_unit, std::string_view unit, const Tiers& tiers, Share share) {
  // The usage that is billed runs from the free allowance to the month's total; each tier bills its part of it.
  const double start = std::max(0.0, free);
  int used = 0;
  for (int i = 0; i < tiers.count; ++i)
    if (std::min(usage, tiers.tier[i].to) > std::max(start, tiers.tier[i].from)) ++used;
  if (used == 0) {
    // Nothing billed (no usage, or all of it free): one item of zero, so the reader sees the line.
    bill.add(item, qualifier, 0, unit, tiers.count > 0 ? tiers.tier[0].price : 0, share);
    return 0;
  }
  for (int i = 0; i < tiers.count; ++i) {
    const double part = std::min(usage, tiers.tier[i].to) - std::max(start, tiers.tier[i].from);
    if (part <= 0) continue;
    std::string label;
    if (bill.detailed()) {
      label = std::string(qualifier);
      if (used > 1) label += fmt::format("{}tier {}", label.empty() ? "" : ", ", i + 1);
    }
    bill.add(item, label, part * per_unit, unit, tiers.tier[i].price, share);
  }
  return used;
}

}  // namespace caas::cost

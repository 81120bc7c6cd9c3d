#include "bill.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "caas/util/text.hpp"

namespace caas::cost {

double round_cents(double usd) {
  const double cents = std::round(usd * 100 * 1e6) / 1e6;
  return std::round(cents) / 100;
}

double snap_quantity(double quantity) {
  // Ten significant digits: 6,720,000.000000001 is 6,720,000, as a reader would write it; real fractions such as
  // 788.4 LCU-hours or 0.00116 GB keep their digits. Dividing by an exact power of ten gives the double nearest the
  // decimal, which prints as that decimal.
  static constexpr std::array<double, 23> k_powers = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (quantity == 0 || !std::isfinite(quantity)) return quantity;
  constexpr double k_log10_of_2 = 0.30102999566398120;
  // floor(log10 |q|) from the binary exponent: right, or one too small, which the comparison below corrects.
  int magnitude = static_cast<int>(std::floor(std::ilogb(quantity) * k_log10_of_2));
  const int next = magnitude + 1;
  if (next >= -22 && next <= 22) {
    const double size = std::fabs(quantity);
    const double power = k_powers[static_cast<std::size_t>(next < 0 ? -next : next)];
    if (next >= 0 ? size >= power : size * power >= 1) magnitude = next;
  }
  const int digits = std::clamp(9 - magnitude, -22, 22);
  if (digits >= 0) {
    const double scale = k_powers[static_cast<std::size_t>(digits)];
    return std::round(quantity * scale) / scale;
  }
  const double scale = k_powers[static_cast<std::size_t>(-digits)];
  return std::round(quantity / scale) * scale;
}

void Bill::add(std::string_view item, std::string_view qualifier, double quantity, std::string_view unit,
               double unit_price, Share share) {
  // The dollars come from the quantity as computed (round_cents takes the binary noise out of the product); the
  // quantity a reader sees is snapped to ten significant digits, which only the full estimate needs.
  const double usd = round_cents(quantity * unit_price);
  m_total += usd;
  if (share == Share::compute) m_compute += usd;
  if (!detailed()) return;
  model::CostItem line;
  line.item = std::string(item);
  if (!qualifier.empty()) line.item.append(" (").append(qualifier).append(")");
  line.quantity = snap_quantity(quantity);
  line.unit = std::string(unit);
  line.unit_price_usd = unit_price;
  line.usd = usd;
  m_estimate.items.push_back(std::move(line));
}

void Bill::discount(std::string_view item, double percent) {
  std::string qualifier;
  if (detailed()) qualifier = util::format_number(percent) + " % off compute";
  add(item, qualifier, m_compute, "USD", -percent / 100);
}

void Bill::assume(std::string_view field, std::string_view value, std::string_view why) {
  if (!detailed()) return;
  m_estimate.assumptions.push_back({std::string(field), std::string(value), std::string(why)});
}

model::CostEstimate Bill::finish(std::string summary) && {
  m_estimate.monthly_usd = m_total;
  m_estimate.summary = std::move(summary);
  return std::move(m_estimate);
}

}  // namespace caas::cost

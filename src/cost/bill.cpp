#include "bill.hpp"

#include <algorithm>
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
  // 788.4 LCU-hours or 0.00116 GB keep their digits.
  if (quantity == 0 || !std::isfinite(quantity)) return quantity;
  // Dividing by an exact power of ten gives the double nearest the decimal, which prints as that decimal.
  const int digits = 9 - static_cast<int>(std::floor(std::log10(std::fabs(quantity))));
  if (digits <= 0) {
    const double scale = std::pow(10.0, -digits);
    return std::round(quantity / scale) * scale;
  }
  const double scale = std::pow(10.0, std::min(digits, 22));
  return std::round(quantity * scale) / scale;
}

void Bill::add(std::string_view item, std::string_view qualifier, double quantity, std::string_view unit,
               double unit_price, Share share) {
  quantity = snap_quantity(quantity);
  const double usd = round_cents(quantity * unit_price);
  m_total += usd;
  if (share == Share::compute) m_compute += usd;
  if (!detailed()) return;
  model::CostItem line;
  line.item = std::string(item);
  if (!qualifier.empty()) line.item.append(" (").append(qualifier).append(")");
  line.quantity = quantity;
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

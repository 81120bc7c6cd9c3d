#include "bill.hpp"

#include <cmath>
#include <utility>

#include "caas/util/text.hpp"

namespace caas::cost {

double round_cents(double usd) {
  const double cents = std::round(usd * 100 * 1e6) / 1e6;
  return std::round(cents) / 100;
}

void Bill::add(std::string_view item, std::string_view qualifier, double quantity, std::string_view unit,
               double unit_price, Share share) {
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

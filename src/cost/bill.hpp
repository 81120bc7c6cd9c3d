#pragma once
// A bill being drawn up: line items rounded to the cent and summed in order, with the assumptions behind them.
// In `total_only` mode it keeps just the running total, so the break-even search allocates nothing.
#include <string>
#include <string_view>

#include "caas/model/recommendation.hpp"

namespace caas::cost {

enum class Detail { full, total_only };

// What a line item is, for the discounts: Spot and Savings Plans apply to compute only.
enum class Share { compute, other };

// Dollars rounded half away from zero to the cent, after snapping binary noise (16.4249999… is 16.425 → 16.43).
double round_cents(double usd);
// A quantity without binary noise: rounded to ten significant digits (6,720,000.000000001 is 6,720,000).
double snap_quantity(double quantity);

class Bill {
 public:
  explicit Bill(Detail detail) : m_detail(detail) {}

  bool detailed() const { return m_detail == Detail::full; }
  double total() const { return m_total; }
  double compute_subtotal() const { return m_compute; }

  // Adds "item (qualifier)": quantity × unit price, rounded to the cent.
  void add(std::string_view item, std::string_view qualifier, double quantity, std::string_view unit, double unit_price,
           Share share = Share::other);
  // A discount of `percent` on the compute items so far, as a negative line item.
  void discount(std::string_view item, double percent);
  // Text is only built in full mode; callers that format a value guard with detailed().
  void assume(std::string_view field, std::string_view value, std::string_view why);

  model::CostEstimate finish(std::string summary) &&;

 private:
  Detail m_detail;
  double m_total = 0;
  double m_compute = 0;
  model::CostEstimate m_estimate;
};

}  // namespace caas::cost

#pragma once
// A chart of monthly cost against traffic, laid out once for its two drawings: the SVG of `-f html` and the
// terminal's of `cost --chart`. Both axes are logarithmic: traffic from a tenth to ten times today's, and cost over
// the range the curves span, so a cost proportional to traffic is a straight line and a fixed one is flat.
#include <optional>
#include <string>
#include <vector>

#include "caas/model/recommendation.hpp"

namespace caas::report {

// One target's curve: its index in CostCurve::targets and how to show it. Text is as the input gave it; each
// drawing makes it safe for its format.
struct ChartSeries {
  std::size_t index = 0;
  std::string id;
  std::string label;  // "AWS Lambda"
  bool feasible = true;
};

struct ChartTick {
  double value = 0;  // a traffic multiple (x) or dollars (y)
  std::string label;
  std::string sublabel;  // x only: "×0.1"
};

struct ChartLayout {
  double x_lo = 0.1, x_hi = 10;  // traffic multiples
  double y_lo = 1, y_hi = 10;    // dollars a month; costs below y_lo are drawn at it
  std::vector<ChartTick> x_ticks;
  std::vector<ChartTick> y_ticks;
  std::vector<ChartSeries> series;    // feasible first, in ranking order; only targets with a cost somewhere
  std::vector<ChartSeries> unpriced;  // targets the model cannot price at any traffic
  std::vector<model::CostCurveCrossing> crossings;  // within the chart's range of traffic
  std::vector<model::CostCurveCrossing> off_chart;  // below a tenth or above ten times today's traffic
  std::string noun;                                 // "requests" or "runs"

  // Position on each axis from 0 (left, bottom) to 1 (right, top).
  double fx(double scale) const;
  double fy(double usd) const;
};

// `targets` names and judges every target of the curve (ids as in CostCurve::targets); nullopt when the curve has
// no points or nothing on it is priced.
struct TargetView {
  std::string id;
  std::string label;
  bool feasible = true;
};
std::optional<ChartLayout> layout_chart(const model::CostCurve& curve, const std::vector<TargetView>& targets);

// The targets of a recommendation, for layout_chart.
std::vector<TargetView> target_views(const model::Recommendation& recommendation);

// The cost of curve target `index` at `scale`, interpolated along the drawn line (straight between two points on
// log-log axes); nullopt where either neighbour is unpriced.
std::optional<double> cost_at(const model::CostCurve& curve, std::size_t index, double scale);

// Counts as a chart labels them: "950", "12k", "1.5M", "2B" (three significant digits at most).
std::string short_count(double value);
// Dollars as a chart labels them: "$0.05", "$3", "$250", "$1.2k", "$40k".
std::string short_usd(double value);

}  // namespace caas::report

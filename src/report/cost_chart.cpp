// Axes of the cost-against-traffic chart: the ranges, the ticks and their labels.
#include "cost_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "caas/util/text.hpp"

namespace caas::report {

namespace {

// A cost axis never spans more than this many decades: a cost of a few cents next to one of thousands of dollars
// is drawn at the bottom edge rather than squashing every other line.
constexpr double k_max_decades = 4;
// The traffic ticks: the cost table's multiples.
constexpr double k_x_ticks[] = {0.1, 0.3, 1, 3, 10};

std::string trimmed(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

// Three significant digits at most.
std::string significant3(double value) {
  if (value <= 0) return "0";
  const int digits = static_cast<int>(std::floor(std::log10(value))) + 1;
  return trimmed(value, std::max(0, 3 - digits));
}

// Tick values between lo and hi (both positive): 1-2-5 steps of each decade, or every decade, or finer steps when
// the range is narrow; three to eight of them.
std::vector<double> log_ticks(double lo, double hi) {
  static const std::vector<std::vector<double>> k_mantissas = {
      {1},
      {1, 3},
      {1, 2, 5},
      {1, 1.5, 2, 3, 4, 5, 6, 8},
      {1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9}};
  std::vector<double> best;
  for (const auto& mantissas : k_mantissas) {
    std::vector<double> ticks;
    for (int e = static_cast<int>(std::floor(std::log10(lo))) - 1; e <= static_cast<int>(std::ceil(std::log10(hi)));
         ++e) {
      for (const double m : mantissas) {
        // Rounded, so 3 × 0.01 is exactly the 0.03 a label shows.
        const double value = std::round(m * std::pow(10.0, e) * 1e6) / 1e6;
        if (value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9)) ticks.push_back(value);
      }
    }
    if (ticks.size() > 8) {
      if (best.empty()) {  // even whole decades are too many: every other one
        for (std::size_t i = 0; i < ticks.size(); i += 2) best.push_back(ticks[i]);
      }
      return best;
    }
    best = std::move(ticks);
    if (best.size() >= 3) return best;
  }
  return best;
}

}  // namespace

std::string short_count(double value) {
  if (value >= 1e9) return significant3(value / 1e9) + "B";
  if (value >= 1e6) return significant3(value / 1e6) + "M";
  if (value >= 1e3) return significant3(value / 1e3) + "k";
  return significant3(value);
}

std::string short_usd(double value) {
  if (value >= 1e6) return "$" + significant3(value / 1e6) + "M";
  if (value >= 1e4) return "$" + significant3(value / 1e3) + "k";
  if (value >= 1e3) return "$" + trimmed(value / 1e3, 2) + "k";
  if (value >= 1) return "$" + trimmed(value, 2);
  return "$" + trimmed(value, 4);
}

double ChartLayout::fx(double scale) const { return std::log(scale / x_lo) / std::log(x_hi / x_lo); }

double ChartLayout::fy(double usd) const { return std::log(std::max(usd, y_lo) / y_lo) / std::log(y_hi / y_lo); }

std::vector<TargetView> target_views(const model::Recommendation& recommendation) {
  std::vector<TargetView> views;
  for (const auto& result : recommendation.ranking)
    views.push_back(
        {result.target.id, result.target.name.empty() ? result.target.id : result.target.name, result.feasible});
  return views;
}

std::optional<ChartLayout> layout_chart(const model::CostCurve& curve, const std::vector<TargetView>& targets) {
  if (curve.points.empty()) return std::nullopt;
  ChartLayout layout;
  layout.noun = curve.field == "traffic.runs_per_month" ? "runs" : "requests";
  double lo = 0;
  double hi = 0;
  std::vector<ChartSeries> infeasible;
  for (std::size_t i = 0; i < curve.targets.size(); ++i) {
    ChartSeries series{i, curve.targets[i], curve.targets[i], true};
    for (const auto& view : targets)
      if (view.id == series.id) {
        series.label = view.label;
        series.feasible = view.feasible;
      }
    bool priced = false;
    for (const auto& point : curve.points) {
      const auto& usd = point.usd[i];
      if (!usd) continue;
      priced = true;
      hi = std::max(hi, *usd);
      if (*usd > 0) lo = lo == 0 ? *usd : std::min(lo, *usd);
    }
    if (!priced)
      layout.unpriced.push_back(std::move(series));
    else if (series.feasible)
      layout.series.push_back(std::move(series));
    else
      infeasible.push_back(std::move(series));
  }
  if (layout.series.empty() && infeasible.empty()) return std::nullopt;
  for (auto& series : infeasible) layout.series.push_back(std::move(series));

  // A cent is the least a chart of monthly cost shows; then some room above and below the curves.
  hi = std::max(hi, 0.01);
  lo = std::clamp(lo, std::max(0.01, hi / std::pow(10.0, k_max_decades)), hi);
  double a = std::log10(lo);
  double b = std::log10(hi);
  const double span = std::max(b - a, std::log10(2.0));
  const double middle = (a + b) / 2;
  a = std::min(a, middle - span / 2) - span * 0.06;
  b = std::max(b, middle + span / 2) + span * 0.06;
  layout.y_lo = std::pow(10.0, a);
  layout.y_hi = std::pow(10.0, b);
  for (const double value : log_ticks(layout.y_lo, layout.y_hi))
    layout.y_ticks.push_back({value, short_usd(value), ""});

  for (const double scale : k_x_ticks)
    layout.x_ticks.push_back({scale, short_count(curve.events_per_month * scale), "×" + util::format_number(scale)});
  for (const auto& crossing : curve.crossings) {
    if (crossing.scale >= layout.x_lo && crossing.scale <= layout.x_hi)
      layout.crossings.push_back(crossing);
    else
      layout.off_chart.push_back(crossing);
  }
  return layout;
}

std::optional<double> cost_at(const model::CostCurve& curve, std::size_t index, double scale) {
  const auto& points = curve.points;
  if (points.empty()) return std::nullopt;
  auto after = std::lower_bound(points.begin(), points.end(), scale,
                                [](const model::CostCurvePoint& p, double s) { return p.scale < s; });
  if (after == points.end()) return points.back().usd[index];
  if (after->scale == scale || after == points.begin()) return after->usd[index];
  const auto before = std::prev(after);
  const auto& u = before->usd[index];
  const auto& v = after->usd[index];
  if (!u || !v) return std::nullopt;
  const double t = std::log(scale / before->scale) / std::log(after->scale / before->scale);
  if (*u <= 0 || *v <= 0) return *u + (*v - *u) * t;
  return std::exp(std::log(*u) + (std::log(*v) - std::log(*u)) * t);
}

}  // namespace caas::report

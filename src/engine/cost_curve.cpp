// Cost against traffic for charts: a fixed grid of traffic multiples, refined where a cost steps.
#include "caas/engine/cost_curve.hpp"

#include <algorithm>
#include <cmath>

#include "caas/engine/break_even.hpp"

namespace caas::engine {

namespace {

constexpr int k_points_per_decade = 24;
// Steps are located to a ten-thousandth of the traffic: far below a pixel of any chart.
constexpr double k_step_precision = 1 + 1e-4;
// Line items are rounded to the cent: a rise of a few cents beyond proportional is not a step.
constexpr double k_step_allowance_usd = 0.10;
constexpr int k_max_step_points = 64;

const model::TargetResult* find_result(const model::Recommendation& rec, std::string_view id) {
  for (const auto& result : rec.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

std::string target_name(const model::Recommendation& rec, const std::string& id) {
  const auto* result = find_result(rec, id);
  return result != nullptr && !result->target.name.empty() ? result->target.name : id;
}

// Whether `after` exceeds what a cost made of fixed parts and parts proportional to traffic can reach from `before`
// over [lo, hi]: then a count stepped up in between.
bool steps_between(std::optional<double> before, std::optional<double> after, double lo, double hi) {
  if (!before || !after) return false;
  return *after - *before > (hi / lo - 1) * *before + k_step_allowance_usd;
}

class Sampler {
 public:
  explicit Sampler(std::vector<cost::PreparedCost> prepared) : m_prepared(std::move(prepared)) {}

  model::CostCurvePoint at(double scale) const {
    model::CostCurvePoint point;
    point.scale = scale;
    for (const auto& cost : m_prepared) point.usd.push_back(cost::estimate_monthly_usd(cost, scale));
    return point;
  }

  // The step of target `index` inside (lo, hi): the points just before and just after it.
  std::pair<model::CostCurvePoint, model::CostCurvePoint> locate_step(model::CostCurvePoint lo,
                                                                      model::CostCurvePoint hi,
                                                                      std::size_t index) const {
    while (hi.scale > lo.scale * k_step_precision) {
      auto mid = at(std::sqrt(lo.scale * hi.scale));
      if (steps_between(lo.usd[index], mid.usd[index], lo.scale, mid.scale))
        hi = std::move(mid);
      else
        lo = std::move(mid);
    }
    return {std::move(lo), std::move(hi)};
  }

  // Appends to `out`, in order, the points just before and after each step strictly inside (a, b), while `budget`
  // points remain.
  void refine(const model::CostCurvePoint& a, const model::CostCurvePoint& b, std::vector<model::CostCurvePoint>& out,
              int& used) const {
    for (std::size_t i = 0; i < a.usd.size() && used < k_max_step_points; ++i) {
      if (!steps_between(a.usd[i], b.usd[i], a.scale, b.scale)) continue;
      auto [before, after] = locate_step(a, b, i);
      if (before.scale > a.scale) {
        refine(a, before, out, used);
        out.push_back(before);
        ++used;
      }
      if (after.scale < b.scale) {
        out.push_back(after);
        ++used;
        refine(after, b, out, used);
      }
      return;
    }
  }

 private:
  std::vector<cost::PreparedCost> m_prepared;
};

}  // namespace

const std::vector<double>& curve_scales() {
  static const std::vector<double> k_scales = [] {
    std::vector<double> scales;
    for (int i = -k_points_per_decade; i <= k_points_per_decade; ++i)
      scales.push_back(i == 0 ? 1.0 : std::pow(10.0, static_cast<double>(i) / k_points_per_decade));
    // The ends are exact, and the cost table's scales are points of every curve.
    scales.front() = k_curve_smallest_scale;
    scales.back() = k_curve_largest_scale;
    for (const double scale : cost_table_scales())
      if (std::find(scales.begin(), scales.end(), scale) == scales.end()) scales.push_back(scale);
    std::sort(scales.begin(), scales.end());
    return scales;
  }();
  return k_scales;
}

model::CostCurve cost_curve(const model::WorkloadProfile& profile, const model::Recommendation& rec,
                            const EngineOptions& options) {
  const auto inputs = cost::read_cost_inputs(profile, options.cost);
  const bool job = inputs.kind == cost::WorkloadKind::job;
  model::CostCurve curve;
  curve.field = job ? "traffic.runs_per_month" : "traffic.requests_per_month";
  const auto& events = job ? inputs.runs_per_month : inputs.requests_per_month;
  const auto* prices = region_prices(profile, options);
  if (prices == nullptr) {
    curve.note = "no prices for region " + priced_region(profile, options);
    return curve;
  }
  if (!events || *events <= 0) {
    curve.note = "the workload gives no " + curve.field + " to scale";
    return curve;
  }
  curve.events_per_month = *events;

  std::vector<cost::PreparedCost> prepared;
  for (const auto& result : rec.ranking) {
    const auto& known = cost::cost_targets();
    if (std::find(known.begin(), known.end(), result.target.id) == known.end()) continue;
    curve.targets.push_back(result.target.id);
    prepared.push_back(cost::prepare_cost(inputs, result.target.id, *prices));
  }
  const Sampler sampler(std::move(prepared));
  int step_points = 0;
  for (const double scale : curve_scales()) {
    auto point = sampler.at(scale);
    if (!curve.points.empty()) {
      const auto last = curve.points.back();
      sampler.refine(last, point, curve.points, step_points);
    }
    curve.points.push_back(std::move(point));
  }

  if (const auto break_even = find_break_even(profile, rec, options)) {
    curve.compared = break_even->targets;
    for (const auto& crossing : break_even->crossings)
      curve.crossings.push_back({crossing.scale, crossing.events_per_month, crossing.below, crossing.above,
                                 crossing.at_step,
                                 describe_crossing(*break_even, crossing, target_name(rec, crossing.below),
                                                   target_name(rec, crossing.above))});
  }
  return curve;
}

}  // namespace caas::engine

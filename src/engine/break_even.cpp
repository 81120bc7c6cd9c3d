// The break-even search: a logarithmic grid over traffic, each change of the cheapest target refined by bisection.
#include "caas/engine/break_even.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "caas/util/text.hpp"
#include "engine/cost_term.hpp"

namespace caas::engine {

namespace {

constexpr double k_seconds_per_month = 2'628'000;
// 12 points a decade: 73 points from 0.001× to 1000×, each 21 % above the last.
constexpr int k_points_per_decade = 12;
// Bisection stops when the bracket is within 1 % in traffic.
constexpr double k_precision = 1.01;
// A step is located to a millionth of the traffic.
constexpr double k_step_precision = 1 + 1e-6;
// Line items are rounded to the cent, so totals a few cents apart are a tie, not a change of the cheapest.
constexpr double k_tie_usd = 0.10;
// Within a millionth of the traffic a smooth cost moves by a millionth; a task or instance more moves it by dollars.
constexpr double k_step_usd = 0.25;
// Points looked at between grid points, at most: near-parallel costs would otherwise be followed at 1 % all along.
constexpr int k_max_extra_points = 64;

// At most this many targets are compared (the cost model knows three); a point is then a value, not an allocation.
constexpr std::size_t k_max_compared = 4;

// Every target's monthly total at one scale.
struct Point {
  double scale = 0;
  std::array<std::optional<double>, k_max_compared> usd{};
  std::size_t count = 0;
  int cheapest = -1;  // index of the lowest total (the first on a tie); -1 when none is priced
};

class Search {
 public:
  // One prepared cost per compared target, in the order of the targets.
  explicit Search(const std::vector<cost::PreparedCost>& targets) : m_targets(targets) {}

  Point at(double scale) const {
    Point point;
    point.scale = scale;
    point.count = m_targets.size();
    for (std::size_t i = 0; i < point.count; ++i) {
      const auto& usd = point.usd[i] = cost::estimate_monthly_usd(m_targets[i], scale);
      if (usd && (point.cheapest < 0 || *usd < *point.usd[static_cast<std::size_t>(point.cheapest)]))
        point.cheapest = static_cast<int>(i);
    }
    return point;
  }

  // Narrows [lo, hi], where `lo` has `from` cheapest and `hi` does not, until hi is within `precision` of lo.
  void bisect(Point& lo, Point& hi, int from, double precision) const {
    while (hi.scale > lo.scale * precision) {
      auto mid = at(std::sqrt(lo.scale * hi.scale));
      // A point nothing prices (none do at a positive scale once one does) is not a change.
      if (mid.cheapest == from || mid.cheapest < 0)
        lo = mid;
      else
        hi = mid;
    }
  }

 private:
  const std::vector<cost::PreparedCost>& m_targets;
};

double usd_of(const Point& point, int index) { return point.usd[static_cast<std::size_t>(index)].value_or(0); }

// Whether target `index` rises across [lo, hi] by more than a continuous cost could: a total of non-negative
// parts, each proportional to traffic or fixed, grows by at most (hi/lo − 1) of itself, plus the cents' rounding.
bool jumps(const Point& lo, const Point& hi, int index, double allowance_usd) {
  const double before = usd_of(lo, index);
  return usd_of(hi, index) - before > (hi.scale / lo.scale - 1) * before + allowance_usd;
}

// Locates the change from `from` between lo and hi to 1 %, then, when a cost may have stepped inside that
// bracket, to a millionth, to tell a step from a smooth crossing. `hi` is left at the point just above it.
Crossing refine(const Search& search, Point lo, Point& hi, int from, const BreakEven& result) {
  search.bisect(lo, hi, from, k_precision);
  bool at_step = false;
  if (jumps(lo, hi, from, k_tie_usd) || jumps(lo, hi, hi.cheapest, k_tie_usd)) {
    search.bisect(lo, hi, from, k_step_precision);
    at_step = jumps(lo, hi, from, k_step_usd) || jumps(lo, hi, hi.cheapest, k_step_usd);
  }
  Crossing crossing;
  crossing.scale = at_step ? hi.scale : std::sqrt(lo.scale * hi.scale);
  crossing.events_per_month = result.events_per_month * crossing.scale;
  crossing.requests_per_second = crossing.events_per_month / k_seconds_per_month;
  crossing.below = result.targets[static_cast<std::size_t>(from)];
  crossing.above = result.targets[static_cast<std::size_t>(hi.cheapest)];
  crossing.at_step = at_step;
  return crossing;
}

// The lowest total clearly below every other (by more than the rounding), or -1.
int clear_cheapest(const Point& point) {
  if (point.cheapest < 0) return -1;
  const double best = usd_of(point, point.cheapest);
  for (std::size_t i = 0; i < point.count; ++i)
    if (static_cast<int>(i) != point.cheapest && point.usd[i] && *point.usd[i] - best <= k_tie_usd) return -1;
  return point.cheapest;
}

std::string significant(double value, int digits) {
  if (value <= 0 || !std::isfinite(value)) return "0";
  const double unit = std::pow(10.0, std::floor(std::log10(value)) - (digits - 1));
  const double rounded = std::round(value / unit) * unit;
  // Rounded again at a fixed decimal, so 0.1 × 3 prints as 0.3.
  const double decimals = std::max(0.0, -std::floor(std::log10(unit)));
  const double scale = std::pow(10.0, decimals);
  return util::format_number(std::round(rounded * scale) / scale);
}

const model::TargetResult* find_result(const model::Recommendation& rec, std::string_view id) {
  for (const auto& result : rec.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

// The walk along the grid: the cheapest target is kept as long as no other undercuts it by more than the
// rounding, and the first one is taken once it is clearly cheapest. Between two grid points it looks closer where
// a change could hide: costs never fall as traffic rises, so over [a, b] the cheapest at a can only be undercut
// if its cost at b exceeds another's at a.
class Walk {
 public:
  Walk(const Search& search, BreakEven& result) : m_search(search), m_result(result) {}

  void visit(Point point) {
    if (m_state < 0) {
      m_state = clear_cheapest(point);
      if (m_state >= 0) m_last_of_state = point;
      return;
    }
    if (point.cheapest == m_state) {
      m_last_of_state = point;
      return;
    }
    if (point.cheapest < 0 || !point.usd[static_cast<std::size_t>(m_state)] ||
        usd_of(point, m_state) - usd_of(point, point.cheapest) <= k_tie_usd)
      return;
    // A change: refine it; a third target cheapest in between is a crossing of its own.
    Point lo = m_last_of_state;
    for (std::size_t hop = 0; hop < m_result.targets.size(); ++hop) {
      Point hi = point;
      m_result.crossings.push_back(refine(m_search, lo, hi, m_state, m_result));
      m_state = hi.cheapest;
      if (m_state == point.cheapest) break;
      lo = hi;
    }
    m_state = point.cheapest;
    m_last_of_state = point;
  }

  // Visits points strictly between a and b where a change could hide, down to 1 % in traffic.
  void between(const Point& a, const Point& b) {
    if (b.scale <= a.scale * k_precision || settled(a, b) || m_extra_points >= k_max_extra_points) return;
    ++m_extra_points;
    auto mid = m_search.at(std::sqrt(a.scale * b.scale));
    between(a, mid);
    visit(mid);
    between(mid, b);
  }

 private:
  // No other target can be cheaper inside [a, b]. Sure when its cost at a is above the cheapest one's at b (costs
  // never fall); taken as so when its lead at b is no smaller than at a and neither cost stepped up in between by
  // more than a continuous cost could (two fleets that add tasks and instances at the same traffic).
  static bool settled(const Point& a, const Point& b) {
    if (a.cheapest < 0 || a.cheapest != b.cheapest) return a.cheapest < 0 && b.cheapest < 0;
    const int x = a.cheapest;
    for (std::size_t i = 0; i < a.count; ++i) {
      if (static_cast<int>(i) == x || !a.usd[i] || !b.usd[i]) continue;
      if (*a.usd[i] + k_tie_usd >= usd_of(b, x)) continue;
      const bool lead_kept = *b.usd[i] - usd_of(b, x) >= *a.usd[i] - usd_of(a, x);
      const int y = static_cast<int>(i);
      if (!lead_kept || steps(a, b, x) || steps(a, b, y)) return false;
    }
    return true;
  }

  // A rise over [a, b] of more than a continuous cost could make, by more than a hundredth of the cost: a task or
  // instance count in its first hundred, where a window of another target can be wider than 1 %.
  static bool steps(const Point& a, const Point& b, int index) {
    return jumps(a, b, index, std::max(k_tie_usd, 0.01 * usd_of(b, index)));
  }

  const Search& m_search;
  BreakEven& m_result;
  int m_state = -1;
  Point m_last_of_state;  // the latest point where the current state was the cheapest
  int m_extra_points = 0;
};

}  // namespace

std::optional<BreakEven> find_break_even(const cost::CostInputs& inputs, const std::vector<std::string>& targets,
                                         const cost::RegionPrices& prices) {
  const bool job = inputs.kind == cost::WorkloadKind::job;
  const auto& events = job ? inputs.runs_per_month : inputs.requests_per_month;
  if (!events || *events <= 0) return std::nullopt;
  BreakEven result;
  result.field = job ? "traffic.runs_per_month" : "traffic.requests_per_month";
  result.events_per_month = *events;
  // What does not depend on traffic (the instance type, the task size, the prices) is worked out once per target.
  std::vector<cost::PreparedCost> prepared;
  for (const auto& target : targets) {
    if (result.targets.size() >= k_max_compared) break;
    auto cost = cost::prepare_cost(inputs, target, prices);
    if (!cost::estimate_monthly_usd(cost)) continue;
    result.targets.push_back(target);
    prepared.push_back(cost);
  }
  if (result.targets.size() < 2) return std::nullopt;
  const Search search(prepared);
  Walk walk(search, result);
  // Every fourth point of the grid is priced; between them, only where a change could hide (Walk::between), down
  // to the grid's points and then to 1 %.
  constexpr int k_stride = 2;
  constexpr int k_last = 6 * k_points_per_decade;
  Point previous = search.at(k_smallest_scale);
  walk.visit(previous);
  for (int i = k_stride; i <= k_last; i += k_stride) {
    auto point = search.at(std::pow(10.0, -3.0 + static_cast<double>(i) / k_points_per_decade));
    walk.between(previous, point);
    walk.visit(point);
    previous = point;
  }
  return result;
}

const cost::RegionPrices* region_prices(const model::WorkloadProfile& profile, const EngineOptions& options) {
  if (options.prices == nullptr) return nullptr;
  return options.prices->find_region(pricing_region(profile, options));
}

std::string priced_region(const model::WorkloadProfile& profile, const EngineOptions& options) {
  return pricing_region(profile, options);
}

std::optional<BreakEven> find_break_even(const model::WorkloadProfile& profile, const model::Recommendation& rec,
                                         const EngineOptions& options) {
  std::vector<std::string> targets;
  for (const auto& result : rec.ranking)
    if (result.feasible && result.cost) targets.push_back(result.target.id);
  if (targets.size() < 2) return std::nullopt;
  const auto* prices = region_prices(profile, options);
  if (prices == nullptr) return std::nullopt;
  return find_break_even(cost::read_cost_inputs(profile, options.cost), targets, *prices);
}

std::string format_traffic(double events_per_month) {
  if (events_per_month >= 1e6) return significant(events_per_month / 1e6, 3) + "M";
  if (events_per_month >= 1e3) return significant(events_per_month / 1e3, 3) + "k";
  return significant(events_per_month, 3);
}

namespace {

// "711k requests a month (about 0.27 requests/second sustained)", or for a job "… runs a month (about 12 runs a
// day)"; and for a step, what the step is.
std::string crossing_traffic(const BreakEven& break_even, const Crossing& crossing) {
  const bool runs = break_even.field == "traffic.runs_per_month";
  const std::string rate =
      runs ? fmt::format("about {} runs a day", significant(crossing.events_per_month * 24 / 730, 3))
           : fmt::format("about {} requests/second sustained", significant(crossing.requests_per_second, 3));
  return fmt::format("{} {} a month ({})", format_traffic(crossing.events_per_month), runs ? "runs" : "requests", rate);
}

constexpr std::string_view k_step_note = ", where a task, instance or provisioned-concurrency count steps up";

}  // namespace

std::string crossing_message(const BreakEven& break_even, const Crossing& crossing, std::string_view name) {
  return fmt::format("{} becomes the cheaper choice {} {}{}", name, crossing.scale < 1 ? "below" : "above",
                     crossing_traffic(break_even, crossing), crossing.at_step ? k_step_note : "");
}

std::string describe_crossing(const BreakEven& break_even, const Crossing& crossing, std::string_view below_name,
                              std::string_view above_name) {
  return fmt::format("{} is cheaper below {}; {} above{}", below_name, crossing_traffic(break_even, crossing),
                     above_name, crossing.at_step ? k_step_note : "");
}

void explain_break_even(const model::WorkloadProfile& profile, const EngineOptions& options,
                        model::Recommendation& rec) {
  const auto break_even = find_break_even(profile, rec, options);
  if (!break_even) return;
  for (const auto& crossing : break_even->crossings) {
    // Seen from today's traffic: a crossing below it is reached as traffic falls, one above as it grows.
    const std::string& id = crossing.scale < 1 ? crossing.below : crossing.above;
    const auto* result = find_result(rec, id);
    const std::string name = result != nullptr && !result->target.name.empty() ? result->target.name : id;
    rec.what_would_change.push_back({"break_even", id, break_even->field, format_traffic(crossing.events_per_month),
                                     crossing_message(*break_even, crossing, name)});
  }
}

const std::vector<double>& cost_table_scales() {
  static const std::vector<double> k_scales = {0.1, 0.3, 1, 3, 10};
  return k_scales;
}

std::vector<CostAtScale> cost_table(const cost::CostInputs& inputs, const std::vector<std::string>& targets,
                                    const cost::RegionPrices& prices) {
  const auto& events = inputs.kind == cost::WorkloadKind::job ? inputs.runs_per_month : inputs.requests_per_month;
  std::vector<cost::PreparedCost> prepared;
  prepared.reserve(targets.size());
  for (const auto& target : targets) prepared.push_back(cost::prepare_cost(inputs, target, prices));
  std::vector<CostAtScale> rows;
  for (const double scale : cost_table_scales()) {
    CostAtScale row;
    row.scale = scale;
    if (events) row.events_per_month = *events * scale;
    for (const auto& cost : prepared) row.usd.push_back(cost::estimate_monthly_usd(cost, scale));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace caas::engine

// The SVG of the cost-against-traffic chart. Coordinates are in the viewBox's units, rounded to a tenth.
#include "html_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "caas/util/text.hpp"
#include "cost_chart.hpp"
#include "html_text.hpp"
#include "text_sections.hpp"

namespace caas::report {

namespace {

constexpr double k_width = 760;
constexpr double k_height = 330;
constexpr double k_left = 72;
constexpr double k_right = 585;  // the plot's right edge; the lines' labels go beyond it
constexpr double k_top = 26;
constexpr double k_bottom = 262;
constexpr double k_label_gap = 14;  // least vertical distance between two end labels
// Lines are styled by their place among the curves (s1..s4 in page.css): dash pattern and marker shape.
constexpr std::size_t k_styles = 4;

struct Plot {
  const ChartLayout& layout;
  double x(double scale) const { return k_left + layout.fx(scale) * (k_right - k_left); }
  double y(double usd) const { return k_bottom - layout.fy(usd) * (k_bottom - k_top); }
};

std::string num(double value) { return util::format_number(std::round(value * 10) / 10); }

std::size_t style_of(std::size_t position) { return position % k_styles + 1; }

// A marker of shape `style` centred on (x, y): circle, square, triangle, diamond.
std::string marker_path(std::size_t style, double x, double y) {
  switch (style) {
    case 1: return fmt::format("M{} {}a4 4 0 1 0 8 0a4 4 0 1 0-8 0Z", num(x - 4), num(y));
    case 2: return fmt::format("M{} {}h7v7h-7Z", num(x - 3.5), num(y - 3.5));
    case 3: return fmt::format("M{} {}l4.5 9h-9Z", num(x), num(y - 4.5));
    default: return fmt::format("M{} {}l4.5 4.5-4.5 4.5-4.5-4.5Z", num(x), num(y - 4.5));
  }
}

// The line through a target's points; a gap where the model cannot price it. Points on the straight line between
// their neighbours (a cost proportional to traffic, a flat one) are left out: the drawing is the same.
std::string series_path(const model::CostCurve& curve, std::size_t index, const Plot& plot) {
  struct P {
    double x, y;
  };
  std::vector<std::vector<P>> runs(1);
  for (const auto& point : curve.points) {
    if (!point.usd[index]) {
      if (!runs.back().empty()) runs.emplace_back();
      continue;
    }
    runs.back().push_back({plot.x(point.scale), plot.y(*point.usd[index])});
  }
  std::string d;
  for (const auto& run : runs) {
    if (run.empty()) continue;
    std::vector<P> kept = {run.front()};
    for (std::size_t i = 1; i + 1 < run.size(); ++i) {
      const P& a = kept.back();
      const P& b = run[i + 1];
      const double dx = b.x - a.x;
      const double dy = b.y - a.y;
      const double length = std::hypot(dx, dy);
      const double off = length > 0 ? std::fabs(dy * (run[i].x - a.x) - dx * (run[i].y - a.y)) / length : 0;
      if (off > 0.15) kept.push_back(run[i]);
    }
    if (run.size() > 1) kept.push_back(run.back());
    d += fmt::format("M{} {}", num(kept.front().x), num(kept.front().y));
    for (std::size_t i = 1; i < kept.size(); ++i) d += fmt::format("L{} {}", num(kept[i].x), num(kept[i].y));
  }
  return d;
}

const model::CostCurvePoint* point_at(const model::CostCurve& curve, double scale) {
  for (const auto& point : curve.points)
    if (point.scale == scale) return &point;
  return nullptr;
}

// The end labels, moved apart where lines end close together.
std::vector<double> spread_labels(std::vector<double> ys) {
  std::vector<std::size_t> order(ys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ys[a] < ys[b]; });
  for (std::size_t k = 1; k < order.size(); ++k) ys[order[k]] = std::max(ys[order[k]], ys[order[k - 1]] + k_label_gap);
  // Pushed below the frame: shift the whole stack up.
  if (!order.empty() && ys[order.back()] > k_height - 8) {
    const double shift = ys[order.back()] - (k_height - 8);
    for (auto& y : ys) y -= shift;
  }
  return ys;
}

void write_axes(std::string& svg, const ChartLayout& layout, const Plot& plot) {
  std::string grid;
  for (const auto& tick : layout.y_ticks)
    grid += fmt::format("M{} {}H{}", num(k_left), num(plot.y(tick.value)), num(k_right));
  for (const auto& tick : layout.x_ticks)
    grid += fmt::format("M{} {}V{}", num(plot.x(tick.value)), num(k_top), num(k_bottom));
  svg += fmt::format(R"(<path class="grid" d="{}"/>)", grid);
  svg += fmt::format(R"(<rect class="frame" x="{}" y="{}" width="{}" height="{}"/>)", num(k_left), num(k_top),
                     num(k_right - k_left), num(k_bottom - k_top));
  for (const auto& tick : layout.y_ticks) {
    const double y = plot.y(tick.value);
    svg += fmt::format(R"(<line class="frame ytick" x1="{}" x2="{}" y1="{}" y2="{}" data-v="{}"/>)", num(k_left - 4),
                       num(k_left), num(y), num(y), util::format_number(tick.value));
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", num(k_left - 7), num(y + 4),
                       html_text(tick.label));
  }
  for (const auto& tick : layout.x_ticks) {
    const double x = plot.x(tick.value);
    svg += fmt::format(R"(<line class="frame xtick" x1="{}" x2="{}" y1="{}" y2="{}" data-v="{}"/>)", num(x), num(x),
                       num(k_bottom), num(k_bottom + 4), util::format_number(tick.value));
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)", num(x), num(k_bottom + 17),
                       html_text(tick.label));
    svg += fmt::format(R"(<text class="axis-label" x="{}" y="{}" text-anchor="middle">{}</text>)", num(x),
                       num(k_bottom + 31), html_text(tick.sublabel));
  }
  svg += fmt::format(R"(<text class="axis-label" x="{}" y="{}" text-anchor="middle">{} a month (log scale)</text>)",
                     num((k_left + k_right) / 2), num(k_height - 6), layout.noun);
  svg += fmt::format(
      R"~(<text class="axis-label" transform="rotate(-90)" x="{}" y="14" text-anchor="middle">cost a month, USD (log scale)</text>)~",
      num(-(k_top + k_bottom) / 2));
}

void write_series(std::string& svg, const model::CostCurve& curve, const ChartLayout& layout, const Plot& plot) {
  std::vector<double> end_ys;
  for (std::size_t position = 0; position < layout.series.size(); ++position) {
    const auto& series = layout.series[position];
    const std::size_t style = style_of(position);
    const std::string extra = series.feasible ? "" : " nofit";
    svg += fmt::format(R"(<path class="s s{}{}" d="{}" data-target="{}"/>)", style, extra,
                       series_path(curve, series.index, plot), html_text(series.id));
    for (const auto& tick : layout.x_ticks) {
      const auto* point = point_at(curve, tick.value);
      if (point == nullptr || !point->usd[series.index]) continue;
      svg += fmt::format(R"(<use class="m m{0}{1}" href="#mk{0}" x="{2}" y="{3}" data-target="{4}" data-scale="{5}"/>)",
                         style, extra, num(plot.x(tick.value)), num(plot.y(*point->usd[series.index])),
                         html_text(series.id), util::format_number(tick.value));
    }
    double end = k_bottom;
    // The line's last priced point.
    for (const auto& point : curve.points)
      if (point.usd[series.index]) end = plot.y(*point.usd[series.index]);
    end_ys.push_back(end + 4);
  }
  const auto ys = spread_labels(end_ys);
  for (std::size_t position = 0; position < layout.series.size(); ++position) {
    const auto& series = layout.series[position];
    svg += fmt::format(R"(<text class="{}" x="{}" y="{}">{}{}</text>)", series.feasible ? "" : "label-nofit",
                       num(k_right + 8), num(ys[position]), html_text(series.label),
                       series.feasible ? "" : " (does not fit)");
  }
}

void write_markers(std::string& svg, const model::CostCurve& curve, const ChartLayout& layout, const Plot& plot) {
  const double today = plot.x(1);
  svg += fmt::format(R"(<line class="today" x1="{}" x2="{}" y1="{}" y2="{}" data-scale="1"/>)", num(today), num(today),
                     num(k_top), num(k_bottom));
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">today</text>)", num(today), num(k_top - 8));
  for (std::size_t i = 0; i < layout.crossings.size(); ++i) {
    const auto& crossing = layout.crossings[i];
    const double x = plot.x(crossing.scale);
    svg += fmt::format(R"(<line class="cross" x1="{}" x2="{}" y1="{}" y2="{}" data-scale="{}" data-per-month="{}"/>)",
                       num(x), num(x), num(k_top), num(k_bottom), util::format_number(crossing.scale),
                       util::format_number(std::round(crossing.events_per_month)));
    for (const auto& series : layout.series) {
      if (series.id != crossing.below) continue;
      if (const auto usd = cost_at(curve, series.index, crossing.scale))
        svg += fmt::format(R"(<circle class="cross-dot" cx="{}" cy="{}" r="5"/>)", num(x), num(plot.y(*usd)));
    }
    // The number of the crossing above the frame, nudged away from "today" when they would overlap.
    double label_x = x;
    if (std::fabs(label_x - today) < 24) label_x = today + (label_x < today ? -24 : 24);
    svg += fmt::format(R"(<text class="cross-label" x="{}" y="{}" text-anchor="middle">{}</text>)", num(label_x),
                       num(k_top - 8), i + 1);
  }
}

// Each line's sample (its dash and marker) and name, and whether it fits: the key without colour.
std::string legend(const ChartLayout& layout) {
  std::string html = "<ul class=\"legend\">";
  for (std::size_t position = 0; position < layout.series.size(); ++position) {
    const auto& series = layout.series[position];
    const std::size_t style = style_of(position);
    const std::string extra = series.feasible ? "" : " nofit";
    html += fmt::format(R"(<li><svg class="chart key" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">)"
                        R"(<path class="s s{0}{1}" d="M2 7H42"/><path class="m m{0}{1}" d="{2}"/></svg> {3}{4}</li>)",
                        style, extra, marker_path(style, 22, 7), html_text(series.label),
                        series.feasible ? "" : " — does not fit");
  }
  return html + "</ul>";
}

// The numbers behind the chart: each target's cost at the cost table's multiples of today's traffic.
std::string alt_table(const model::CostCurve& curve, const ChartLayout& layout) {
  std::string html = R"(<details class="alt"><summary>The chart's numbers as a table</summary><table><thead><tr>)";
  html += "<th>traffic</th><th class=\"num\">" + html_text(layout.noun) + " a month</th>";
  for (const auto& series : layout.series)
    html += "<th class=\"num\">" + html_text(series.label) + (series.feasible ? "" : " (does not fit)") + "</th>";
  html += "</tr></thead><tbody>";
  for (const auto& tick : layout.x_ticks) {
    const auto* point = point_at(curve, tick.value);
    if (point == nullptr) continue;
    html += "<tr><td>" + html_text(tick.sublabel) + (tick.value == 1 ? " (today)" : "") + "</td><td class=\"num\">" +
            html_text(grouped(std::round(curve.events_per_month * tick.value))) + "</td>";
    for (const auto& series : layout.series) {
      const auto& usd = point->usd[series.index];
      html += fmt::format(R"(<td class="num" data-target="{}" data-scale="{}">{}</td>)", html_text(series.id),
                          util::format_number(tick.value), usd ? html_usd(*usd) : "—");
    }
    html += "</tr>";
  }
  return html + "</tbody></table></details>";
}

// One sentence per line of the chart and per crossing, for screen readers (the SVG's description).
std::string description(const model::CostCurve& curve, const ChartLayout& layout) {
  std::string text = fmt::format("At today's {} {} a month:", short_count(curve.events_per_month), layout.noun);
  const auto* today = point_at(curve, 1);
  for (std::size_t i = 0; i < layout.series.size(); ++i) {
    const auto& series = layout.series[i];
    const auto usd = today != nullptr ? today->usd[series.index] : std::nullopt;
    text += fmt::format("{} {} {}{}", i == 0 ? "" : ";", series.label, usd ? html_usd(*usd) : "not priced",
                        series.feasible ? "" : " (does not fit)");
  }
  text += ".";
  for (const auto& crossing : layout.crossings) text += " " + crossing.message + ".";
  if (layout.crossings.empty()) text += " The cheapest target does not change between a tenth and ten times today's.";
  return html_text(text);
}

}  // namespace

std::string html_chart_defs() {
  std::string defs = R"(<svg class="defs" width="0" height="0" aria-hidden="true"><defs>)";
  for (std::size_t style = 1; style <= k_styles; ++style)
    defs += fmt::format(R"(<path id="mk{}" d="{}"/>)", style, marker_path(style, 0, 0));
  return defs + "</defs></svg>";
}

std::string html_cost_chart(const model::Recommendation& recommendation, const std::string& id) {
  if (!recommendation.cost_curve) return {};
  const auto& curve = *recommendation.cost_curve;
  const auto layout = layout_chart(curve, target_views(recommendation));
  if (!layout) {
    const std::string why = !curve.note.empty() ? curve.note : "no target has a cost";
    return "<p class=\"none\">No chart: " + html_text(why) + ".</p>";
  }
  const Plot plot{*layout};
  std::string html = "<figure aria-labelledby=\"" + id + "-cap\">";
  html += fmt::format(R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d">)", num(k_width),
                      num(k_height), id, id);
  html += fmt::format(R"(<title id="{}-t">Monthly cost of each target against traffic</title>)", id);
  html += fmt::format(R"(<desc id="{}-d">{}</desc>)", id, description(curve, *layout));
  write_axes(html, *layout, plot);
  write_markers(html, curve, *layout, plot);
  write_series(html, curve, *layout, plot);
  html += "</svg>" + legend(*layout);

  html += fmt::format(
      "<figcaption id=\"{}-cap\">Monthly cost of each target from a tenth to ten times today's {} {} "
      "a month; both axes are logarithmic. The solid vertical line is today's traffic",
      id, html_text(short_count(curve.events_per_month)), html_text(layout->noun));
  html += layout->crossings.empty() ? "." : "; each dashed line, numbered above the chart, a break-even.";
  if (!layout->crossings.empty()) {
    html += "<ol class=\"crossings\">";
    for (const auto& crossing : layout->crossings) html += "<li>" + html_text(crossing.message) + "</li>";
    html += "</ol>";
  }
  for (const auto& crossing : layout->off_chart)
    html += "<p>Beyond the chart (" + html_text("×" + util::format_number(std::round(crossing.scale * 100) / 100)) +
            "): " + html_text(crossing.message) + ".</p>";
  if (curve.crossings.empty() && curve.compared.size() >= 2)
    html +=
        "<p>No break-even: the cheapest target that fits stays the same from a thousandth to a thousand times "
        "today's traffic.</p>";
  else if (curve.compared.size() < 2)
    html += "<p>No break-even: fewer than two targets that fit have a known cost.</p>";
  for (const auto& series : layout->unpriced)
    html += "<p>" + html_text(series.label) + " is not on the chart: the cost model cannot price it.</p>";
  html += "</figcaption>" + alt_table(curve, *layout) + "</figure>";
  return html;
}

}  // namespace caas::report

// The cost-against-traffic chart in a terminal: one glyph per target (the shapes of the page's markers; hollow for
// a target that does not fit), today's traffic and each break-even as a column, axes labelled, all within a width.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "caas/report/cost_report.hpp"
#include "caas/util/text.hpp"
#include "cost_chart.hpp"
#include "text_layout.hpp"

namespace caas::report {

namespace {

constexpr std::size_t k_rows = 15;
constexpr std::size_t k_min_width = 40;

struct Glyphs {
  std::vector<std::string> fits;
  std::vector<std::string> no_fit;
  std::string today, crossing, axis, tick_left, corner, rule, tick_down;
  std::string meet;  // two or more lines in one cell
};

const Glyphs& glyphs(bool unicode) {
  static const Glyphs k_unicode{{"●", "■", "▲", "◆"}, {"○", "□", "△", "◇"}, "│", "┊", "│", "┤", "└", "─", "┬", "✱"};
  static const Glyphs k_ascii{{"o", "#", "^", "+"}, {"o", "#", "^", "+"}, "|", ":", "|", "+", "+", "-", "+", "*"};
  return unicode ? k_unicode : k_ascii;
}

// Cells of the plot: one string (a glyph) per cell.
using Grid = std::vector<std::vector<std::string>>;

std::size_t column_of(const ChartLayout& layout, double scale, std::size_t columns) {
  const double f = std::clamp(layout.fx(scale), 0.0, 1.0);
  return static_cast<std::size_t>(std::lround(f * static_cast<double>(columns - 1)));
}

std::size_t row_of(const ChartLayout& layout, double usd) {
  const double f = std::clamp(layout.fy(usd), 0.0, 1.0);
  return static_cast<std::size_t>(std::lround((1 - f) * static_cast<double>(k_rows - 1)));
}

// Centres `label` on `column` in `line` (a row of single-width cells) unless it would touch a label already there.
void place(std::vector<std::string>& line, std::size_t column, const std::string& label) {
  const std::size_t width = util::display_width(label);
  std::size_t start = column >= width / 2 ? column - width / 2 : 0;
  if (start + width > line.size()) start = line.size() >= width ? line.size() - width : 0;
  const std::size_t lo = start > 0 ? start - 1 : 0;
  const std::size_t hi = std::min(line.size(), start + width + 1);
  for (std::size_t i = lo; i < hi; ++i)
    if (line[i] != " ") return;
  // Labels are counts, multiples and digits: one character a cell.
  std::size_t cell = start;
  for (std::size_t i = 0; i < label.size() && cell < line.size(); ++cell) {
    const auto decoded = util::decode_utf8(label, i);
    const std::size_t length = std::max<std::size_t>(decoded.length, 1);
    line[cell] = label.substr(i, length);
    i += length;
  }
}

std::string joined(const std::vector<std::string>& cells) {
  std::string text;
  for (const auto& cell : cells) text += cell;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Draws one target's line with `glyph`; where another line already is, the cell shows `meet`, so a line hidden
// under another is seen to be there.
void draw_series(Grid& grid, const model::CostCurve& curve, const ChartLayout& layout, const ChartSeries& series,
                 const std::string& glyph, const Glyphs& g) {
  const std::size_t columns = grid.front().size();
  constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  std::size_t previous = k_none;
  for (std::size_t c = 0; c < columns; ++c) {
    const double scale =
        layout.x_lo * std::pow(layout.x_hi / layout.x_lo, static_cast<double>(c) / static_cast<double>(columns - 1));
    const auto usd = cost_at(curve, series.index, scale);
    if (!usd) {
      previous = k_none;
      continue;
    }
    const std::size_t row = row_of(layout, *usd);
    // A step between two columns is drawn as a vertical run from the level before, so it shows where it is.
    std::size_t from = row, to = row;
    if (previous != k_none && previous > row + 1) to = previous - 1;
    if (previous != k_none && row > previous + 1) from = previous + 1;
    for (std::size_t r = from; r <= to; ++r) {
      auto& cell = grid[r][c];
      const bool line_there = cell != " " && cell != g.today && cell != g.crossing && cell != glyph;
      cell = line_there ? g.meet : glyph;
    }
    previous = row;
  }
}

}  // namespace

void render_cost_chart(std::ostream& out, const CostReport& report, const ChartOptions& options) {
  if (!report.curve) return;
  std::vector<TargetView> views;
  for (const auto& target : report.targets)
    views.push_back(
        {target.target.id, target.target.name.empty() ? target.target.id : target.target.name, target.feasible});
  const auto layout = layout_chart(*report.curve, views);
  const Painter paint(options.color);
  out << '\n' << paint("Cost against traffic", Style::bold) << '\n';
  if (!layout) {
    out << "  no chart: "
        << util::escape_control(report.curve->note.empty() ? "no target has a cost" : report.curve->note) << '\n';
    return;
  }
  const Glyphs& g = glyphs(options.unicode);
  std::size_t label_width = 0;
  for (const auto& tick : layout->y_ticks) label_width = std::max(label_width, tick.label.size());
  const std::size_t width = std::max(options.width, k_min_width);
  const std::size_t margin = label_width + 2;  // label, a space, the axis
  const std::size_t columns = width - margin - 1;
  Grid grid(k_rows, std::vector<std::string>(columns, " "));

  const std::size_t today = column_of(*layout, 1, columns);
  for (auto& row : grid) row[today] = g.today;
  std::vector<std::string> top(columns, " ");
  place(top, today, "today");
  for (std::size_t i = 0; i < layout->crossings.size(); ++i) {
    const std::size_t c = column_of(*layout, layout->crossings[i].scale, columns);
    for (auto& row : grid) row[c] = g.crossing;
    place(top, c, std::to_string(i + 1));
  }
  // The recommended target last, so it is on top where lines meet; targets that do not fit first.
  for (std::size_t k = layout->series.size(); k-- > 0;) {
    const auto& series = layout->series[k];
    const auto& set = series.feasible ? g.fits : g.no_fit;
    draw_series(grid, *report.curve, *layout, series, set[k % set.size()], g);
  }

  std::vector<std::string> labels(k_rows);
  for (const auto& tick : layout->y_ticks) {
    auto& label = labels[row_of(*layout, tick.value)];
    if (label.empty()) label = tick.label;
  }
  out << std::string(margin, ' ') << joined(top) << '\n';
  for (std::size_t r = 0; r < k_rows; ++r) {
    const bool ticked = !labels[r].empty();
    out << pad(labels[r], label_width, Align::right) << ' ' << (ticked ? g.tick_left : g.axis) << joined(grid[r])
        << '\n';
  }
  std::string axis = std::string(margin - 1, ' ') + g.corner;
  std::vector<std::string> rule(columns, g.rule);
  for (const auto& tick : layout->x_ticks) rule[column_of(*layout, tick.value, columns)] = g.tick_down;
  out << axis << joined(rule) << '\n';
  std::vector<std::string> values(columns, " ");
  std::vector<std::string> multiples(columns, " ");
  for (const auto& tick : layout->x_ticks) {
    place(values, column_of(*layout, tick.value, columns), tick.label);
    // "×0.1", or "x0.1" where only ASCII will do.
    const std::string multiple = options.unicode ? tick.sublabel : "x" + util::format_number(tick.value);
    place(multiples, column_of(*layout, tick.value, columns), multiple);
  }
  out << std::string(margin, ' ') << joined(values) << '\n';
  out << std::string(margin, ' ') << joined(multiples) << '\n';
  const std::string title = fmt::format("{} a month, {} today (log scale); cost a month in USD (log scale)",
                                        layout->noun, short_count(report.curve->events_per_month));
  for (const auto& line : wrap(title, width - 2)) out << "  " << paint(line, Style::dim) << '\n';

  // The key: each glyph and its target, then the columns.
  std::vector<std::string> key;
  for (std::size_t k = 0; k < layout->series.size(); ++k) {
    const auto& series = layout->series[k];
    const auto& set = series.feasible ? g.fits : g.no_fit;
    key.push_back(set[k % set.size()] + " " + util::escape_control(series.label) +
                  (series.feasible ? "" : " (does not fit)"));
  }
  key.push_back(g.meet + " lines meet");
  key.push_back(g.today + " today");
  if (!layout->crossings.empty()) key.push_back(g.crossing + " break-even");
  std::string line = " ";
  for (const auto& item : key) {
    if (util::display_width(line) + 3 + util::display_width(item) > width && line != " ") {
      out << line << '\n';
      line = " ";
    }
    line += "  " + item;
  }
  out << line << '\n';
  for (std::size_t i = 0; i < layout->crossings.size(); ++i) {
    const auto lines = wrap(util::escape_control(layout->crossings[i].message), width - 6);
    for (std::size_t j = 0; j < lines.size(); ++j)
      out << (j == 0 ? fmt::format("  {:>2}  ", i + 1) : std::string(6, ' ')) << lines[j] << '\n';
  }
  for (const auto& crossing : layout->off_chart)
    for (const auto& text : wrap("beyond the chart: " + util::escape_control(crossing.message), width - 4))
      out << "    " << text << '\n';
}

}  // namespace caas::report

// `caas-advisor cost`: the line items of every target, the break-even and the cost at other traffic, as text for
// a person and as JSON ("caas-advisor/cost/v1") for tools.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "caas/report/cost_report.hpp"
#include "caas/util/text.hpp"
#include "json_sections.hpp"
#include "text_sections.hpp"

namespace caas::report {

namespace {

using util::escape_control;

constexpr std::string_view k_schema = "caas-advisor/cost/v1";

std::string label(const CostTarget& target) { return target_label(target.target); }

std::string events_noun(const CostReport& report) {
  return report.traffic_field == "traffic.runs_per_month" ? "runs" : "requests";
}

// The target the break-even compares that costs least today (the first on a tie), or nullptr.
const CostTarget* cheapest_compared(const CostReport& report) {
  const CostTarget* best = nullptr;
  for (const auto& id : report.compared)
    for (const auto& target : report.targets)
      if (target.target.id == id && target.cost &&
          (best == nullptr || target.cost->monthly_usd < best->cost->monthly_usd))
        best = &target;
  return best;
}

// "AWS Lambda — $21.73 a month", "Amazon EC2 — does not fit (ec2-x); $7.73 a month if it did", "… — cost unknown".
std::string target_heading(const CostTarget& target, const TextContext& context) {
  std::string text = context.paint(label(target), Style::bold) + " — ";
  if (!target.feasible) {
    std::string rules;
    for (const auto& rule : target.blockers) rules += (rules.empty() ? "" : ", ") + escape_control(rule);
    text += context.paint("does not fit", Style::red) + " (" + rules + ")";
    if (target.cost) return text + "; " + format_usd(target.cost->monthly_usd) + " a month if it did";
    return text + "; no cost: " + escape_control(target.cost_unknown_reason);
  }
  if (target.cost) return text + format_usd(target.cost->monthly_usd) + " a month";
  return text + "cost unknown: " + escape_control(target.cost_unknown_reason);
}

void write_paragraph(std::ostream& out, std::string_view marker, const std::string& text, const TextContext& context) {
  const std::string lead = "  " + std::string(marker) + " ";
  const auto lines = wrap(text, context.width - std::min(context.width, display_width(lead)));
  const std::string indent(display_width(lead), ' ');
  for (std::size_t i = 0; i < lines.size(); ++i)
    out << (i == 0 ? "  " + context.paint(marker, Style::dim) + " " : indent) << lines[i] << '\n';
}

void write_target(std::ostream& out, const CostTarget& target, const TextContext& context) {
  out << '\n' << target_heading(target, context) << '\n';
  if (!target.cost) return;
  write_cost_items(out, *target.cost, context);
  for (const auto& a : target.cost->assumptions)
    write_paragraph(out, "·", escape_control(a.field) + ": " + escape_control(a.value) + " — " + escape_control(a.why),
                    context);
}

void write_break_even(std::ostream& out, const CostReport& report, const TextContext& context) {
  out << '\n' << context.paint("Break-even", Style::bold) << '\n';
  if (!report.no_break_even.empty()) {
    write_paragraph(out, "·", escape_control(report.no_break_even), context);
    return;
  }
  write_paragraph(out, "·",
                  fmt::format("{} scaled from 0.001× to 1000× today's, peak_rps with it, everything else held; "
                              "the cheapest by list price, without the score's materiality threshold",
                              report.traffic_field),
                  context);
  for (const auto& crossing : report.crossings) write_paragraph(out, "→", escape_control(crossing.message), context);
  if (report.crossings.empty()) {
    const auto* cheapest = cheapest_compared(report);
    write_paragraph(out, "→",
                    fmt::format("no crossing: {} is the cheapest over the whole range",
                                cheapest != nullptr ? label(*cheapest) : std::string("the same target")),
                    context);
  }
}

void write_table(std::ostream& out, const CostReport& report, const TextContext& context) {
  if (report.table.empty()) return;
  out << '\n' << context.paint("Cost a month at other traffic", Style::bold) << '\n';
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = {"traffic", events_noun(report) + " a month"};
  for (const auto& target : report.targets) header.push_back(label(target) + (target.feasible ? "" : " (no fit)"));
  cells.push_back(header);
  for (const auto& row : report.table) {
    std::vector<std::string> line = {
        "×" + util::format_number(row.scale),
        row.events_per_month ? grouped(std::round(*row.events_per_month)) : std::string("—")};
    for (const auto& usd : row.usd) line.push_back(usd ? format_usd(*usd) : "—");
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& line : cells)
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], display_width(line[i]));
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string text = "  " + pad(cells[r][0], widths[0]);
    for (std::size_t i = 1; i < cells[r].size(); ++i) text += "  " + pad(cells[r][i], widths[i], Align::right);
    out << (r == 0 ? context.paint(text, Style::dim) : text) << '\n';
  }
}

void write_text(std::ostream& out, const ToolInfo& tool, const CostReport& report, const TextContext& context) {
  const std::string name = escape_control(report.name);
  const std::string file = escape_control(report.file);
  const std::size_t used = display_width(name) + display_width(file);
  out << context.paint(name, Style::bold) << std::string(used + 2 <= context.width ? context.width - used : 2, ' ')
      << context.paint(file, Style::dim) << '\n';
  std::string intro = fmt::format("Monthly cost on each target in {}, prices of {}", escape_control(report.region),
                                  escape_control(tool.pricing_date));
  if (report.events_per_month)
    intro += fmt::format(", at {} {} a month", grouped(*report.events_per_month), events_noun(report));
  for (const auto& target : report.targets)
    if (report.recommended && target.target.id == *report.recommended) intro += "; the advice is " + label(target);
  for (const auto& line : wrap(intro, context.width)) out << line << '\n';
  for (const auto& target : report.targets) write_target(out, target, context);
  write_break_even(out, report, context);
  write_table(out, report, context);
}

// Counts as whole numbers once they are large, so output does not carry floating-point noise.
double tidy(double value) { return value >= 1000 ? std::round(value) : std::round(value * 1000) / 1000; }

double significant4(double value) {
  if (value <= 0 || !std::isfinite(value)) return 0;
  const double unit = std::pow(10.0, std::floor(std::log10(value)) - 3);
  return std::round(value / unit) * unit;
}

void write_json_target(JsonWriter& json, const CostTarget& target) {
  json.begin_object();
  json.key("target");
  json.string(target.target.id);
  json.key("name");
  json.string_or_null(target.target.name);
  json.key("feasible");
  json.boolean(target.feasible);
  json.key("blockers");
  json.begin_array();
  for (const auto& rule : target.blockers) json.string(rule);
  json.end_array();
  json.key("monthly_cost_usd");
  if (target.cost)
    json.fixed2(target.cost->monthly_usd);
  else
    json.null();
  json.key("cost");
  write_cost(json, target.cost);
  json.key("cost_unknown_reason");
  if (target.cost)
    json.null();
  else
    json.string_or_null(target.cost_unknown_reason);
  json.end_object();
}

void write_json_break_even(JsonWriter& json, const CostReport& report) {
  json.begin_object();
  json.key("compared");
  json.begin_array();
  for (const auto& id : report.compared) json.string(id);
  json.end_array();
  json.key("crossings");
  json.begin_array();
  for (const auto& crossing : report.crossings) {
    json.begin_object();
    json.key("below");
    json.string(crossing.below);
    json.key("above");
    json.string(crossing.above);
    json.key("per_month");
    json.number(tidy(crossing.events_per_month));
    json.key("per_second");
    json.number(significant4(crossing.requests_per_second));
    json.key("at_step");
    json.boolean(crossing.at_step);
    json.key("message");
    json.string(crossing.message);
    json.end_object();
  }
  json.end_array();
  json.key("note");
  json.string_or_null(report.no_break_even);
  json.end_object();
}

void write_json_table(JsonWriter& json, const CostReport& report) {
  json.begin_array();
  for (const auto& row : report.table) {
    json.begin_object();
    json.key("scale");
    json.number(row.scale);
    json.key("per_month");
    if (row.events_per_month)
      json.number(tidy(*row.events_per_month));
    else
      json.null();
    json.key("monthly_cost_usd");
    json.begin_object();
    for (std::size_t i = 0; i < row.usd.size() && i < report.targets.size(); ++i) {
      json.key(report.targets[i].target.id);
      if (row.usd[i])
        json.fixed2(*row.usd[i]);
      else
        json.null();
    }
    json.end_object();
    json.end_object();
  }
  json.end_array();
}

void write_json(JsonWriter& json, const CostReport& report) {
  json.begin_object();
  json.key("workload");
  json.begin_object();
  json.key("name");
  json.string(report.name);
  json.key("file");
  json.string(report.file);
  json.end_object();
  json.key("region");
  json.string(report.region);
  json.key("recommendation");
  if (report.recommended)
    json.string(*report.recommended);
  else
    json.null();
  json.key("traffic");
  json.begin_object();
  json.key("field");
  json.string(report.traffic_field);
  json.key("per_month");
  if (report.events_per_month)
    json.number(*report.events_per_month);
  else
    json.null();
  json.end_object();
  json.key("targets");
  json.begin_array();
  for (const auto& target : report.targets) write_json_target(json, target);
  json.end_array();
  json.key("break_even");
  write_json_break_even(json, report);
  json.key("cost_table");
  write_json_table(json, report);
  json.end_object();
}

}  // namespace

const std::vector<std::string_view>& cost_formats() {
  static const std::vector<std::string_view> k_names = {"text", "json"};
  return k_names;
}

void render_cost_text(std::ostream& out, const ToolInfo& tool, const std::vector<CostReport>& reports, bool color,
                      std::size_t width) {
  TextContext context;
  context.paint = Painter(color);
  context.width = width;
  context.command = Command::cost;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i > 0) out << '\n';
    write_text(out, tool, reports[i], context);
  }
  out.flush();
}

void render_cost_json(std::ostream& out, const ToolInfo& tool, const std::vector<CostReport>& reports) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema");
  json.string(k_schema);
  json.key("tool");
  json.begin_object();
  json.key("name");
  json.string(tool.name);
  json.key("version");
  json.string(tool.version);
  json.key("rules_version");
  json.string(tool.rules_version);
  json.key("pricing_date");
  json.string(tool.pricing_date);
  json.end_object();
  json.key("results");
  json.begin_array();
  for (const auto& report : reports) write_json(json, report);
  json.end_array();
  json.end_object();
  out << '\n';
  out.flush();
}

}  // namespace caas::report

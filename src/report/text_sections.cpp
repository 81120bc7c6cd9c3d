#include "text_sections.hpp"

#include "finding_status.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "caas/util/text.hpp"

namespace caas::report {

namespace {

using util::escape_control;

constexpr std::size_t k_max_rule_width = 32;
constexpr std::size_t k_min_message_width = 30;

struct Detail {
  std::string text;  // already safe
  bool wrap = true;  // URLs and paths are never cut
};

// One line of a block: a marker, a message wrapped to fit, and on the right the rule id and its weight, in
// columns shared by every block of the workload.
struct Row {
  std::string marker;
  Style style = Style::bold;
  std::string message;
  std::string rule;
  std::string weight;
  std::vector<Detail> details;
};

struct Columns {
  std::size_t rule = 0;
  std::size_t weight = 0;
};

Columns measure(const std::vector<Row>& rows, Columns columns = {}) {
  for (const Row& row : rows) {
    columns.rule = std::max(columns.rule, std::min(display_width(row.rule), k_max_rule_width));
    columns.weight = std::max(columns.weight, display_width(row.weight));
  }
  return columns;
}

void write_row(std::ostream& out, const Row& row, const Columns& columns, const TextContext& context) {
  const std::size_t lead = 2 + display_width(row.marker) + 1;
  std::size_t right = columns.rule > 0 ? 2 + columns.rule : 0;
  if (columns.weight > 0) right += 2 + columns.weight;
  const std::size_t width = std::max(k_line_width - std::min(k_line_width, lead + right), k_min_message_width);
  const std::vector<std::string> lines = wrap(row.message, width);
  out << "  " << context.paint(row.marker, row.style) << ' ';
  if (row.rule.empty() && row.weight.empty()) {
    out << lines.front();
  } else {
    out << pad(lines.front(), width) << "  ";
    if (row.weight.empty()) {
      out << context.paint(row.rule, Style::dim);
    } else {
      out << context.paint(row.rule, Style::dim)
          << pad("", columns.rule - std::min(columns.rule, display_width(row.rule))) << "  "
          << pad(row.weight, columns.weight, Align::right);
    }
  }
  out << '\n';
  const std::string indent(lead, ' ');
  for (std::size_t i = 1; i < lines.size(); ++i) out << indent << lines[i] << '\n';
  for (const Detail& detail : row.details) {
    const auto detail_lines =
        detail.wrap ? wrap(detail.text, k_line_width - std::min(k_line_width, lead)) : std::vector{detail.text};
    for (const auto& line : detail_lines) out << indent << context.paint(line, Style::dim) << '\n';
  }
}

std::string signed_weight(double weight, bool negative) {
  const double rounded = std::round(std::fabs(weight) * 100.0) / 100.0;
  return (negative ? "−" : "+") + util::format_number(rounded);
}

// The feasible target with the lowest known cost, the earlier rank on a tie; nullptr when none is priced.
const model::TargetResult* cheapest_target(const model::Recommendation& recommendation) {
  const model::TargetResult* best = nullptr;
  for (const auto& result : recommendation.ranking) {
    if (!result.feasible || !result.cost) continue;
    if (best == nullptr || result.cost->monthly_usd < best->cost->monthly_usd) best = &result;
  }
  return best;
}

// The engine states the cost term as a reason with this rule id; shown with its own marker, after the rules.
constexpr std::string_view k_cost_rule = "cost";

bool is_cost(const model::Reason& reason) { return reason.rule == k_cost_rule; }

// A cost line for a target the engine gave no cost reason (the term dropped out, or the cost is unknown).
Row cost_row(const model::TargetResult& result, const model::TargetResult* cheapest) {
  Row row{"~", Style::cyan, "", std::string(k_cost_rule), "", {}};
  if (!result.cost) {
    row.message = "cost unknown";
    if (!result.cost_unknown_reason.empty()) row.message += ": " + escape_control(result.cost_unknown_reason);
    return row;
  }
  const double monthly = result.cost->monthly_usd;
  row.message = format_usd(monthly) + " a month";
  if (cheapest == nullptr || cheapest == &result || monthly <= cheapest->cost->monthly_usd) {
    row.message += ", the cheapest that fits";
  } else {
    const double least = cheapest->cost->monthly_usd;
    const std::string other = target_label(cheapest->target);
    if (least > 0 && monthly / least >= 1.1) {
      row.message += fmt::format(", {:.1f}× the cost of {} ({})", monthly / least, other, format_usd(least));
    } else {
      row.message += fmt::format(", {} more than {}", format_usd(monthly - least), other);
    }
  }
  if (result.cost_points != 0) row.weight = signed_weight(result.cost_points, false);
  return row;
}

Row reason_row(const model::Reason& reason, const TextContext& context) {
  Row row{"·", Style::dim, escape_control(reason.message), escape_control(reason.rule), "", {}};
  if (reason.effect == model::Effect::prefer) {
    row.marker = "+";
    row.style = Style::green;
    row.weight = signed_weight(reason.weight, false);
  } else if (reason.effect == model::Effect::avoid) {
    row.marker = "−";
    row.style = Style::red;
    row.weight = signed_weight(reason.weight, true);
  }
  if (context.verbose && !reason.source.empty()) row.details.push_back({escape_control(reason.source), false});
  return row;
}

std::string change_text(const model::Change& change) {
  if (!change.message.empty()) return escape_control(change.message);
  return escape_control(change.field) + " → " + escape_control(change.value);
}

bool reads(const model::Reason& blocker, const model::Change& change) {
  return std::find(blocker.fields.begin(), blocker.fields.end(), change.field) != blocker.fields.end();
}

// Blockers with their source and the limit that would lift them; limits that match no blocker follow as rows.
void add_blocker_rows(std::vector<Row>& rows, const model::TargetResult& result,
                      const model::Recommendation& recommendation) {
  std::vector<const model::Change*> limits;
  for (const auto& change : recommendation.what_would_change) {
    if (change.kind == "limit" && change.target == result.target.id) limits.push_back(&change);
  }
  std::vector<bool> used(limits.size(), false);
  for (const auto& blocker : result.blockers) {
    Row row{"✗", Style::red, escape_control(blocker.message), escape_control(blocker.rule), "", {}};
    if (!blocker.source.empty()) row.details.push_back({escape_control(blocker.source), false});
    for (std::size_t i = 0; i < limits.size(); ++i) {
      if (used[i] || !reads(blocker, *limits[i])) continue;
      used[i] = true;
      row.details.push_back({"→ " + change_text(*limits[i]), true});
    }
    rows.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < limits.size(); ++i) {
    if (!used[i]) rows.push_back({"→", Style::green, change_text(*limits[i]), "", "", {}});
  }
}

std::vector<Row> target_rows(const model::TargetResult& result, const model::Recommendation& recommendation,
                             const model::TargetResult* cheapest, const TextContext& context) {
  std::vector<Row> rows;
  for (const auto effect : {model::Effect::prefer, model::Effect::avoid}) {
    for (const auto& reason : result.reasons) {
      if (reason.effect == effect && !is_cost(reason)) rows.push_back(reason_row(reason, context));
    }
  }
  bool costed = false;
  for (const auto& reason : result.reasons) {
    if (!is_cost(reason)) continue;
    rows.push_back(reason_row(reason, context));
    rows.back().marker = "~";
    rows.back().style = Style::cyan;
    costed = true;
  }
  if (result.feasible && !costed) rows.push_back(cost_row(result, cheapest));
  for (const auto& reason : result.reasons) {
    if ((reason.effect == model::Effect::note || reason.effect == model::Effect::exclude) && !is_cost(reason)) {
      rows.push_back(reason_row(reason, context));
    }
  }
  add_blocker_rows(rows, result, recommendation);
  return rows;
}

std::string heading(const model::TargetResult& result, const model::Recommendation& recommendation,
                    const TextContext& context) {
  const std::string name = target_label(result.target);
  if (!result.feasible) return context.paint(name, Style::bold) + " — " + context.paint("does not fit", Style::red);
  if (recommendation.recommended == result.target.id) return context.paint("Why " + name, Style::bold);
  return context.paint(name, Style::bold) + " — fits";
}

}  // namespace

std::string grouped(double value) {
  std::string digits = util::format_number(value);
  const std::size_t end = std::min(digits.find_first_of(".e"), digits.size());
  const std::size_t begin = digits.starts_with('-') ? 1 : 0;
  for (std::size_t i = end; i > begin + 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

void write_cost_items(std::ostream& out, const model::CostEstimate& cost, const TextContext& context) {
  constexpr std::size_t k_columns = 5;
  std::vector<std::array<std::string, k_columns>> lines;
  std::array<std::size_t, k_columns> widths{};
  for (const auto& item : cost.items) {
    lines.push_back({escape_control(item.item), grouped(item.quantity), escape_control(item.unit),
                     "× $" + util::format_number(item.unit_price_usd), format_usd(item.usd)});
    for (std::size_t i = 0; i < k_columns; ++i) widths[i] = std::max(widths[i], display_width(lines.back()[i]));
  }
  for (const auto& line : lines) {
    out << "    " << pad(line[0], widths[0]) << "  " << pad(line[1], widths[1], Align::right) << ' '
        << pad(line[2], widths[2]) << "  " << pad(line[3], widths[3]) << "  " << pad(line[4], widths[4], Align::right)
        << '\n';
  }
  std::string total = "= " + format_usd(cost.monthly_usd) + " a month";
  if (!cost.summary.empty()) total += " (" + escape_control(cost.summary) + ")";
  out << "    " << context.paint(total, Style::bold) << '\n';
}

std::string target_label(const model::Target& target) {
  return escape_control(target.name.empty() ? target.id : target.name);
}

void write_target_blocks(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  const model::TargetResult* cheapest = cheapest_target(recommendation);
  std::vector<std::vector<Row>> blocks;
  Columns columns;
  for (const auto& result : recommendation.ranking) {
    blocks.push_back(target_rows(result, recommendation, cheapest, context));
    columns = measure(blocks.back(), columns);
  }
  const bool show_items = context.verbose || context.command == Command::cost;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& result = recommendation.ranking[i];
    out << '\n' << heading(result, recommendation, context) << '\n';
    for (const Row& row : blocks[i]) write_row(out, row, columns, context);
    if (show_items && result.cost) write_cost_items(out, *result.cost, context);
  }
}

void write_assumptions(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  // Workload assumptions, then the cost model's, each said once; a cost assumption that holds for only some
  // targets names them.
  struct Assumed {
    const model::Assumption* assumption;
    std::vector<std::string> targets;
  };
  std::vector<Assumed> all;
  auto same = [](const model::Assumption& a, const model::Assumption& b) {
    return a.field == b.field && a.value == b.value && a.why == b.why;
  };
  for (const auto& assumption : recommendation.assumptions) all.push_back({&assumption, {}});
  const std::size_t workload_count = all.size();
  std::size_t priced = 0;
  for (const auto& result : recommendation.ranking) {
    if (!result.cost) continue;
    ++priced;
    for (const auto& assumption : result.cost->assumptions) {
      auto it = std::find_if(all.begin(), all.end(), [&](const Assumed& a) { return same(*a.assumption, assumption); });
      if (it == all.end())
        all.push_back({&assumption, {target_label(result.target)}});
      else if (it - all.begin() >= static_cast<std::ptrdiff_t>(workload_count))
        it->targets.push_back(target_label(result.target));
    }
  }
  if (all.empty()) return;
  out << '\n' << context.paint("Assumed", Style::bold) << '\n';
  for (const Assumed& assumed : all) {
    const model::Assumption& a = *assumed.assumption;
    std::string text = escape_control(a.field);
    if (!a.value.empty()) text += ": " + escape_control(a.value);
    if (!a.why.empty()) text += " — " + escape_control(a.why);
    if (!assumed.targets.empty() && assumed.targets.size() < priced) {
      std::string names;
      for (const auto& name : assumed.targets) names += (names.empty() ? "" : ", ") + name;
      text += " (" + names + ")";
    }
    write_row(out, {"·", Style::dim, text, "", "", {}}, {}, context);
  }
}

void write_changes(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  // Limits of infeasible targets are shown under their blockers; everything else is here.
  auto shown_as_blocker = [&](const model::Change& change) {
    if (change.kind != "limit") return false;
    return std::any_of(recommendation.ranking.begin(), recommendation.ranking.end(),
                       [&](const auto& result) { return result.target.id == change.target && !result.feasible; });
  };
  std::vector<const model::Change*> changes;
  for (const auto& change : recommendation.what_would_change) {
    if (!shown_as_blocker(change)) changes.push_back(&change);
  }
  if (changes.empty()) return;
  out << '\n' << context.paint("What would change this", Style::bold) << '\n';
  for (const auto* change : changes) write_row(out, {"·", Style::dim, change_text(*change), "", "", {}}, {}, context);
}

void write_findings(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  if (recommendation.findings.empty()) return;
  std::vector<Row> rows;
  for (const auto& finding : recommendation.findings) {
    // Severities padded to one width, so messages start in one column.
    Row row{pad(util::to_string(finding.severity), 7),
            Style::cyan,
            escape_control(finding.message),
            escape_control(finding.rule),
            "",
            {}};
    if (finding.severity == util::Severity::error) row.style = Style::bold_red;
    if (finding.severity == util::Severity::warning) row.style = Style::yellow;
    // A waived or known finding does not fail the run: it is shown, but not in the colour of one that does.
    if (!model::counts_for_fail_on(finding)) {
      row.marker = pad(model::to_string(finding.status), 7);
      row.style = Style::cyan;
    }
    std::string where = escape_control(finding.file);
    if (finding.line > 0) where += fmt::format(":{}", finding.line);
    if (finding.line > 0 && finding.column > 0) where += fmt::format(":{}", finding.column);
    if (!finding.field.empty()) where += (where.empty() ? "" : " ") + ("(" + escape_control(finding.field) + ")");
    if (!where.empty()) row.details.push_back({where, false});
    if (const auto status = status_words(finding); !status.empty())
      row.details.push_back({std::string(util::to_string(finding.severity)) + ", " + escape_control(status), false});
    rows.push_back(std::move(row));
  }
  const Columns columns = measure(rows);
  out << '\n' << context.paint("Findings", Style::bold) << '\n';
  for (const Row& row : rows) write_row(out, row, columns, context);
}

void write_imported(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  if (recommendation.source_format.empty()) return;
  out << '\n' << context.paint("Imported from " + escape_control(recommendation.source_format), Style::bold) << '\n';
  for (const auto& p : recommendation.imported) {
    std::string text =
        escape_control(p.field) + " = " + escape_control(p.value) + " ← " + escape_control(p.original_key);
    if (p.line > 0) text += fmt::format(" (line {})", p.line);
    write_row(out, {"·", Style::dim, text, "", "", {}}, {}, context);
  }
  if (recommendation.unknown.empty()) return;
  std::string unknown;
  for (const auto& field : recommendation.unknown) unknown += (unknown.empty() ? "" : ", ") + escape_control(field);
  write_row(out, {"?", Style::dim, "not in the file, would sharpen the advice: " + unknown, "", "", {}}, {}, context);
}

}  // namespace caas::report

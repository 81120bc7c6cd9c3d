// The diff as a pull-request comment: the marker a workflow finds its own comment by, a one-line headline, a table
// of the changes (target changes first), the counts, the total and the gates, then each change's details in a
// collapsible section. Always under GitHub's 65,536-character limit: details go first when room runs out (from the
// end), then rows of the table; each cut is said.
#include <cmath>

#include "caas/util/text.hpp"
#include "diff_renderers.hpp"
#include "diff_sections.hpp"
#include "html_text.hpp"
#include "markdown_sections.hpp"
#include "rules_markdown.hpp"
#include "text_layout.hpp"

namespace caas::report {

namespace {

// Bytes (never fewer than the characters GitHub counts), with room for what a workflow adds around the comment.
constexpr std::size_t k_budget = 60'000;
constexpr std::size_t k_fields_in_row = 3;

std::string md(std::string_view text) { return markdown_text(text); }

// Inline code in a table cell, and in running text (where a code span keeps a backslash before `|`).
std::string code(std::string_view text) { return markdown_code(text); }
std::string prose_code(std::string_view text) { return markdown_code(text, Pipes::keep); }

std::string_view icon(const model::WorkloadChange& change) {
  if (change.target_changed()) return "🔀";
  switch (change.kind) {
    case model::ChangeKind::changed: return "✏️";
    case model::ChangeKind::added: return "➕";
    case model::ChangeKind::removed: return "➖";
    case model::ChangeKind::moved: return "🚚";
    case model::ChangeKind::not_compared: return "⚠️";
  }
  return "";
}

std::string recommendation_cell(const model::WorkloadChange& change) {
  auto before = md(target_name(change, change.recommended_before));
  auto after = md(target_name(change, change.recommended_after));
  switch (change.kind) {
    case model::ChangeKind::added: return after;
    case model::ChangeKind::removed: return "~~" + before + "~~";
    case model::ChangeKind::not_compared:
      return change.recommended_after || !change.runs_on_after.empty() ? after : before;
    case model::ChangeKind::moved:
    case model::ChangeKind::changed: return change.target_changed() ? before + " → **" + after + "**" : after;
  }
  return after;
}

std::string runs_on_cell(const model::WorkloadChange& change) {
  auto side = [](const std::string& runs_on, model::Verdict verdict) {
    if (runs_on.empty()) return std::string("—");
    const bool bad = verdict == model::Verdict::infeasible || verdict == model::Verdict::no_target;
    return "`" + runs_on + "` " + (bad ? "❌ " : "") + std::string(verdict_words(verdict));
  };
  auto before = side(change.runs_on_before, change.verdict_before);
  auto after = side(change.runs_on_after, change.verdict_after);
  if (change.kind == model::ChangeKind::added) return after;
  if (change.kind == model::ChangeKind::removed) return before;
  return before == after ? after : before + " → " + after;
}

std::string cost_cell(const model::WorkloadChange& change) {
  const auto delta = change.cost_change();
  const bool moved = delta && std::round(*delta * 100.0) != 0;
  std::string text;
  switch (change.kind) {
    case model::ChangeKind::added: text = md(usd_or(change.cost_after, "unknown")); break;
    case model::ChangeKind::removed: text = md(usd_or(change.cost_before, "unknown")); break;
    default:
      text = md(usd_or(change.cost_before, "unknown"));
      if (!delta || moved) text += " → " + md(usd_or(change.cost_after, "unknown"));
  }
  if (moved) text += " (**" + md(signed_usd(*delta)) + "**)";
  return text;
}

std::string fields_cell(const model::WorkloadChange& change) {
  if (change.kind == model::ChangeKind::moved) return "moved from " + code(change.file_before);
  if (change.kind == model::ChangeKind::added) return "added";
  if (change.kind == model::ChangeKind::removed) return "removed";
  if (change.kind == model::ChangeKind::not_compared) return "not compared: a side could not be evaluated";
  std::string text;
  for (std::size_t i = 0; i < change.fields.size() && i < k_fields_in_row; ++i) {
    const auto& f = change.fields[i];
    text += (i == 0 ? "" : "<br>") + code(f.field) + " " + md(field_value(f.before)) + " → " + md(field_value(f.after));
  }
  if (change.fields.size() > k_fields_in_row)
    text += "<br>and " + std::to_string(change.fields.size() - k_fields_in_row) + " more";
  if (text.empty()) text = "no input changed";
  return text;
}

std::string row(const model::WorkloadChange& change) {
  return "| " + std::string(icon(change)) + " | " + md(change.name) + " | " + recommendation_cell(change) + " | " +
         runs_on_cell(change) + " | " + cost_cell(change) + " | " + fields_cell(change) + " |\n";
}

std::string reason_line(std::string_view what, const model::WorkloadChange& change, const model::Reason& reason) {
  std::string text = "  - " + std::string(what) + " " + code(reason.rule) + ": " + md(reason.message);
  if (const auto cause = changed_fields_read(change, reason); !cause.empty()) text += " — reads " + code(cause);
  if (!reason.source.empty()) text += " _(source: " + md(reason.source) + ")_";
  return text + "\n";
}

std::string details(const model::WorkloadChange& change) {
  std::string text = "\n<details><summary><b>" + html_text(change.name) + "</b>: " + html_text(change_summary(change)) +
                     "</summary>\n\n";
  text += "File: " + prose_code(change.file);
  if (!change.file_before.empty()) text += " (was " + prose_code(change.file_before) + ")";
  if (!change.name_before.empty()) text += ", renamed from " + md(change.name_before);
  text += "\n\n";
  if (!change.fields.empty()) {
    text += "| input | before | after |\n|---|---|---|\n";
    for (const auto& f : change.fields) {
      std::string field = code(f.field);
      if (!f.original_key.empty()) field += " (" + code(f.original_key) + ")";
      text += "| " + field + " | " + md(field_value(f.before)) + " | " + md(field_value(f.after)) + " |\n";
    }
    text += "\n";
  }
  text += "| target | fits | score | monthly cost |\n|---|---|--:|--:|\n";
  // A workload on one side only shows that side.
  const bool only_after =
      change.kind == model::ChangeKind::added || (change.kind == model::ChangeKind::not_compared &&
                                                  !change.targets.empty() && !change.targets.front().feasible_before);
  const bool only_before =
      change.kind == model::ChangeKind::removed || (change.kind == model::ChangeKind::not_compared && !only_after);
  auto pair = [&](const std::string& before, const std::string& after) {
    if (only_after) return after;
    if (only_before) return before;
    return before == after ? before : before + " → " + after;
  };
  auto fits = [](const std::optional<bool>& f) { return std::string(!f ? "—" : *f ? "yes" : "no"); };
  auto score = [](const std::optional<double>& s) { return s ? util::format_fixed2(*s) : std::string("—"); };
  std::string reasons;
  for (const auto& t : change.targets) {
    text += "| " + md(t.name) + " | " + pair(fits(t.feasible_before), fits(t.feasible_after)) + " | " +
            pair(score(t.score_before), score(t.score_after)) + " | " +
            md(pair(usd_or(t.cost_before, "—"), usd_or(t.cost_after, "—"))) + " |\n";
    for (const auto& r : t.ruled_out_by) reasons += reason_line(md(t.name) + " now ruled out by", change, r);
    for (const auto& r : t.no_longer_ruled_out)
      reasons += reason_line(md(t.name) + " no longer ruled out by", change, r);
  }
  if (!reasons.empty()) text += "\n" + reasons;
  // A blank line first, so that the list ends the table (or the reasons' nested list) in every markdown reader.
  if (!change.new_findings.empty() || !change.fixed_findings.empty()) text += "\n";
  for (const auto& finding : change.new_findings)
    text += "- new " + std::string(util::to_string(finding.severity)) + " " + code(finding.rule) + ": " +
            md(finding.message) + "\n";
  for (const auto& finding : change.fixed_findings)
    text += "- fixed " + std::string(util::to_string(finding.severity)) + " " + code(finding.rule) + "\n";
  return text + "\n</details>\n";
}

std::string totals(const model::PortfolioDiff& diff) {
  std::string text = "\n**Monthly cost** (runs_on where given, else the recommendation): **" +
                     md(signed_usd(diff.cost.change)) + "** a month";
  if (diff.cost.base_total && diff.cost.head_total)
    text += ", " + md(util::format_usd(*diff.cost.base_total)) + " → " + md(util::format_usd(*diff.cost.head_total));
  if (diff.cost.workloads_without_cost > 0)
    text += "; " + std::to_string(diff.cost.workloads_without_cost) +
            (diff.cost.workloads_without_cost == 1 ? " workload" : " workloads") + " without a known cost left out";
  text += ".\n";
  for (const auto& gate : diff.gates)
    text += std::string(gate.reached ? "\n❌ **Gate reached** " : "\n✅ Gate passed ") + prose_code(gate.gate) +
            (gate.threshold.empty() ? "" : " " + prose_code(gate.threshold)) + ": " + md(gate.message) + "\n";
  return text;
}

std::string error_lines(const model::PortfolioDiff& diff, std::size_t room, std::size_t& left_out) {
  std::string text;
  for (const auto& [side, error] : diff.errors) {
    auto line = "- " + side + ": " + error_line(error).substr(2);
    if (text.size() + line.size() > room) {
      ++left_out;
      continue;
    }
    text += line;
  }
  return text;
}

}  // namespace

void render_diff_markdown(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options) {
  std::string head = "<!-- caas-advisor-diff -->\n### " + md(diff_headline(diff)) + "\n\n";
  head += "Base " + prose_code(diff.base.label) + ", head " + prose_code(diff.head.label) + ": " + diff_counts(diff) +
          ".\n";
  const std::string table_head =
      "\n| | workload | recommendation | runs on | monthly cost | inputs |\n|---|---|---|---|--:|---|\n";
  const std::string foot = "\n<sub>" + md(options.tool.name) + " " + md(options.tool.version) + " · base: rules " +
                           md(diff.base.rules_version) + ", prices " + md(diff.base.pricing_date) + " · head: rules " +
                           md(diff.head.rules_version) + ", prices " + md(diff.head.pricing_date) + "</sub>\n";
  const std::string total = totals(diff);
  std::size_t room = k_budget - std::min(k_budget, head.size() + table_head.size() + foot.size() + total.size() + 600);

  std::size_t errors_left_out = 0;
  const std::string errors = error_lines(diff, room / 4, errors_left_out);
  room -= std::min(room, errors.size());
  std::string rows;
  std::size_t rows_shown = 0;
  for (const auto& change : diff.changes) {
    auto line = row(change);
    if (rows.size() + line.size() > room) break;
    rows += line;
    ++rows_shown;
  }
  room -= std::min(room, rows.size());
  std::string sections;
  std::size_t sections_shown = 0;
  for (std::size_t i = 0; i < rows_shown; ++i) {
    if (diff.changes[i].kind == model::ChangeKind::moved) {
      ++sections_shown;
      continue;
    }
    auto section = details(diff.changes[i]);
    if (sections.size() + section.size() > room) break;
    sections += section;
    ++sections_shown;
  }

  out << head;
  if (!diff.changes.empty()) out << table_head << rows;
  if (rows_shown < diff.changes.size())
    out << "\n_" << diff.changes.size() - rows_shown
        << " more changes are not shown, to stay under GitHub's 65,536-character limit; the json format lists them "
           "all._\n";
  out << total;
  if (!diff.errors.empty()) {
    out << "\n**Could not be evaluated**\n\n" << errors;
    if (errors_left_out > 0)
      out << "\n_" << errors_left_out << " more errors are not shown; the json format lists them all._\n";
  }
  if (!sections.empty()) out << "\n#### Details\n" << sections;
  if (sections_shown < rows_shown)
    out << "\n_Details of " << rows_shown - sections_shown
        << " changes were left out to stay under GitHub's 65,536-character limit; the text and json formats have "
           "them._\n";
  out << foot;
  out.flush();
}

}  // namespace caas::report

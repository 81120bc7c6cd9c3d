// The diff as GitHub Actions annotations on the changed files: a warning where a workload changes target or its
// runs_on stops fitting, an error for each new error finding and each input that could not be evaluated, a notice
// for every other change, one error per gate reached, then a summary notice with the headline.
#include <cmath>

#include "diff_renderers.hpp"
#include "diff_sections.hpp"
#include "github_commands.hpp"

namespace caas::report {

namespace {

bool fits(model::Verdict verdict) {
  return verdict != model::Verdict::infeasible && verdict != model::Verdict::no_target;
}

// Where an annotation about a change goes: the first changed input the head still writes, else the workload.
int line_of(const model::WorkloadChange& change) {
  for (const auto& field : change.fields)
    if (!field.after.empty() && field.line > 0) return field.line;
  return change.line;
}

// The summary, then a line per changed input and per target newly ruled out: the cause beside the effect.
std::vector<std::string> message_of(const model::WorkloadChange& change) {
  std::vector<std::string> lines = {change_summary(change)};
  for (const auto& field : change.fields)
    lines.push_back(field.field + ": " + field_value(field.before) + " → " + field_value(field.after));
  for (const auto& target : change.targets)
    for (const auto& reason : target.ruled_out_by) {
      std::string line = target.name + " now ruled out by " + reason.rule + ": " + reason.message;
      if (const auto cause = changed_fields_read(change, reason); !cause.empty()) line += " (reads " + cause + ")";
      lines.push_back(std::move(line));
    }
  return lines;
}

std::string_view kind_of(const model::WorkloadChange& change) {
  if (change.kind == model::ChangeKind::not_compared) return "warning";
  if (change.kind == model::ChangeKind::changed && fits(change.verdict_before) && !fits(change.verdict_after))
    return "error";
  if (change.target_changed()) return "warning";
  return "notice";
}

}  // namespace

void render_diff_github(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& /*options*/) {
  for (const auto& change : diff.changes) {
    // A removed workload's file is gone from the pull request: its annotation names it in the title instead.
    const bool gone = change.kind == model::ChangeKind::removed;
    const std::string title = "caas-advisor diff: " + change.name + (gone ? " (" + change.file + ")" : "");
    write_github_command(out, kind_of(change), gone ? "" : change.file, gone ? 0 : line_of(change), 0, title,
                         message_of(change));
    for (const auto& finding : change.new_findings)
      if (finding.severity == util::Severity::error)
        write_github_command(out, "error", finding.file, finding.line, finding.column,
                             "caas-advisor diff: new " + finding.rule + " (" + change.name + ")", finding.message);
  }
  for (const auto& [side, error] : diff.errors) {
    std::string message = error.message;
    if (!error.hint.empty()) message += "; " + error.hint;
    write_github_command(out, "error", error.where.file, error.where.line, error.where.column,
                         "caas-advisor diff: " + side + ": " + std::string(error.code.id()), message);
  }
  for (const auto& gate : diff.gates)
    if (gate.reached)
      write_github_command(out, "error", {}, 0, 0, "caas-advisor diff: gate " + gate.gate + " reached", gate.message);
  std::string summary =
      diff_headline(diff) + ". " + diff_counts(diff) + "; exit code " + std::to_string(diff.exit_code) + ".";
  write_github_command(out, "notice", {}, 0, 0, "caas-advisor diff", summary);
  out.flush();
}

}  // namespace caas::report

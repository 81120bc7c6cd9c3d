#include "markdown_sections.hpp"

#include "finding_status.hpp"

#include <algorithm>

#include "caas/util/text.hpp"
#include "rules_markdown.hpp"
#include "text_layout.hpp"
#include "text_sections.hpp"

namespace caas::report {

namespace {

constexpr std::size_t k_main_reasons = 6;

// Text inside HTML (the <summary> of a section), where Markdown escapes would show.
std::string html_text(std::string_view text) {
  std::string out;
  for (const char c : util::escape_control(one_line(text))) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

const model::TargetResult* recommended_result(const model::Recommendation& recommendation) {
  for (const auto& result : recommendation.ranking)
    if (recommendation.recommended == result.target.id) return &result;
  return nullptr;
}

std::string_view status_of(const model::Recommendation& recommendation) {
  bool warning = false;
  for (const auto& finding : recommendation.findings) {
    if (!model::counts_for_fail_on(finding)) continue;  // waived or known: shown, but not a failure
    if (finding.severity == util::Severity::error) return "❌ error";
    warning = warning || finding.severity == util::Severity::warning;
  }
  return warning ? "⚠️ warning" : "✅ ok";
}

std::string_view finding_marker(util::Severity severity) {
  switch (severity) {
    case util::Severity::error: return "❌ error";
    case util::Severity::warning: return "⚠️ warning";
    case util::Severity::info: return "ℹ️ info";
  }
  return "ℹ️ info";
}

std::string monthly_cost(const model::TargetResult* result) {
  if (result == nullptr || !result->feasible) return "—";
  return result->cost ? markdown_text(format_usd(result->cost->monthly_usd)) : "unknown";
}

// A link when the source is a plain web address, else the source as code.
std::string source_text(std::string_view source) {
  const bool web = source.substr(0, 8) == "https://" || source.substr(0, 7) == "http://";
  const bool plain = source.find_first_of(" \t\r\n<>()`|[]\\") == std::string_view::npos;
  if (web && plain && util::is_valid_utf8(source)) return "[source](" + std::string(source) + ")";
  return markdown_code(source);
}

std::string where(std::string_view file, int line, int column) {
  std::string text(file);
  if (line > 0) text += ":" + std::to_string(line);
  if (line > 0 && column > 0) text += ":" + std::to_string(column);
  return text;
}

void write_ranking(std::string& out, const model::Recommendation& recommendation) {
  out += "| # | target | fits | score | ops burden | monthly cost |\n|--:|---|---|--:|---|--:|\n";
  for (const auto& result : recommendation.ranking) {
    out += "| " + std::to_string(result.rank) + " | " + markdown_text(target_label(result.target)) + " | " +
           (result.feasible ? "yes" : "**no**") + " | " + (result.feasible ? util::format_fixed2(result.score) : "—") +
           " | " + std::string(ops_label(result.target.ops_burden)) + " | " + monthly_cost(&result) + " |\n";
  }
}

void write_reasons(std::string& out, const model::TargetResult& chosen) {
  if (chosen.reasons.empty()) return;
  out += "\n**Why " + markdown_text(target_label(chosen.target)) + "**\n\n";
  const std::size_t shown = std::min(chosen.reasons.size(), k_main_reasons);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& reason = chosen.reasons[i];
    std::string weight = "·";
    if (reason.effect == model::Effect::prefer) weight = "➕ " + util::format_fixed2(reason.weight);
    if (reason.effect == model::Effect::avoid) weight = "➖ " + util::format_fixed2(reason.weight);
    out += "- " + weight + " " + markdown_text(reason.message) + " (" + markdown_code(reason.rule, Pipes::keep) + ")\n";
  }
  if (chosen.reasons.size() > shown) out += "- … and " + std::to_string(chosen.reasons.size() - shown) + " more\n";
}

void write_blockers(std::string& out, const model::Recommendation& recommendation) {
  std::string lines;
  for (const auto& result : recommendation.ranking)
    for (const auto& blocker : result.blockers) {
      lines += "- **" + markdown_text(target_label(result.target)) + "**: " + markdown_text(blocker.message) + " (" +
               markdown_code(blocker.rule, Pipes::keep);
      if (!blocker.source.empty()) lines += ", " + source_text(blocker.source);
      lines += ")\n";
    }
  if (!lines.empty()) out += "\n**Blockers**\n\n" + lines;
}

void write_findings(std::string& out, const model::Recommendation& recommendation) {
  if (recommendation.findings.empty()) return;
  out += "\n**Findings**\n\n";
  for (const auto& finding : recommendation.findings) {
    const bool counts = model::counts_for_fail_on(finding);
    out += "- " + std::string(counts ? finding_marker(finding.severity) : std::string_view("☑️ ")) +
           (counts ? ""
                   : std::string(model::to_string(finding.status)) + " " +
                         std::string(util::to_string(finding.severity))) +
           " " + markdown_code(finding.rule, Pipes::keep);
    if (finding.line > 0) out += " at line " + std::to_string(finding.line);
    if (!finding.field.empty()) out += " (" + markdown_code(finding.field, Pipes::keep) + ")";
    out += ": " + markdown_text(finding.message);
    if (const auto status = status_words(finding); !status.empty()) out += " — *" + markdown_text(status) + "*";
    out += "\n";
  }
}

}  // namespace

std::string markdown_text(std::string_view text) {
  std::string out;
  for (const char c : markdown_cell(text)) {
    if (c == '$' || c == '&' || c == '~' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

namespace {

std::string counted(int count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

}  // namespace

std::string heading(const Summary& summary, Command command) {
  std::string text = std::string(k_markdown_marker) + "\n## caas-advisor " + std::string(command_name(command)) + ": " +
                     (summary.exit_code == 0 ? "✅ " : "❌ ") + std::string(verdict_words(summary.exit_code)) + " — " +
                     count_words(summary) + "\n\n";
  text += std::to_string(summary.workloads) + (summary.workloads == 1 ? " workload" : " workloads") + " in " +
          std::to_string(summary.files) + (summary.files == 1 ? " file" : " files");
  if (command != Command::validate) {
    text += ": ";
    for (const auto& target : summary.by_target)
      text += markdown_text(target.name) + " " + std::to_string(target.workloads) + ", ";
    text += "no target fits " + std::to_string(summary.by_none);
  }
  if (summary.skipped > 0) text += "; " + std::to_string(summary.skipped) + " skipped (not workloads)";
  if (summary.errors > 0) text += "; " + counted(summary.errors, "input") + " could not be evaluated";
  return text + ".\n";
}

std::string problem_line(const model::Recommendation& recommendation, const model::Finding& finding) {
  return "- " + std::string(finding_marker(finding.severity)) + " " +
         markdown_code(where(finding.file, finding.line, finding.column), Pipes::keep) + " **" +
         markdown_text(recommendation.name) + "**: " + markdown_text(finding.message) + " (" +
         markdown_code(finding.rule, Pipes::keep) + ")\n";
}

std::string portfolio_header(Command /*command*/) {
  return "\n| service | recommendation | runs on | monthly cost | status |\n|---|---|---|--:|---|\n";
}

std::string portfolio_row(const model::Recommendation& recommendation, Command command) {
  const auto* chosen = recommended_result(recommendation);
  std::string answer = "—";
  if (chosen != nullptr)
    answer = markdown_text(target_label(chosen->target));
  else if (command != Command::validate && !recommendation.ranking.empty())
    answer = "**no target fits**";
  const std::string runs_on = recommendation.runs_on.empty() ? "—" : markdown_code(recommendation.runs_on);
  return "| " + markdown_text(recommendation.name) + " | " + answer + " | " + runs_on + " | " + monthly_cost(chosen) +
         " | " + std::string(status_of(recommendation)) + " |\n";
}

// The values the project configuration filled in (docs/config.md), with where they came from: the assumptions that
// config::fill_workload_values made, which say so first.
void write_configured(std::string& out, const model::Recommendation& recommendation) {
  std::string lines;
  for (const auto& a : recommendation.assumptions)
    if (!a.config_file.empty())
      lines += "- " + markdown_code(a.field, Pipes::keep) + " = " + markdown_code(a.value, Pipes::keep) + ": " +
               markdown_text(a.why) + "\n";
  if (!lines.empty()) out += "\n**Values from the project configuration**\n\n" + lines;
}

std::string service_details(const model::Recommendation& recommendation, Command command) {
  const auto* chosen = recommended_result(recommendation);
  std::string out = "\n<details><summary><b>" + html_text(recommendation.name) + "</b>";
  if (chosen != nullptr)
    out += " → " + html_text(target_label(chosen->target));
  else if (command != Command::validate && !recommendation.ranking.empty())
    out += " → no target fits";
  out += " · " + std::string(status_of(recommendation)) + "</summary>\n\n";
  out += markdown_code(recommendation.file, Pipes::keep) + "\n";
  if (!recommendation.ranking.empty()) {
    out += "\n";
    write_ranking(out, recommendation);
  }
  if (chosen != nullptr) write_reasons(out, *chosen);
  write_blockers(out, recommendation);
  write_configured(out, recommendation);
  write_findings(out, recommendation);
  return out + "\n</details>\n";
}

std::string error_line(const util::Diagnostic& error) {
  std::string message = error.message;
  if (!error.hint.empty()) message += "; " + error.hint;
  std::string line = "- " + std::string(finding_marker(util::Severity::error)) + " " +
                     markdown_code(where(error.where.file, error.where.line, error.where.column), Pipes::keep) + ": " +
                     markdown_text(message);
  line += " (" + markdown_code(error.code.id(), Pipes::keep) + ")";
  return line + "\n";
}

}  // namespace caas::report

// `check`'s text report, for a CI log read from the top: the verdict first, then one line per workload (pass or
// fail, name, runs_on against the recommendation, what the difference costs a month), then every finding and
// every input that could not be evaluated; with --explain, the full advice of each workload after them. The
// verdict needs the whole batch, so the lines wait in memory until finish(): a hundred bytes or so a workload
// (the advice of --explain is held too: for a very large portfolio, -f json holds it all without waiting).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "caas/util/text.hpp"
#include "configured_values.hpp"
#include "finding_status.hpp"
#include "renderers.hpp"
#include "text_sections.hpp"

namespace caas::report {

namespace {

using util::escape_control;

struct WorkloadLine {
  bool failed = false;
  std::string name;
  std::string judgement;  // runs_on against the recommendation
  std::string difference;
};

const model::TargetResult* result_for(const model::Recommendation& recommendation, std::string_view id) {
  for (const auto& result : recommendation.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

// "runs_on lambda, recommended AWS Fargate" and what runs_on costs a month more (or less) than the recommendation.
std::pair<std::string, std::string> judge(const model::Recommendation& recommendation) {
  const auto* recommended =
      recommendation.recommended ? result_for(recommendation, *recommendation.recommended) : nullptr;
  const std::string advice = recommended ? target_label(recommended->target) : "no target fits";
  if (recommendation.runs_on.empty()) return {"no runs_on; recommended " + advice, ""};
  const std::string runs_on = escape_control(recommendation.runs_on);
  const auto* named = result_for(recommendation, recommendation.runs_on);
  if (named != nullptr && named == recommended) return {"runs_on " + runs_on + ", as recommended", ""};
  if (named == nullptr || !named->feasible)
    return {"runs_on " + runs_on + " cannot run it; " + (recommended ? "recommended " : "") + advice, ""};
  std::string difference;
  if (recommended != nullptr && named->cost && recommended->cost) {
    const double more = named->cost->monthly_usd - recommended->cost->monthly_usd;
    if (std::fabs(more) >= 0.005)
      difference = "costs " + format_usd(std::fabs(more)) + " a month " + (more > 0 ? "more" : "less");
  }
  return {"runs_on " + runs_on + ", recommended " + advice, difference};
}

// " — waived: REASON (FILE:LINE)", " — known: in the baseline"; nothing for an open finding.
std::string status_of(const model::Finding& finding) {
  const auto words = status_words(finding);
  return words.empty() ? std::string() : " — " + escape_control(words);
}

class CheckTextRenderer final : public Renderer {
 public:
  CheckTextRenderer(std::ostream& out, const RenderOptions& options)
      : m_out(out),
        m_options(options),
        m_context{Painter(options.color), options.verbose, options.command, options.width} {
    if (options.explain) m_advice = make_advice_text_renderer(m_advice_text, options);
  }

  void begin(const ToolInfo& tool) override {
    if (m_advice) m_advice->begin(tool);
  }

  void result(const model::Recommendation& recommendation) override {
    WorkloadLine line;
    line.name = escape_control(recommendation.name);
    std::tie(line.judgement, line.difference) = judge(recommendation);
    for (const auto& finding : recommendation.findings) {
      const bool fails = fails_gate(finding, m_options.gate);
      line.failed = line.failed || fails;
      // Infos are listed when they fail the run or when asked for (-v, --explain); else only counted.
      if (finding.severity == util::Severity::info && !fails && !m_options.verbose && !m_options.explain) {
        ++m_infos_left_out;
        continue;
      }
      m_findings.push_back({finding, line.name});
    }
    m_lines.push_back(std::move(line));
    m_configured.add(recommendation);
    if (m_advice) m_advice->result(recommendation);
  }

  void error(const util::Diagnostic& error) override { m_errors.push_back(error); }

  void finish(const Summary& summary) override {
    const bool passed = summary.exit_code == 0;
    const auto verdict = wrap_hanging(verdict_line(summary, m_options.command), m_context.width, m_context.width - 2);
    for (std::size_t i = 0; i < verdict.size(); ++i)
      m_out << (i == 0 ? "" : "  ") << m_context.paint(verdict[i], passed ? Style::bold_green : Style::bold_red)
            << '\n';
    write_workloads();
    write_findings();
    write_configured();
    for (const auto& error : m_errors) m_out << '\n' << util::format_diagnostic(error);
    if (m_advice) {
      m_advice->finish(summary);
      m_out << '\n' << m_context.paint("Advice", Style::bold) << "\n\n" << m_advice_text.str();
    }
    m_out.flush();
  }

 private:
  struct Noted {
    model::Finding finding;
    std::string workload;
  };

  // "  fail  nightly-etl  runs_on lambda cannot run it; recommended AWS Fargate", in columns; the money last.
  void write_workloads() {
    if (m_lines.empty()) return;
    constexpr std::size_t k_max_name = 32;
    std::size_t name_width = 0;
    std::size_t judgement_width = 0;
    for (const auto& line : m_lines) {
      name_width = std::max(name_width, std::min(display_width(line.name), k_max_name));
      judgement_width = std::max(judgement_width, display_width(line.judgement));
    }
    m_out << '\n';
    for (const auto& line : m_lines) {
      m_out << "  " << m_context.paint(line.failed ? "fail" : "pass", line.failed ? Style::bold_red : Style::green)
            << "  " << pad(line.name, name_width) << "  ";
      if (line.difference.empty()) {
        m_out << line.judgement << '\n';
        continue;
      }
      const std::size_t used = 10 + std::max(name_width, display_width(line.name));
      // The money beside the judgement when the line holds both, else on the next line under it.
      if (used + judgement_width + 2 + display_width(line.difference) <= m_context.width)
        m_out << pad(line.judgement, judgement_width) << "  " << line.difference << '\n';
      else
        m_out << line.judgement << '\n' << std::string(used, ' ') << line.difference << '\n';
    }
  }

  // Errors, then warnings, then infos; in input order within each.
  void write_findings() {
    if (m_findings.empty() && m_infos_left_out == 0) return;
    std::stable_sort(m_findings.begin(), m_findings.end(),
                     [](const Noted& a, const Noted& b) { return a.finding.severity < b.finding.severity; });
    m_out << '\n' << m_context.paint("Findings", Style::bold) << '\n';
    for (const auto& [finding, workload] : m_findings) {
      std::string where = escape_control(finding.file);
      if (finding.line > 0) where += fmt::format(":{}", finding.line);
      if (finding.line > 0 && finding.column > 0) where += fmt::format(":{}", finding.column);
      const Style style = finding.severity == util::Severity::error     ? Style::bold_red
                          : finding.severity == util::Severity::warning ? Style::yellow
                                                                        : Style::cyan;
      const std::string severity(util::to_string(finding.severity));
      const std::string lead = fmt::format("{}: {}: ", where, severity);
      constexpr std::size_t k_indent = 4;
      const std::size_t first =
          display_width(lead) + 20 <= m_context.width ? m_context.width - display_width(lead) : 20;
      const auto lines = wrap_hanging(workload + ": " + escape_control(finding.message) + " [" +
                                          escape_control(finding.rule) + "]" + status_of(finding),
                                      first, m_context.width - k_indent);
      m_out << m_context.paint(where, Style::bold) << ": " << m_context.paint(severity, style) << ": " << lines.front()
            << '\n';
      for (std::size_t i = 1; i < lines.size(); ++i) m_out << std::string(k_indent, ' ') << lines[i] << '\n';
    }
    if (m_infos_left_out > 0)
      m_out << m_context.paint(fmt::format("{} info{} not listed (-v or --explain lists them)", m_infos_left_out,
                                           m_infos_left_out == 1 ? "" : "s"),
                               Style::dim)
            << '\n';
  }

  // The values the project configuration filled in, once per line of it, located there: what the verdict rests on.
  void write_configured() {
    if (m_configured.empty()) return;
    m_out << '\n' << m_context.paint("Values from the project configuration", Style::bold) << '\n';
    constexpr std::size_t k_indent = 4;
    for (const auto& value : m_configured.values()) {
      const std::string where = escape_control(value.file) + fmt::format(":{}", value.line);
      const std::size_t lead = display_width(where) + 2;
      const std::size_t first = lead + 20 <= m_context.width ? m_context.width - lead : 20;
      const auto lines = wrap_hanging(escape_control(describe(value)), first, m_context.width - k_indent);
      m_out << m_context.paint(where, Style::bold) << ": " << lines.front() << '\n';
      for (std::size_t i = 1; i < lines.size(); ++i) m_out << std::string(k_indent, ' ') << lines[i] << '\n';
    }
  }

  std::ostream& m_out;
  RenderOptions m_options;
  TextContext m_context;
  std::vector<WorkloadLine> m_lines;
  std::vector<Noted> m_findings;
  std::size_t m_infos_left_out = 0;
  util::Diagnostics m_errors;
  std::ostringstream m_advice_text;
  std::unique_ptr<Renderer> m_advice;
  ConfiguredValues m_configured;
};

}  // namespace

std::unique_ptr<Renderer> make_check_text_renderer(std::ostream& out, const RenderOptions& options) {
  return std::make_unique<CheckTextRenderer>(out, options);
}

}  // namespace caas::report

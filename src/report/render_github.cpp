// GitHub workflow-command annotations: `::error file=F,line=L,col=C,title=T::message`, one per finding and per input
// error, as they arrive; then a summary notice, because GitHub shows only the first ten errors and ten warnings of a
// step and the reader must learn how many there were.
#include "caas/util/text.hpp"
#include "configured_values.hpp"
#include "finding_status.hpp"
#include "github_commands.hpp"
#include "renderers.hpp"

namespace caas::report {

namespace {

std::string_view command_of(util::Severity severity) {
  switch (severity) {
    case util::Severity::error: return "error";
    case util::Severity::warning: return "warning";
    case util::Severity::info: return "notice";
  }
  return "notice";
}

std::string plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

class GithubRenderer final : public Renderer {
 public:
  explicit GithubRenderer(std::ostream& out) : m_out(out) {}

  void begin(const ToolInfo& /*tool*/) override {}

  void result(const model::Recommendation& recommendation) override {
    m_configured.add(recommendation);
    for (const auto& finding : recommendation.findings) {
      std::string title = recommendation.name.empty() ? finding.rule : finding.rule + " (" + recommendation.name + ")";
      // A waived or known finding is a notice: shown where it is, with why it does not fail the run.
      if (!model::counts_for_fail_on(finding)) {
        title += " — " + std::string(model::to_string(finding.status));
        write(util::Severity::info, finding.file, finding.line, finding.column, title,
              finding.message + " (" + status_words(finding) + ")");
        continue;
      }
      count(finding.severity);
      write(finding.severity, finding.file, finding.line, finding.column, title, finding.message);
    }
  }

  void error(const util::Diagnostic& error) override {
    std::string message = error.message;
    if (!error.hint.empty()) message += "; " + error.hint;
    write(util::Severity::error, error.where.file, error.where.line, error.where.column, std::string(error.code.id()),
          message);
  }

  void finish(const Summary& summary) override {
    // The values the project configuration filled in: a notice at each line of it that filled some.
    for (const auto& value : m_configured.values())
      write_github_command(m_out, "notice", value.file, value.line, 0, "value from the project configuration",
                           describe(value));
    std::string text = "caas-advisor: " + plural(summary.files, "file", "files") + ", " +
                       plural(summary.workloads, "workload", "workloads");
    if (summary.skipped > 0) text += " (" + plural(summary.skipped, "file", "files") + " skipped: not workloads)";
    text += "; findings: " + plural(m_errors, "error", "errors") + ", " + plural(m_warnings, "warning", "warnings") +
            ", " + plural(m_notes, "note", "notes");
    if (summary.findings.waived + summary.findings.known > 0)
      text += " (not counted: " + std::to_string(summary.findings.waived) + " waived, " +
              std::to_string(summary.findings.known) + " known)";
    if (summary.errors > 0)
      text += "; " + plural(summary.errors, "error", "errors") + " in inputs that could not be evaluated";
    text += "; exit code " + std::to_string(summary.exit_code) + ".";
    if (m_errors + summary.errors > 10 || m_warnings > 10 || m_notes > 10)
      text +=
          " GitHub shows only the first 10 annotations of each kind in a step: the sarif, markdown and json "
          "formats list them all.";
    write_github_command(m_out, "notice", {}, 0, 0, "caas-advisor summary", text);
    m_out.flush();
  }

 private:
  void count(util::Severity severity) {
    if (severity == util::Severity::error)
      ++m_errors;
    else if (severity == util::Severity::warning)
      ++m_warnings;
    else
      ++m_notes;
  }

  void write(util::Severity severity, std::string_view file, int line, int column, std::string_view title,
             std::string_view message) {
    write_github_command(m_out, command_of(severity), file, line, column, title, message);
  }

  std::ostream& m_out;
  int m_errors = 0;
  int m_warnings = 0;
  int m_notes = 0;
  ConfiguredValues m_configured;
};

}  // namespace

std::unique_ptr<Renderer> make_github_renderer(std::ostream& out, const RenderOptions& /*options*/) {
  return std::make_unique<GithubRenderer>(out);
}

}  // namespace caas::report

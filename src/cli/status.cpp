#include "cli/status.hpp"

#include <fmt/format.h>

#include "caas/util/text.hpp"

namespace caas::cli {

namespace {

std::string plural(int count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

class StatusRenderer final : public report::Renderer {
 public:
  StatusRenderer(std::ostream& err, const StatusOptions& options) : m_err(err), m_options(options) {}

  void begin(const report::ToolInfo& /*tool*/) override {}
  void result(const model::Recommendation& recommendation) override {
    if (!m_options.echo_errors) return;
    for (const auto& finding : recommendation.findings) {
      if (!report::fails_gate(finding, m_options.gate)) continue;
      util::Diagnostic d;
      d.severity = finding.severity;
      d.message = finding.message + " [" + finding.rule + "]";
      d.where.file = finding.file;
      d.where.line = finding.line;
      d.where.column = finding.column;
      m_err << util::format_diagnostic(d);
    }
  }
  void error(const util::Diagnostic& error) override {
    if (m_options.echo_errors) m_err << util::format_diagnostic(error);
  }
  void finish(const report::Summary& summary) override {
    // The run's own warnings (a configuration's waiver that matched nothing) are shown even with -q.
    for (const auto& warning : summary.warnings) m_err << util::format_diagnostic(warning);
    // A report that is not text on standard output holds no verdict a log shows: check says it here, always.
    if (m_options.command == report::Command::check && m_options.echo_errors) {
      m_err << report::verdict_line(summary, m_options.command) << " (" << plural(summary.files, "file") << ", "
            << plural(summary.workloads, "workload");
      if (summary.baseline)
        m_err << fmt::format("; against the baseline: {} new, {} fixed", summary.new_findings, summary.fixed);
      m_err << ")\n";
      m_err.flush();
      return;
    }
    if (m_options.quiet) return;
    if (summary.findings.waived + summary.findings.known > 0 || summary.baseline) {
      std::string line = fmt::format("not counted for --fail-on: {} waived, {} known", summary.findings.waived,
                                     summary.findings.known);
      if (summary.baseline)
        line += fmt::format("; against the baseline: {} new, {} fixed", summary.new_findings, summary.fixed);
      m_err << line << '\n';
    }
    if (summary.files > 1 || summary.errors > 0 || summary.skipped > 0) {
      std::string line = plural(summary.files, "file") + ", " + plural(summary.workloads, "workload") + ", " +
                         plural(summary.errors, "error");
      if (summary.skipped > 0)
        line +=
            fmt::format(", {} skipped (not workloads{})", summary.skipped, m_options.verbose ? "" : "; -v lists them");
      m_err << line << '\n';
    }
    if (m_options.verbose)
      for (const auto& file : summary.skipped_files) m_err << "  skipped " << util::escape_control(file) << '\n';
    m_err.flush();
  }

 private:
  std::ostream& m_err;
  StatusOptions m_options;
};

}  // namespace

std::unique_ptr<report::Renderer> make_status_renderer(std::ostream& err, const StatusOptions& options) {
  return std::make_unique<StatusRenderer>(err, options);
}

}  // namespace caas::cli

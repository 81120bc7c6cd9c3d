// GitHub workflow-command annotations: `::error file=F,line=L,col=C,title=T::message`, one per finding and per input
// error, as they arrive; then a summary notice, because GitHub shows only the first ten errors and ten warnings of a
// step and the reader must learn how many there were.
#include "caas/util/text.hpp"
#include "finding_status.hpp"
#include "renderers.hpp"

namespace caas::report {

namespace {

// GitHub's escaping of a command's message: '%', CR and LF.
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// A property value also escapes the characters that separate properties.
std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

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
    std::string text = "caas-advisor: " + plural(summary.files, "file", "files") + ", " +
                       plural(summary.workloads, "workload", "workloads");
    if (summary.skipped > 0) text += " (" + plural(summary.skipped, "file", "files") + " skipped: not workloads)";
    text += "; findings: " + plural(m_errors, "error", "errors") + ", " + plural(m_warnings, "warning", "warnings") +
            ", " + plural(m_notes, "note", "notes");
    if (summary.waived + summary.known > 0)
      text +=
          " (not counted: " + std::to_string(summary.waived) + " waived, " + std::to_string(summary.known) + " known)";
    if (summary.errors > 0)
      text += "; " + plural(summary.errors, "error", "errors") + " in inputs that could not be evaluated";
    text += "; exit code " + std::to_string(summary.exit_code) + ".";
    if (m_errors + summary.errors > 10 || m_warnings > 10 || m_notes > 10)
      text +=
          " GitHub shows only the first 10 annotations of each kind in a step: the sarif, markdown and json "
          "formats list them all.";
    m_out << "::notice title=" << escape_property("caas-advisor summary") << "::" << escape_data(text) << '\n';
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

  // Control characters from the input become visible escapes first, so only the tool's own text is ever
  // percent-encoded and no input can start a new command line.
  void write(util::Severity severity, std::string_view file, int line, int column, std::string_view title,
             std::string_view message) {
    m_out << "::" << command_of(severity);
    char separator = ' ';
    auto property = [&](std::string_view name, std::string_view value) {
      m_out << separator << name << '=' << escape_property(value);
      separator = ',';
    };
    if (!file.empty()) property("file", util::escape_control(file));
    if (line > 0) {
      property("line", std::to_string(line));
      if (column > 0) property("col", std::to_string(column));
    }
    if (!title.empty()) property("title", util::escape_control(title));
    m_out << "::" << escape_data(util::escape_control(message)) << '\n';
  }

  std::ostream& m_out;
  int m_errors = 0;
  int m_warnings = 0;
  int m_notes = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_github_renderer(std::ostream& out, const RenderOptions& /*options*/) {
  return std::make_unique<GithubRenderer>(out);
}

}  // namespace caas::report

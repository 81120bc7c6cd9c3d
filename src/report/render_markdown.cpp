// Markdown for a pull-request comment or a job summary. The first line is a marker a job finds its own comment by,
// the second the verdict with the counts of errors, warnings, waived and known findings; then every error and
// warning, before the portfolio table (service, recommendation, runs on, monthly cost, status) and the details per
// service — so a cut never hides a failure. Everything is kept under GitHub's 65,536-character limit for a comment:
// details go first when something must go (whole services, from the end), then the table, then warnings, errors
// last; each cut is said. Everything waits for finish() (the counts and the table need every result), but only
// what can still be printed is kept, so memory stays within a few times the limit however large the batch.
#include <algorithm>

#include "caas/util/text.hpp"
#include "markdown_sections.hpp"
#include "renderers.hpp"

namespace caas::report {

namespace {

// Bytes, which are never fewer than the characters GitHub counts; room is left for a heading or a marker that a
// workflow adds around the report.
constexpr std::size_t k_budget = 60'000;

// Pieces of one kind kept while they fit, and a count of those that did not.
struct Kept {
  std::vector<std::string> items;
  std::size_t bytes = 0;
  std::size_t left_out = 0;
  bool closed = false;  // once one piece is left out, the later ones are too: cuts are from the end

  void offer(std::string text, std::size_t room) {
    if (!closed && bytes + text.size() <= room) {
      bytes += text.size();
      items.push_back(std::move(text));
    } else {
      closed = true;
      ++left_out;
    }
  }
  // Drops pieces from the end until at most `room` bytes are kept.
  void trim(std::size_t room) {
    while (bytes > room && !items.empty()) {
      bytes -= items.back().size();
      items.pop_back();
      ++left_out;
    }
  }
};

std::string count_of(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

class MarkdownRenderer final : public Renderer {
 public:
  MarkdownRenderer(std::ostream& out, const RenderOptions& options) : m_out(out), m_command(options.command) {}

  void begin(const ToolInfo& tool) override { m_tool = tool; }

  // Once a kind of piece no longer fits, the later ones are only counted, not even formatted.
  void result(const model::Recommendation& recommendation) override {
    ++m_results;
    for (const auto& finding : recommendation.findings) {
      if (finding.severity == util::Severity::info || standing_of(finding) != Standing::new_finding) continue;
      Kept& list = finding.severity == util::Severity::error ? m_errors : m_warnings;
      if (list.closed)
        ++list.left_out;
      else
        list.offer(problem_line(recommendation, finding), k_budget);
    }
    if (m_rows.closed)
      ++m_rows.left_out;
    else
      m_rows.offer(portfolio_row(recommendation, m_command), k_budget);
    const std::size_t used = m_rows.bytes + m_errors.bytes + m_warnings.bytes + m_details.bytes;
    if (m_details.closed)
      ++m_details.left_out;
    else
      m_details.offer(service_details(recommendation, m_command), k_budget > used ? k_budget - used : 0);
  }

  void error(const util::Diagnostic& error) override {
    if (m_errors.closed)
      ++m_errors.left_out;
    else
      m_errors.offer(error_line(error), k_budget);
  }

  void finish(const Summary& summary) override {
    const std::string head = heading(summary, m_command);
    const std::string problems_head = "\n### Errors and warnings\n\n";
    const std::string table_head = portfolio_header(m_command);
    const std::size_t notes = 1'500;  // the cut lines and the footer
    std::size_t room = k_budget - head.size() - problems_head.size() - table_head.size() - notes;
    // Errors first, then warnings, then the table, then the details: what fails the run is the last to go.
    m_errors.trim(room);
    room -= m_errors.bytes;
    m_warnings.trim(room);
    room -= m_warnings.bytes;
    m_rows.trim(room);
    room -= m_rows.bytes;
    m_details.trim(room);
    m_details.left_out = m_results - m_details.items.size();  // the kept details are the first services'

    m_out << head;
    const bool any_problem =
        !m_errors.items.empty() || m_errors.left_out > 0 || !m_warnings.items.empty() || m_warnings.left_out > 0;
    if (any_problem) {
      m_out << problems_head;
      for (const auto& line : m_errors.items) m_out << line;
      if (m_errors.left_out > 0)
        m_out << "- _" << count_of(m_errors.left_out, "more error is", "more errors are")
              << " not shown, to stay under GitHub's 65,536-character limit; the json format lists them all._\n";
      for (const auto& line : m_warnings.items) m_out << line;
      if (m_warnings.left_out > 0)
        m_out << "- _" << count_of(m_warnings.left_out, "more warning is", "more warnings are")
              << " not shown, to stay under GitHub's 65,536-character limit; the json format lists them all._\n";
    }
    m_out << table_head;
    for (const auto& row : m_rows.items) m_out << row;
    if (m_rows.left_out > 0)
      m_out << "\n_The table is cut: " << count_of(m_rows.left_out, "more service is", "more services are")
            << " not shown, to stay under GitHub's 65,536-character limit. The json, sarif and junit formats list "
               "them all._\n";
    if (!m_details.items.empty()) m_out << "\n### Details\n";
    for (const auto& section : m_details.items) m_out << section;
    if (m_details.left_out > 0)
      m_out << "\n_Details of " << count_of(m_details.left_out, "service were", "services were")
            << " left out to stay under GitHub's 65,536-character limit; the text and json formats have them._\n";
    m_out << "\n<sub>" << markdown_text(m_tool.name) << ' ' << markdown_text(m_tool.version) << " · rules "
          << markdown_text(m_tool.rules_version) << " · prices " << markdown_text(m_tool.pricing_date) << "</sub>\n";
    m_out.flush();
  }

 private:
  std::ostream& m_out;
  Command m_command;
  ToolInfo m_tool;
  Kept m_rows;
  Kept m_errors;    // inputs that could not be evaluated, and error findings
  Kept m_warnings;  // warning findings
  Kept m_details;
  std::size_t m_results = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_markdown_renderer(std::ostream& out, const RenderOptions& options) {
  return std::make_unique<MarkdownRenderer>(out, options);
}

}  // namespace caas::report

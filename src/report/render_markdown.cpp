// Markdown for a pull-request comment or a job summary: a portfolio table of every service, the files that could
// not be evaluated, then details per service — kept under GitHub's 65,536-character limit for a comment. Details go
// first when something must go (whole services, from the end); the table and the errors only when even they do not
// fit; each cut is said. Everything waits for finish() (the table needs every result), but only what can still
// be printed is kept, so memory stays within a few times the limit however large the batch.
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
    if (m_rows.closed)
      ++m_rows.left_out;
    else
      m_rows.offer(portfolio_row(recommendation, m_command), k_budget);
    const std::size_t used = m_rows.bytes + m_errors.bytes + m_details.bytes;
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
    const std::string head = heading(summary, m_command) + portfolio_header(m_command);
    const std::string errors_head = "\n### Could not be evaluated\n\n";
    const std::size_t notes = 1'000;  // the cut lines and the footer
    std::size_t room = k_budget - head.size() - errors_head.size() - notes;
    // Broken files are named before the table is complete, but may not crowd it out: at most half the room.
    m_errors.trim(std::max(room / 2, room - std::min(room, m_rows.bytes)));
    room -= m_errors.bytes;
    m_rows.trim(room);
    room -= m_rows.bytes;
    m_details.trim(room);
    m_details.left_out = m_results - m_details.items.size();  // the kept details are the first services'

    m_out << head;
    for (const auto& row : m_rows.items) m_out << row;
    if (m_rows.left_out > 0)
      m_out << "\n_The table is cut: " << count_of(m_rows.left_out, "more service is", "more services are")
            << " not shown, to stay under GitHub's 65,536-character limit. The json, sarif and junit formats list "
               "them all._\n";
    if (!m_errors.items.empty() || m_errors.left_out > 0) {
      m_out << errors_head;
      for (const auto& line : m_errors.items) m_out << line;
      if (m_errors.left_out > 0)
        m_out << "\n_" << count_of(m_errors.left_out, "more error is", "more errors are")
              << " not shown; the json format lists them all._\n";
    }
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
  Kept m_errors;
  Kept m_details;
  std::size_t m_results = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_markdown_renderer(std::ostream& out, const RenderOptions& options) {
  return std::make_unique<MarkdownRenderer>(out, options);
}

}  // namespace caas::report

// The text report, for a person at a terminal: per workload the answer in one line, a table of the targets, then
// why (text_sections.cpp). Errors in compiler style; a one-line summary at the end of a batch.
#include <fmt/format.h>

#include "caas/util/text.hpp"
#include "renderers.hpp"
#include "text_sections.hpp"

namespace caas::report {

namespace {

using util::escape_control;

// "thumbnailer → AWS Lambda" with the file on the right, or "no target fits".
void write_answer(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  const std::string name = escape_control(recommendation.name);
  const std::string file = escape_control(recommendation.file);
  std::string plain = name;
  std::string painted = context.paint(name, Style::bold);
  if (context.command == Command::validate || recommendation.ranking.empty()) {
    plain += " — valid";
    painted += " — " + context.paint("valid", Style::green);
  } else {
    const model::TargetResult* chosen = nullptr;
    for (const auto& result : recommendation.ranking) {
      if (recommendation.recommended == result.target.id) chosen = &result;
    }
    const std::string answer =
        chosen ? target_label(chosen->target) : escape_control(recommendation.recommended.value_or("no target fits"));
    plain += " → " + answer;
    painted += " → " + context.paint(answer, recommendation.recommended ? Style::bold_green : Style::bold_red);
  }
  if (!file.empty()) {
    const std::size_t used = display_width(plain) + display_width(file);
    const std::size_t gap = used + 2 <= context.width ? context.width - used : 2;
    painted += std::string(gap, ' ') + context.paint(file, Style::dim);
  }
  out << painted << '\n';
}

// The comparison on the seed's two measures: rank, fits, score, operational burden, cost per month.
void write_table(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context) {
  struct Line {
    std::string rank, target, fits, score, ops, cost;
    bool feasible;
  };
  std::vector<Line> lines;
  Line header{"#", "target", "fits", "score", "ops burden", "per month", true};
  std::size_t w[6] = {0, 0, 0, 0, 0, 0};
  auto grow = [&w](const Line& line) {
    const std::string* cells[6] = {&line.rank, &line.target, &line.fits, &line.score, &line.ops, &line.cost};
    for (int i = 0; i < 6; ++i) w[i] = std::max(w[i], display_width(*cells[i]));
  };
  grow(header);
  for (const auto& result : recommendation.ranking) {
    Line line{std::to_string(result.rank),
              target_label(result.target),
              result.feasible ? "yes" : "no",
              result.feasible ? util::format_fixed2(result.score) : "—",
              std::string(ops_label(result.target.ops_burden)),
              result.cost ? format_usd(result.cost->monthly_usd) : "—",
              result.feasible};
    grow(line);
    lines.push_back(std::move(line));
  }
  auto row = [&](const Line& line, bool is_header) {
    const Style fits_style = is_header ? Style::dim : line.feasible ? Style::green : Style::red;
    std::string text = "  " + pad(line.rank, w[0], Align::right) + "  " + pad(line.target, w[1]) + "  ";
    std::string fits = context.paint(line.fits, fits_style) + pad("", w[2] - display_width(line.fits));
    text += fits + "  " + pad(line.score, w[3], Align::right) + "  " + pad(line.ops, w[4]) + "  " +
            pad(line.cost, w[5], Align::right);
    return text;
  };
  out << '\n' << context.paint(row(header, true), Style::dim) << '\n';
  for (const Line& line : lines) out << row(line, false) << '\n';
}

// "error:" (or "warning:") in colour in the first line of a compiler-style diagnostic.
std::string paint_diagnostic(const util::Diagnostic& error, std::string text, const TextContext& context) {
  std::string location;
  if (!error.where.file.empty()) {
    location = escape_control(error.where.file);
    if (error.where.line > 0) location += fmt::format(":{}", error.where.line);
    if (error.where.line > 0 && error.where.column > 0) location += fmt::format(":{}", error.where.column);
    location += ": ";
  }
  const std::string severity(util::to_string(error.severity));
  if (text.compare(0, location.size() + severity.size(), location + severity) != 0) return text;
  const Style style = error.severity == util::Severity::error ? Style::bold_red : Style::yellow;
  return context.paint(location, Style::bold) + context.paint(severity, style) +
         text.substr(location.size() + severity.size());
}

class TextRenderer final : public Renderer {
 public:
  TextRenderer(std::ostream& out, const RenderOptions& options)
      : m_out(out), m_context{Painter(options.color), options.verbose, options.command, options.width} {}

  void begin(const ToolInfo& /*tool*/) override {}

  void result(const model::Recommendation& recommendation) override {
    if (m_written) m_out << '\n';
    write_answer(m_out, recommendation, m_context);
    if (!recommendation.ranking.empty() && m_context.command != Command::validate) {
      write_table(m_out, recommendation, m_context);
      write_target_blocks(m_out, recommendation, m_context);
      write_assumptions(m_out, recommendation, m_context);
      write_changes(m_out, recommendation, m_context);
    }
    write_findings(m_out, recommendation, m_context);
    write_imported(m_out, recommendation, m_context);
    m_written = true;
    m_after_result = true;
  }

  void error(const util::Diagnostic& error) override {
    if (m_after_result) m_out << '\n';
    m_out << paint_diagnostic(error, util::format_diagnostic(error), m_context);
    m_written = true;
    m_after_result = false;
  }

  // The summary line is status, not report: the command line writes it to standard error.
  void finish(const Summary& /*summary*/) override { m_out.flush(); }

 private:
  std::ostream& m_out;
  TextContext m_context;
  bool m_written = false;
  bool m_after_result = false;
};

}  // namespace

std::unique_ptr<Renderer> make_text_renderer(std::ostream& out, const RenderOptions& options) {
  if (options.command == Command::check) return make_check_text_renderer(out, options);
  return std::make_unique<TextRenderer>(out, options);
}

std::unique_ptr<Renderer> make_advice_text_renderer(std::ostream& out, const RenderOptions& options) {
  return std::make_unique<TextRenderer>(out, options);
}

}  // namespace caas::report

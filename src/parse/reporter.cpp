#include "reporter.hpp"

#include <algorithm>

namespace caas::parse {

util::Diagnostic Reporter::make(util::Code code, std::string message, int line, int column, int span,
                                std::string hint) const {
  const auto source_line = util::line_of(m_text, line);
  const int rest = static_cast<int>(source_line.size()) - (column - 1);
  if (rest > 0) span = std::min(span, rest);
  auto diagnostic = util::make_error(code, std::move(message), {m_file, line, column}, m_text, span);
  diagnostic.hint = std::move(hint);
  return diagnostic;
}

void Reporter::error(util::Code code, std::string message, int line, int column, int span, std::string hint) {
  m_errors.push_back(make(code, std::move(message), line, column, span, std::move(hint)));
}

void Reporter::warning(util::Code code, std::string message, int line, int column, int span, std::string hint) {
  auto diagnostic = make(code, std::move(message), line, column, span, std::move(hint));
  diagnostic.severity = util::Severity::warning;
  m_warnings.push_back(std::move(diagnostic));
}

void Reporter::report(util::Problem problem, int line, int column, int span) {
  error(problem.code, std::move(problem.message), line, column, span, std::move(problem.hint));
}

util::Diagnostics Reporter::take_errors() {
  std::stable_sort(m_errors.begin(), m_errors.end(), [](const util::Diagnostic& a, const util::Diagnostic& b) {
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.column < b.where.column;
  });
  return std::move(m_errors);
}

util::Diagnostics Reporter::take_warnings() { return std::move(m_warnings); }

std::string concat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (const auto part : parts) out += part;
  return out;
}

}  // namespace caas::parse

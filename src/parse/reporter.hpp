#pragma once
// Collects the located errors and warnings of one file while it is decoded (private to the parse module).
#include <initializer_list>
#include <string>
#include <string_view>

#include "caas/util/diagnostic.hpp"
#include "caas/util/messages.hpp"

namespace caas::parse {

class Reporter {
 public:
  Reporter(std::string_view text, const std::string& file) : m_text(text), m_file(file) {}

  // `line`/`column` are 1-based; `span` is clamped to the rest of the line.
  void error(util::Code code, std::string message, int line, int column, int span = 1, std::string hint = {});
  void warning(util::Code code, std::string message, int line, int column, int span = 1, std::string hint = {});

  // A shared mistake (caas/util/messages.hpp), with its code, words and hint.
  void report(util::Problem problem, int line, int column, int span = 1);

  // A diagnostic made elsewhere (the waivers' reader), in this file.
  void add(util::Diagnostic diagnostic) { m_errors.push_back(std::move(diagnostic)); }
  std::string_view text() const { return m_text; }
  const std::string& file() const { return m_file; }

  bool has_errors() const { return !m_errors.empty(); }
  // Errors in file order (line, then column), which is how a reader fixes them.
  util::Diagnostics take_errors();
  util::Diagnostics take_warnings();

 private:
  util::Diagnostic make(util::Code code, std::string message, int line, int column, int span, std::string hint) const;

  std::string_view m_text;
  const std::string& m_file;
  util::Diagnostics m_errors;
  util::Diagnostics m_warnings;
};

// Joins the pieces of a message in one allocation. (GCC 12 at -O3 also warns falsely about `"x" + std::string`.)
std::string concat(std::initializer_list<std::string_view> parts);

}  // namespace caas::parse

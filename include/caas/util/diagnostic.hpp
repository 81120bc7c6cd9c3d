#pragma once
// Errors and warnings as values: what went wrong, where, and what to do about it.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "caas/util/codes.hpp"

namespace caas::util {

std::string_view to_string(Severity severity);

// A code as its id (for test messages and logs).
std::ostream& operator<<(std::ostream& out, const Code& code);

// A place in a file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Severity severity = Severity::error;
  Code code;            // registered in caas/util/codes.hpp: "unknown-key", "missing-unit", ...
  std::string message;  // one sentence, no trailing period, no location
  SourceLocation where;
  std::string source_line;  // the text of the line, for the caret; empty when not known or over 512 bytes
  int span = 1;             // how many columns the caret underlines
  std::string hint;         // e.g. "did you mean 'memory'?"; empty when none
};

using Diagnostics = std::vector<Diagnostic>;

// Builds a located error; `text` is the whole file, from which the source line is taken.
Diagnostic make_error(Code code, std::string message, SourceLocation where, std::string_view text = {}, int span = 1);

// The 1-based line `line` of `text`, without its line break; empty when out of range.
std::string_view line_of(std::string_view text, int line);

// Compiler-style rendering: "file:line:col: error: message; hint" then the source line and a caret.
// Control characters from the input are written as visible escapes.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace caas::util

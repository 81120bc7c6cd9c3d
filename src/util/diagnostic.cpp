#include "caas/util/diagnostic.hpp"

#include <fmt/format.h>

#include <ostream>

#include "caas/util/text.hpp"

namespace caas::util {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::ostream& operator<<(std::ostream& out, const Code& code) { return out << code.id(); }

std::string_view line_of(std::string_view text, int line) {
  if (line < 1) return {};
  std::size_t start = 0;
  for (int n = 1; n < line; ++n) {
    const auto next = text.find('\n', start);
    if (next == std::string_view::npos) return {};
    start = next + 1;
  }
  auto end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  auto result = text.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

Diagnostic make_error(Code code, std::string message, SourceLocation where, std::string_view text, int span) {
  Diagnostic d;
  d.code = code;
  d.message = std::move(message);
  // A very long line is not kept: a minified file's one line, copied under each of its errors, would cost memory
  // and output quadratic in the file's size.
  constexpr std::size_t k_max_source_line = 512;
  if (const auto line = line_of(text, where.line); line.size() <= k_max_source_line) d.source_line = std::string(line);
  d.where = std::move(where);
  d.span = span < 1 ? 1 : span;
  return d;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += escape_control(d.where.file);
    if (d.where.line > 0) out += fmt::format(":{}", d.where.line);
    if (d.where.line > 0 && d.where.column > 0) out += fmt::format(":{}", d.where.column);
    out += ": ";
  }
  out += fmt::format("{}: {}", to_string(d.severity), escape_control(d.message));
  if (!d.hint.empty()) out += "; " + escape_control(d.hint);
  out += '\n';
  if (!d.source_line.empty() && d.where.line > 0) {
    // Escape first, then place the caret under the escaped text so columns still line up.
    const std::string shown = escape_control(d.source_line);
    const std::string prefix = escape_control(
        std::string_view(d.source_line)
            .substr(0, std::min<std::size_t>(d.source_line.size(),
                                             static_cast<std::size_t>(std::max(d.where.column - 1, 0)))));
    const std::string gutter = fmt::format("{:>5}", d.where.line);
    out += fmt::format("{} | {}\n", gutter, shown);
    if (d.where.column > 0) {
      // The caret goes under the character the column names, however wide the characters before it show.
      std::string pad;
      for (std::size_t i = 0; i < prefix.size();) {
        const auto decoded = decode_utf8(prefix, i);
        if (prefix[i] == '\t')
          pad += '\t';
        else
          pad.append(decoded.length == 0 ? 1 : char_width(decoded.code), ' ');
        i += decoded.length == 0 ? 1 : decoded.length;
      }
      out += fmt::format("{} | {}^{}\n", std::string(gutter.size(), ' '), pad, std::string(d.span - 1, '~'));
    }
  }
  return out;
}

}  // namespace caas::util

#include "caas/util/raw_text.hpp"

#include <algorithm>

#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"

namespace caas::util {

namespace {

// The offset of the first byte that starts no valid UTF-8 sequence (the text is known to be invalid).
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    while (length <= 4 && !is_valid_utf8(text.substr(i, length))) ++length;
    if (length > 4 || i + length > text.size()) return i;
    i += length;
  }
  return i;
}

bool starts_token(char previous) {
  return previous == '\n' || previous == ' ' || previous == '\t' || previous == '[' || previous == '{' ||
         previous == ',' || previous == ':' || previous == '\r';
}

// The offset just past a quoted scalar that opens at `i` (or the end of the text).
std::size_t skip_quoted(std::string_view text, std::size_t i) {
  const char quote = text[i];
  for (++i; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i;
      }
    }
  }
  return i;
}

// Flow collections nested too deep, found before any parser builds a stack for them: measured without parsing,
// skipping quoted scalars and comments. Returns the offset of the bracket that goes too deep, or npos.
std::size_t find_too_deep_flow(std::string_view text, int max_depth) {
  int depth = 0;
  char previous = '\n';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#' && (previous == '\n' || previous == ' ' || previous == '\t')) {
      while (i < text.size() && text[i] != '\n') ++i;
      previous = '\n';
      continue;
    }
    if ((c == '"' || c == '\'') && starts_token(previous)) {
      i = skip_quoted(text, i);
      previous = c;
      continue;
    }
    if ((c == '[' || c == '{') && starts_token(previous)) {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    previous = c;
  }
  return std::string_view::npos;
}

}  // namespace

std::string too_deep_message(int max_depth) {
  return "maps and lists are nested more than " + std::to_string(max_depth) + " levels deep";
}

std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  const auto before = text.substr(0, offset);
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const auto line_start = before.rfind('\n');
  const auto column = line_start == std::string_view::npos ? offset : offset - line_start - 1;
  return {line, static_cast<int>(column) + 1};
}

std::optional<Diagnostic> check_raw_text(std::string_view text, const std::string& file, const InputLimits& limits) {
  if (text.size() > limits.max_bytes) {
    std::string message = "the file is " + std::to_string(text.size()) + " bytes, larger than the limit of " +
                          format_quantity(static_cast<double>(limits.max_bytes), Kind::size);
    if (!limits.size_option.empty()) message += " (" + limits.size_option + ")";
    return make_error("too-large", std::move(message), {file, 0, 0});
  }
  if (!is_valid_utf8(text)) {
    const auto [line, column] = position_of(text, first_invalid_utf8(text));
    return make_error("not-utf8", "the file is not valid UTF-8", {file, line, column}, text);
  }
  // YAML allows no NUL byte, and a parser would stop at it or take the text for UTF-16, so that any message about
  // the value would name the wrong character: a NUL is refused where it is.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, column] = position_of(text, nul);
    return make_error("nul-byte", "the file holds a NUL byte, which YAML text cannot (is it a binary or UTF-16 file?)",
                      {file, line, column}, text);
  }
  if (const auto deep = find_too_deep_flow(text, limits.max_depth); deep != std::string_view::npos) {
    const auto [line, column] = position_of(text, deep);
    return make_error("too-deep", too_deep_message(limits.max_depth), {file, line, column}, text);
  }
  return std::nullopt;
}

}  // namespace caas::util

#pragma once
// Layout for the text formats: display width, word wrapping, columns, and ANSI colour that is only ever added
// when asked for. Everything here works on text already made safe with util::escape_control.
#include <string>
#include <string_view>
#include <vector>

#include "caas/util/text.hpp"

namespace caas::report {

// Columns a terminal uses for `text` (UTF-8): combining marks take none, East Asian wide characters two.
using util::display_width;

// `text` padded with spaces to `width` columns, on the right (left-aligned) or on the left (right-aligned).
enum class Align { left, right };
std::string pad(std::string_view text, std::size_t width, Align align = Align::left);

// Words of `text` in lines of at most `width` columns; a word longer than a line is never cut: it stands alone on
// a line that is wider.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// As wrap, with a first line of `first` columns and the others of `rest` (a hanging indent).
std::vector<std::string> wrap_hanging(std::string_view text, std::size_t first, std::size_t rest);

// Whitespace runs (line breaks from YAML block scalars included) as single spaces, trimmed.
std::string one_line(std::string_view text);

// Dollars to the cent with thousands separators: "$1,234.50".
using util::format_usd;

enum class Style { bold, dim, red, green, yellow, cyan, bold_red, bold_green };

// Styled text; `text` unchanged when colour is off, so widths are computed before painting.
class Painter {
 public:
  explicit Painter(bool color) : m_color(color) {}
  std::string operator()(std::string_view text, Style style) const;

 private:
  bool m_color;
};

}  // namespace caas::report

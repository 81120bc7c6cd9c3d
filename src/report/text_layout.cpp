#include "text_layout.hpp"

#include <cmath>

#include "caas/util/text.hpp"

namespace caas::report {

namespace {

// The code point at text[i], moving i past it; an invalid byte counts as one narrow character.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto decoded = util::decode_utf8(text, i);
  if (decoded.length == 0) return static_cast<unsigned char>(text[i++]);
  i += decoded.length;
  return decoded.code;
}

using util::char_width;

// The longest prefix of `word` that fits in `width` columns (at least one character, so wrapping progresses).
std::size_t fitting_prefix(std::string_view word, std::size_t width) {
  std::size_t i = 0;
  std::size_t used = 0;
  while (i < word.size()) {
    std::size_t next = i;
    const std::size_t w = char_width(next_code_point(word, next));
    if (used + w > width && i > 0) break;
    used += w;
    i = next;
  }
  return i;
}

}  // namespace

std::string pad(std::string_view text, std::size_t width, Align align) {
  const std::size_t used = display_width(text);
  const std::string fill(used < width ? width - used : 0, ' ');
  return align == Align::left ? std::string(text) + fill : fill + std::string(text);
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t pos = 0;
  if (width == 0) width = 1;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    std::string_view word = text.substr(pos, end - pos);
    pos = end;
    while (!word.empty()) {
      const std::size_t w = display_width(word);
      const std::size_t needed = line.empty() ? w : line_width + 1 + w;
      if (needed <= width) {
        if (!line.empty()) line += ' ';
        line += word;
        line_width = needed;
        break;
      }
      if (!line.empty()) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
        continue;
      }
      const std::size_t cut = fitting_prefix(word, width);  // a word wider than a whole line
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Painter::operator()(std::string_view text, Style style) const {
  if (!m_color || text.empty()) return std::string(text);
  std::string_view code;
  switch (style) {
    case Style::bold: code = "1"; break;
    case Style::dim: code = "2"; break;
    case Style::red: code = "31"; break;
    case Style::green: code = "32"; break;
    case Style::yellow: code = "33"; break;
    case Style::cyan: code = "36"; break;
    case Style::bold_red: code = "1;31"; break;
    case Style::bold_green: code = "1;32"; break;
  }
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

}  // namespace caas::report

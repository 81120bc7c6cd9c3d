#include "text_layout.hpp"

#include <cmath>

#include "caas/util/text.hpp"

namespace caas::report {

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
      // A word wider than a whole line (a URL, a path, an id) stands on a line of its own, uncut: a cut word
      // cannot be copied or searched for.
      lines.emplace_back(word);
      break;
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::vector<std::string> wrap_hanging(std::string_view text, std::size_t first, std::size_t rest) {
  auto lines = wrap(text, first);
  if (lines.size() <= 1) return lines;
  std::string remainder;
  for (std::size_t i = 1; i < lines.size(); ++i) remainder += (i == 1 ? "" : " ") + lines[i];
  auto tail = wrap(remainder, rest);
  lines.resize(1);
  lines.insert(lines.end(), tail.begin(), tail.end());
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

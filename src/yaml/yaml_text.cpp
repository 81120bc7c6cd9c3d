// Strings written as YAML scalars, for the files the tool writes (`caas-advisor import`): a value read from someone
// else's file may hold any character, and what the tool writes must read back as the same string and hold no raw
// control character.
#include <fmt/format.h>

#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::yaml {

namespace {

// Words YAML 1.1 or 1.2 reads as something other than a string when written plain.
bool is_reserved_word(std::string_view text) {
  static constexpr std::string_view k_words[] = {"true", "false", "null",  "yes",  "no",   "on",   "off",   "y",   "n",
                                                 "~",    "True",  "False", "Null", "NULL", "TRUE", "FALSE", "Yes", "No",
                                                 "YES",  "NO",    "On",    "Off",  "ON",   "OFF",  "Y",     "N"};
  for (const auto word : k_words)
    if (text == word) return true;
  return false;
}

}  // namespace

std::string scalar_text(std::string_view text) {
  if (text.empty() || is_reserved_word(text) || util::parse_plain_number(text) || text.front() == '-' ||
      text.front() == '.')
    return double_quoted(text);
  for (const char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
          c == '-' || c == '/'))
      return double_quoted(text);
  return std::string(text);
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = util::decode_utf8(text, i);
    if (decoded.length == 0) {  // not UTF-8: the byte as an escape, so that nothing raw gets through
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const char32_t code = decoded.code;
    if (code == '"' || code == '\\') {
      out += '\\';
      out += static_cast<char>(code);
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F)) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
    } else if (code == 0x2028 || code == 0x2029 || code == 0xFEFF) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
    } else {
      out.append(text.substr(i, decoded.length));
    }
    i += decoded.length;
  }
  return out + "\"";
}

}  // namespace caas::yaml

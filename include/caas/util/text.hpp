#pragma once
// Text helpers shared by every layer: safe display of untrusted text, number formatting.
#include <cstddef>
#include <string>
#include <string_view>

namespace caas::util {

// Control characters (C0, DEL, C1) and invalid UTF-8 written as visible escapes (`\x1b`), for text, markdown,
// github and XML output. Valid UTF-8 printable characters pass through.
std::string escape_control(std::string_view text);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// The code point of the UTF-8 sequence at text[i] and its length in bytes; length 0 when the bytes there are not
// valid UTF-8 (a bad lead or continuation byte, a truncated, overlong or surrogate sequence, or past U+10FFFF).
struct Utf8Char {
  char32_t code = 0;
  std::size_t length = 0;
};
Utf8Char decode_utf8(std::string_view text, std::size_t i);

// Columns a code point takes in a terminal: 0 for combining marks and zero-width characters (the byte-order mark
// included), 2 for wide East Asian characters and emoji, else 1.
std::size_t char_width(char32_t code);
// Columns `text` takes in a terminal; an invalid byte counts as one narrow character.
std::size_t display_width(std::string_view text);

// Shortest decimal that reads back as `value`, without exponent for ordinary magnitudes: 0.25, 2, 1769, 1e-07.
std::string format_number(double value);

// Fixed two decimals, rounded half away from zero: 7 -> "7.00".
std::string format_fixed2(double value);

// Dollars to the cent with thousands separators: "$1,234.50", "−$3.00"; "—" when not finite.
std::string format_usd(double value);

}  // namespace caas::util

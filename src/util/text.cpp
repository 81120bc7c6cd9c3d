#include "caas/util/text.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace caas::util {

Utf8Char decode_utf8(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {c, 1};
  std::size_t len = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return {};
  }
  if (i + len > text.size()) return {};
  char32_t code = c & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(text[i + k]);
    if ((cc & 0xC0) != 0x80) return {};
    code = (code << 6) | (cc & 0x3Fu);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, len};
}

namespace {

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t char_width(char32_t code) { return is_zero_width(code) ? 0 : is_wide(code) ? 2 : 1; }

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = decode_utf8(text, i);
    width += decoded.length == 0 ? 1 : char_width(decoded.code);
    i += decoded.length == 0 ? 1 : decoded.length;
  }
  return width;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII, most text: no sequence to decode
      ++i;
      continue;
    }
    const auto len = decode_utf8(text, i).length;
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string escape_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto decoded = decode_utf8(text, i);
    const auto len = decoded.length;
    if (len == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (len == 1) {
      if (c < 0x20 || c == 0x7F)
        out += fmt::format("\\x{:02x}", c);
      else
        out += static_cast<char>(c);
    } else if (len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));  // C1 controls
    } else if (decoded.code == 0x2028 || decoded.code == 0x2029) {
      // line and paragraph separators: line breaks to YAML and to some terminals
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(decoded.code));
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (value == 0) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  std::string out(buf, end);
  // Prefer plain notation for ordinary magnitudes.
  if (out.find('e') != std::string::npos && std::fabs(value) >= 1e-10 && std::fabs(value) < 1e15) {
    auto [end2, ec2] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    (void)ec2;
    out.assign(buf, end2);
  }
  return out;
}

std::string format_fixed2(double value) {
  const double rounded = std::round(value * 100.0) / 100.0;
  return fmt::format("{:.2f}", rounded == 0 ? 0.0 : rounded);
}

std::string format_usd(double value) {
  if (!std::isfinite(value)) return "—";
  std::string digits = format_fixed2(std::fabs(value));  // "1234.50"
  const std::size_t dot = digits.find('.');
  std::string grouped;
  for (std::size_t i = 0; i < dot; ++i) {
    if (i > 0 && (dot - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const bool negative = value < 0 && digits != "0.00";
  return std::string(negative ? "−$" : "$") + grouped + digits.substr(dot);
}

}  // namespace caas::util

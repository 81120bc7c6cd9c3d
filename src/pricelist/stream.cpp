// The stream's string reader: a JSON string read straight from the block, without nlohmann's lexer, for the parts of
// an offer file that are most of its parsed bytes (a product's attributes).
#include "stream.hpp"

#include "caas/util/text.hpp"

namespace caas::pricelist {

namespace {

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Stream::StringError Stream::read_hex4(std::uint32_t& code) {
  code = 0;
  for (int i = 0; i < 4; ++i) {
    if (at_end()) return StringError::cut_short;
    const int digit = hex_value(peek());
    advance(false);
    if (digit < 0) return StringError::bad_escape;
    code = code * 16 + static_cast<std::uint32_t>(digit);
  }
  return StringError::none;
}

Stream::StringError Stream::read_escape(std::string& out) {
  if (at_end()) return StringError::cut_short;
  const char c = peek();
  advance(false);
  switch (c) {
    case '"': out += '"'; return StringError::none;
    case '\\': out += '\\'; return StringError::none;
    case '/': out += '/'; return StringError::none;
    case 'b': out += '\b'; return StringError::none;
    case 'f': out += '\f'; return StringError::none;
    case 'n': out += '\n'; return StringError::none;
    case 'r': out += '\r'; return StringError::none;
    case 't': out += '\t'; return StringError::none;
    case 'u': break;
    default: return StringError::bad_escape;
  }
  std::uint32_t code = 0;
  if (const auto error = read_hex4(code); error != StringError::none) return error;
  if (code >= 0xDC00 && code <= 0xDFFF) return StringError::bad_escape;  // a low surrogate alone
  if (code >= 0xD800 && code <= 0xDBFF) {                                // a high one needs its low one
    if (at_end()) return StringError::cut_short;
    if (peek() != '\\') return StringError::bad_escape;
    advance(false);
    if (at_end()) return StringError::cut_short;
    if (peek() != 'u') return StringError::bad_escape;
    advance(false);
    std::uint32_t low = 0;
    if (const auto error = read_hex4(low); error != StringError::none) return error;
    if (low < 0xDC00 || low > 0xDFFF) return StringError::bad_escape;
    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, code);
  return StringError::none;
}

Stream::StringError Stream::read_string(std::string& out) {
  out.clear();
  advance(false);  // the opening quote
  const std::size_t start_length = m_string_length;
  m_string_length = 0;
  StringError result = StringError::cut_short;
  while (!at_end()) {
    // A run of plain bytes, appended at once.
    const auto* data = reinterpret_cast<const unsigned char*>(m_buffer.data());
    const std::size_t i = next_string_stop(data, m_pos, m_len, true);
    count_string_bytes(m_pos, i - m_pos);
    out.append(m_buffer.data() + m_pos, i - m_pos);
    if (i == m_len) {
      m_pos = i;
      fill();
      continue;
    }
    m_pos = i;
    const unsigned char c = data[i];
    if (c < 0x20) {
      advance(false);
      result = StringError::control;
      break;
    }
    advance(false);
    if (c == '"') {
      result = util::is_valid_utf8(out) ? StringError::none : StringError::not_utf8;
      break;
    }
    const auto before = consumed() - 1;
    const auto error = read_escape(out);
    count_string_bytes(m_pos, consumed() - before);  // an escape counts as the bytes it is written with
    if (error != StringError::none) {
      result = error;
      break;
    }
  }
  m_string_length = start_length;
  return result;
}

}  // namespace caas::pricelist

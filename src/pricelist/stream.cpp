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

void Stream::skip_value() {
  int depth = 0;
  while (m_pos < m_len) {
    const auto* data = reinterpret_cast<const unsigned char*>(m_buffer.data());
    const std::size_t end = m_len;
    std::size_t i = m_pos;
    std::size_t scalar_until = 0;  // after a chunk with a backslash, its bytes are read one run at a time
    while (i < end) {
      // (A string shorter than a chunk is not measured there: the fast path needs a limit of a chunk at least.)
      if (i >= scalar_until && i + 64 <= end && !m_escape && m_limits.max_string >= 64) {
        std::size_t closing = 0;
        switch (skip_chunk(i, depth, closing)) {
          case Chunk::passed: i += 64; continue;
          case Chunk::closed: m_pos = closing; return;  // the parser reads the closing bracket
          case Chunk::escapes: scalar_until = i + 64; break;
        }
      }
      if (m_in_string) {
        if (m_escape) {  // the byte after a backslash, whatever it is
          m_escape = false;
          count_string_bytes(i, 1);
          ++i;
          continue;
        }
        const std::size_t start = i;
        i = next_string_stop(data, i, end);
        count_string_bytes(start, i - start);
        if (i == end) break;
        if (data[i] == '\\') {
          m_escape = true;
          count_string_bytes(i, 1);
        } else {
          m_in_string = false;  // the closing quote
        }
        ++i;
      } else {
        i = next_structure(data, i, end);
        if (i == end) break;
        const unsigned char c = data[i];
        if (c == '"') {
          m_in_string = true;
          m_string_length = 0;
        } else if (c == '{' || c == '[') {
          if (m_depth + ++depth > m_limits.max_depth) throw_at(i, LimitHit::Kind::depth);
        } else {
          if (depth == 0) {  // the parser reads the closing bracket
            m_pos = i;
            return;
          }
          --depth;
        }
        ++i;
      }
    }
    m_pos = i;
    fill();
  }
}

Stream::Chunk Stream::skip_chunk(std::size_t at, int& depth, std::size_t& closing) {
  const auto* data = reinterpret_cast<const unsigned char*>(m_buffer.data()) + at;
  std::uint64_t quotes = 0;
  std::uint64_t backslashes = 0;
  std::uint64_t opens = 0;
  std::uint64_t closes = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i lower = _mm_set1_epi8(0x20);  // '[' and ']' are '{' and '}' without this bit
  const __m128i open = _mm_set1_epi8('{');
  const __m128i close = _mm_set1_epi8('}');
  for (std::size_t k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * k));
    const __m128i folded = _mm_or_si128(v, lower);
    const auto bits = [&](__m128i hit) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(hit))) << (16 * k);
    };
    quotes |= bits(_mm_cmpeq_epi8(v, quote));
    backslashes |= bits(_mm_cmpeq_epi8(v, backslash));
    opens |= bits(_mm_cmpeq_epi8(folded, open));
    closes |= bits(_mm_cmpeq_epi8(folded, close));
  }
#else
  for (int k = 0; k < 64; ++k) {
    const std::uint64_t bit = std::uint64_t{1} << k;
    const unsigned char c = data[k];
    if (c == '"') quotes |= bit;
    if (c == '\\') backslashes |= bit;
    if (c == '{' || c == '[') opens |= bit;
    if (c == '}' || c == ']') closes |= bit;
  }
#endif
  if (backslashes != 0) return Chunk::escapes;
  // A byte is inside a string when an odd number of quotes precede it or are it (the opening quote counts as inside,
  // the closing one as outside): the prefix XOR of the quotes, from the state the chunk starts in.
  std::uint64_t inside = quotes;
  for (int shift = 1; shift < 64; shift *= 2) inside ^= inside << shift;
  if (m_in_string) inside = ~inside;
  // A string open since before the chunk, and closed in it: its length is checked as the string ends.
  if (m_in_string && quotes != 0) count_string_bytes(at, static_cast<std::size_t>(__builtin_ctzll(quotes)));
  for (std::uint64_t brackets = (opens | closes) & ~inside; brackets != 0; brackets &= brackets - 1) {
    const auto bit = static_cast<std::size_t>(__builtin_ctzll(brackets));
    if ((opens >> bit) & 1) {
      if (m_depth + ++depth > m_limits.max_depth) throw_at(at + bit, LimitHit::Kind::depth);
    } else if (depth == 0) {
      closing = at + bit;
      m_in_string = false;
      return Chunk::closed;
    } else {
      --depth;
    }
  }
  m_in_string = (inside >> 63) != 0;
  if (m_in_string) {
    // Open at the chunk's end: since its last quote, or since before the chunk if it has none.
    if (quotes == 0) {
      count_string_bytes(at, 64);
    } else {
      const auto last = static_cast<std::size_t>(63 - __builtin_clzll(quotes));
      m_string_length = 0;
      count_string_bytes(at + last + 1, 63 - last);
    }
  }
  return Chunk::passed;
}

// The bytes of an escape are taken one by one, each counted against the string's limit where it stands; on an error
// the stream stands just after the byte at fault.
void Stream::take_string_byte() {
  count_string_bytes(m_pos, 1);
  advance(false);
}

Stream::StringError Stream::read_hex4(std::uint32_t& code) {
  code = 0;
  for (int i = 0; i < 4; ++i) {
    if (at_end()) return StringError::cut_short;
    const int digit = hex_value(peek());
    take_string_byte();
    if (digit < 0) return StringError::bad_escape;
    code = code * 16 + static_cast<std::uint32_t>(digit);
  }
  return StringError::none;
}

Stream::StringError Stream::read_escape(std::string& out) {
  if (at_end()) return StringError::cut_short;
  const char c = peek();
  take_string_byte();
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
    for (const char expected : {'\\', 'u'}) {
      if (at_end()) return StringError::cut_short;
      const bool matches = peek() == expected;
      take_string_byte();
      if (!matches) return StringError::bad_escape;
    }
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
    if (c == '"') {
      advance(false);
      result = util::is_valid_utf8(out) ? StringError::none : StringError::not_utf8;
      break;
    }
    take_string_byte();  // the backslash: an escape counts as the bytes it is written with
    if (const auto error = read_escape(out); error != StringError::none) {
      result = error;
      break;
    }
  }
  m_string_length = start_length;
  return result;
}

}  // namespace caas::pricelist

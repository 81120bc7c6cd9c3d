#pragma once
// A file read in 1 MiB blocks, with the line and column of the last byte read, and the guard that keeps a JSON
// reader's memory bounded: nlohmann's lexer holds a whole string before it hands it over, and its parser a flag per
// level of nesting, so a string over the limit or nesting too deep is stopped here, as it is read.
//
// Lines and columns are counted in bulk, when a block is done or a position is asked for, not byte by byte: the
// per-byte work is what limits the import's speed (docs/performance.md).
#include <algorithm>
#include <array>
#include <cstdint>
#include <istream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "caas/pricelist/pricelist.hpp"
#include "product.hpp"

namespace caas::pricelist {

// Thrown by the guard; the reader turns it into a located diagnostic.
struct LimitHit {
  enum class Kind { string, depth } kind;
};

class Stream {
 public:
  Stream(std::istream& in, const Limits& limits) : m_in(in), m_limits(limits), m_buffer(std::size_t{1} << 20) {
    fill();
  }

  bool at_end() const { return m_pos == m_len; }
  char peek() const { return m_buffer[m_pos]; }
  // Consumes one byte (not at the end); `json` turns the guard on.
  void advance(bool json) {
    if (json) guard(m_buffer[m_pos]);
    if (++m_pos == m_len) fill();
  }
  // Skips the rest of a JSON value whose opening bracket was just read, up to its closing bracket (which the parser
  // then reads, as if the value were empty): the parts of a file the importer does not use — reserved terms, other
  // products' terms — are scanned for strings and brackets only. Strings stay bounded; such a part is not checked
  // for JSON syntax beyond its brackets and quotes.
  void skip_value();
  // The unread bytes of the current block (empty at the end of the file), and moving past `n` of them: for readers
  // that scan the block themselves (CSV).
  std::string_view block() const { return {m_buffer.data() + m_pos, m_len - m_pos}; }
  void consume(std::size_t n) {
    m_pos += n;
    if (m_pos == m_len) fill();
  }

  // Reads a JSON string whose opening quote is the next byte, up to and with its closing quote, escapes decoded into
  // `out`; bounded as the guard bounds strings. On an error the stream stands just after the byte at fault.
  enum class StringError { none, cut_short, control, bad_escape, not_utf8 };
  StringError read_string(std::string& out);

  // The line and column of the last byte read (column 0 before a line's first byte).
  int line() const {
    sync();
    return m_line;
  }
  int column() const {
    sync();
    return m_column;
  }
  std::uint64_t consumed() const { return m_base + m_pos; }
  bool failed() const { return m_in.bad(); }

  // An input iterator over the stream, for nlohmann's iterator input adapter; reading through it runs the guard.
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    Iterator() = default;
    explicit Iterator(Stream* stream) : m_stream(stream) {}
    const char& operator*() const { return m_stream->m_buffer[m_stream->m_pos]; }
    Iterator& operator++() {
      m_stream->advance(true);
      return *this;
    }
    bool operator==(const Iterator& other) const { return done() == other.done(); }
    bool operator!=(const Iterator& other) const { return !(*this == other); }

   private:
    bool done() const { return m_stream == nullptr || m_stream->at_end(); }
    Stream* m_stream = nullptr;
  };

 private:
  static constexpr unsigned char k_string_stop = 1;  // ends a run of a string's plain bytes: '"' and '\\'
  static constexpr unsigned char k_structure = 2;    // ends a run between strings: '"' and the brackets
  static constexpr std::array<unsigned char, 256> k_classes = [] {
    std::array<unsigned char, 256> classes{};
    classes['"'] = k_string_stop | k_structure;
    classes['\\'] = k_string_stop;
    for (const unsigned char c : {'{', '}', '[', ']'}) classes[c] = k_structure;
    return classes;
  }();

  // The first byte at or after `i` (before `end`) that ends a run of plain string bytes ('"', '\\', and with
  // `controls` any byte under 0x20), or between strings ('"' and the brackets); `end` if none. Sixteen bytes at a
  // time where SSE2 is (every x86-64 processor), byte by byte elsewhere and for a block's last few bytes.
  static std::size_t next_string_stop(const unsigned char* data, std::size_t i, std::size_t end,
                                      bool controls = false) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    for (; i + 16 <= end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
      if (controls) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
      if (const int mask = _mm_movemask_epi8(hit); mask != 0) return i + static_cast<unsigned>(__builtin_ctz(mask));
    }
#endif
    while (i < end && (k_classes[data[i]] & k_string_stop) == 0 && (!controls || data[i] >= 0x20)) ++i;
    return i;
  }
  static std::size_t next_structure(const unsigned char* data, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lower = _mm_set1_epi8(0x20);  // '[' and ']' are '{' and '}' without this bit
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    for (; i + 16 <= end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      const __m128i folded = _mm_or_si128(v, lower);
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                       _mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close)));
      if (const int mask = _mm_movemask_epi8(hit); mask != 0) return i + static_cast<unsigned>(__builtin_ctz(mask));
    }
#endif
    while (i < end && (k_classes[data[i]] & k_structure) == 0) ++i;
    return i;
  }

  void fill() {
    sync();
    m_base += m_len;
    m_pos = 0;
    m_mark = 0;
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_len = static_cast<std::size_t>(m_in.gcount());
  }
  // How many bytes of [from, to) `is`: counted 255 at a time into a byte, which the compiler keeps in byte-wide
  // vector lanes (std::count's 64-bit count does not vectorize as well, and every byte of a file is counted).
  template <class Predicate>
  static std::size_t count_where(const char* from, const char* to, Predicate is) {
    std::size_t total = 0;
    while (from < to) {
      const auto n = std::min<std::ptrdiff_t>(to - from, 255);
      unsigned char count = 0;
      for (std::ptrdiff_t i = 0; i < n; ++i)
        count = static_cast<unsigned char>(count + (is(static_cast<unsigned char>(from[i])) ? 1 : 0));
      total += count;
      from += n;
    }
    return total;
  }
  // Counts the lines and columns of the bytes read since the last count.
  void sync() const {
    const char* from = m_buffer.data() + m_mark;
    const char* to = m_buffer.data() + m_pos;
    if (const auto lines = count_where(from, to, [](unsigned char c) { return c == '\n'; }); lines > 0) {
      m_line += static_cast<int>(lines);
      m_column = 0;
      from = std::find(std::make_reverse_iterator(to), std::make_reverse_iterator(from), '\n').base();
    }
    // columns count characters, not the bytes of a UTF-8 sequence
    m_column += static_cast<int>(count_where(from, to, [](unsigned char c) { return (c & 0xC0) != 0x80; }));
    m_mark = m_pos;
  }
  // skip_value's fast path: 64 bytes without a backslash, their strings and brackets found from bit masks.
  enum class Chunk : std::uint8_t { passed, closed, escapes };
  Chunk skip_chunk(std::size_t at, int& depth, std::size_t& closing);
  void take_string_byte();
  StringError read_escape(std::string& out);
  StringError read_hex4(std::uint32_t& code);
  // `count` more bytes of the string being skipped, from buffer position `at`: the guard's limit, at the exact byte.
  void count_string_bytes(std::size_t at, std::size_t count) {
    if (m_string_length + count > m_limits.max_string)
      throw_at(at + (m_limits.max_string - m_string_length), LimitHit::Kind::string);
    m_string_length += count;
  }
  // Stops at the byte at `at`, which counts as read.
  [[noreturn]] void throw_at(std::size_t at, LimitHit::Kind kind) {
    m_pos = at + 1;
    throw LimitHit{kind};
  }
  void guard(char c) {
    if (m_in_string) {
      if (m_escape) {
        m_escape = false;
      } else if (c == '\\') {
        m_escape = true;
      } else if (c == '"') {
        m_in_string = false;
        return;
      }
      if (++m_string_length > m_limits.max_string) throw_at(m_pos, LimitHit::Kind::string);
      return;
    }
    if (c == '"') {
      m_in_string = true;
      m_string_length = 0;
    } else if (c == '{' || c == '[') {
      if (++m_depth > m_limits.max_depth) throw_at(m_pos, LimitHit::Kind::depth);
    } else if (c == '}' || c == ']') {
      --m_depth;
    }
  }

  std::istream& m_in;
  Limits m_limits;
  std::vector<char> m_buffer;
  std::size_t m_pos = 0;
  std::size_t m_len = 0;
  std::uint64_t m_base = 0;  // bytes of the blocks before this one
  // Lines and columns are counted up to m_mark, a position in the block.
  mutable std::size_t m_mark = 0;
  mutable int m_line = 1;
  mutable int m_column = 0;
  bool m_in_string = false;
  bool m_escape = false;
  std::size_t m_string_length = 0;
  int m_depth = 0;
};

// The readers of each format; `where` names the file in messages.
struct ReadContext {
  Stream& stream;
  const std::string& file;
  const Limits& limits;
  Collector& collector;
  FileSummary& summary;
};

util::Result<bool> read_json(ReadContext& context);
util::Result<bool> read_csv(ReadContext& context);

// A located error at the stream's position.
util::Diagnostic error_at(const ReadContext& context, util::Code code, std::string message, std::string hint = {});

}  // namespace caas::pricelist

#pragma once
// A file read in 1 MiB blocks, with the line and column of the last byte read, and the guard that keeps a JSON
// reader's memory bounded: nlohmann's lexer holds a whole string before it hands it over, and its parser a flag per
// level of nesting, so a string over the limit or nesting too deep is stopped here, as it is read.
#include <cstdint>
#include <istream>
#include <iterator>
#include <string>
#include <vector>

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
    const char c = m_buffer[m_pos];
    if (c == '\n') {
      ++m_line;
      m_column = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++m_column;  // columns count characters, not the bytes of a UTF-8 sequence
    }
    if (json) guard(c);
    ++m_consumed;
    if (++m_pos == m_len) fill();
  }
  // Skips the rest of a JSON value whose opening bracket was just read, up to its closing bracket (which the parser
  // then reads, as if the value were empty): the parts of a file the importer does not use — reserved terms, other
  // products' terms — are scanned for strings and brackets only. Strings stay bounded; such a part is not checked
  // for JSON syntax beyond its brackets and quotes.
  void skip_value() {
    int depth = 0;
    while (m_pos < m_len) {
      const char c = m_buffer[m_pos];
      if (!m_in_string && (c == '}' || c == ']') && depth == 0) return;  // the parser reads the closing bracket
      if (c == '\n') {
        ++m_line;
        m_column = 0;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++m_column;
      }
      if (m_in_string) {
        if (m_escape) {
          m_escape = false;
        } else if (c == '\\') {
          m_escape = true;
        } else if (c == '"') {
          m_in_string = false;
        }
        if (m_in_string && ++m_string_length > m_limits.max_string) throw LimitHit{LimitHit::Kind::string};
      } else if (c == '"') {
        m_in_string = true;
        m_string_length = 0;
      } else if (c == '{' || c == '[') {
        if (m_depth + ++depth > m_limits.max_depth) throw LimitHit{LimitHit::Kind::depth};
      } else if (c == '}' || c == ']') {
        --depth;
      }
      ++m_consumed;
      if (++m_pos == m_len) fill();
    }
  }
  int line() const { return m_line; }
  int column() const { return m_column; }
  std::uint64_t consumed() const { return m_consumed; }
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
  void fill() {
    m_pos = 0;
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_len = static_cast<std::size_t>(m_in.gcount());
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
      if (++m_string_length > m_limits.max_string) throw LimitHit{LimitHit::Kind::string};
      return;
    }
    if (c == '"') {
      m_in_string = true;
      m_string_length = 0;
    } else if (c == '{' || c == '[') {
      if (++m_depth > m_limits.max_depth) throw LimitHit{LimitHit::Kind::depth};
    } else if (c == '}' || c == ']') {
      --m_depth;
    }
  }

  std::istream& m_in;
  Limits m_limits;
  std::vector<char> m_buffer;
  std::size_t m_pos = 0;
  std::size_t m_len = 0;
  std::uint64_t m_consumed = 0;
  int m_line = 1;
  int m_column = 0;
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

#include "json_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstring>

#include "caas/util/text.hpp"

namespace caas::report {

namespace {

bool is_control(char32_t code) { return code < 0x20 || (code >= 0x7F && code < 0xA0); }

// Plain printable ASCII other than the quote and the backslash is copied as it is.
// The bytes that go into a JSON string as they are: printable ASCII but the quote and the backslash.
constexpr auto k_plain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

std::size_t plain_run(std::string_view text, std::size_t from) {
  while (from < text.size() && k_plain[static_cast<unsigned char>(text[from])]) ++from;
  return from;
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    // Most report text is plain ASCII: copy each run of it in one append instead of character by character.
    const std::size_t run = plain_run(text, i);
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const util::Utf8Char d = util::decode_utf8(text, i);
    if (d.length == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    switch (d.code) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (is_control(d.code))
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(d.code));
        else
          out.append(text.substr(i, d.length));
    }
    i += d.length;
  }
  out += '"';
}

}  // namespace

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::flush() {
  if (m_buffer.empty()) return;
  // Straight to the stream buffer: the report is written in large pieces, without a sentry per piece. A short write
  // marks the stream bad, as ostream::write would, so the caller's check of the output still sees it.
  const auto size = static_cast<std::streamsize>(m_buffer.size());
  if (m_out.rdbuf() == nullptr || m_out.rdbuf()->sputn(m_buffer.data(), size) != size) m_out.setstate(std::ios::badbit);
  m_buffer.clear();
}

void JsonWriter::after_write() {
  if (m_stack.size() <= k_flush_depth || m_buffer.size() >= k_flush_bytes) flush();
}

void JsonWriter::newline_indent(std::size_t depth) {
  static constexpr std::string_view k_indents =
      "\n                                                                ";  // a newline and 64 spaces
  if (2 * depth + 1 <= k_indents.size()) {
    m_buffer.append(k_indents.data(), 2 * depth + 1);
  } else {
    m_buffer += '\n';
    m_buffer.append(2 * depth, ' ');
  }
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_stack.empty()) return;
  if (!m_stack.back().first) m_buffer += ',';
  m_stack.back().first = false;
  newline_indent(m_stack.size());
}

void JsonWriter::raw(std::string_view literal) {
  before_value();
  m_buffer.append(literal);
  after_write();
}

void JsonWriter::begin_object() {
  before_value();
  m_buffer += '{';
  m_stack.push_back({});
  after_write();
}

void JsonWriter::begin_array() {
  before_value();
  m_buffer += '[';
  m_stack.push_back({});
  after_write();
}

void JsonWriter::end_object() {
  const bool empty = m_stack.back().first;
  m_stack.pop_back();
  if (!empty) newline_indent(m_stack.size());
  m_buffer += '}';
  after_write();
}

void JsonWriter::end_array() {
  const bool empty = m_stack.back().first;
  m_stack.pop_back();
  if (!empty) newline_indent(m_stack.size());
  m_buffer += ']';
  after_write();
}

void JsonWriter::key(std::string_view name) {
  // The common case (a key of the report's own, in an object) in one append: separator, indent, quoted key, colon.
  constexpr std::size_t k_piece = 128;
  const std::size_t indent = 2 * m_stack.size();
  if (!m_after_key && !m_stack.empty() && indent + name.size() + 6 <= k_piece && plain_run(name, 0) == name.size()) {
    std::array<char, k_piece> piece;  // NOLINT(cppcoreguidelines-pro-type-member-init): filled below, up to n
    std::size_t n = 0;
    if (!m_stack.back().first) piece[n++] = ',';
    m_stack.back().first = false;
    piece[n++] = '\n';
    std::memset(piece.data() + n, ' ', indent);
    n += indent;
    piece[n++] = '"';
    std::memcpy(piece.data() + n, name.data(), name.size());
    n += name.size();
    piece[n++] = '"';
    piece[n++] = ':';
    piece[n++] = ' ';
    m_buffer.append(piece.data(), n);
    m_after_key = true;
    return;
  }
  before_value();
  append_quoted(m_buffer, name);
  m_buffer += ": ";
  m_after_key = true;
}

void JsonWriter::string(std::string_view text) {
  before_value();
  if (plain_run(text, 0) == text.size()) {  // nothing to escape: one append
    const std::size_t at = m_buffer.size();
    m_buffer.resize(at + text.size() + 2);
    m_buffer[at] = '"';
    std::memcpy(m_buffer.data() + at + 1, text.data(), text.size());
    m_buffer[at + text.size() + 1] = '"';
  } else {
    append_quoted(m_buffer, text);
  }
  after_write();
}

void JsonWriter::string_or_null(std::string_view text) {
  if (text.empty())
    null();
  else
    string(text);
}

void JsonWriter::boolean(bool value) { raw(value ? "true" : "false"); }

void JsonWriter::null() { raw("null"); }

void JsonWriter::integer(long long value) { raw(std::to_string(value)); }

void JsonWriter::integer_or_null(int value) {
  if (value == 0)
    null();
  else
    integer(value);
}

void JsonWriter::number(double value) {
  // JSON has no NaN or infinity; a value that is not a number is not known.
  if (!std::isfinite(value)) return null();
  raw(util::format_number(value));
}

void JsonWriter::fixed2(double value) {
  if (!std::isfinite(value)) return null();
  raw(util::format_fixed2(value));
}

}  // namespace caas::report

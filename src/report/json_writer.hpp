#pragma once
// A streaming JSON writer: pretty-printed with two spaces, in the layout nlohmann's dump(2) uses, so a report can
// be written piece by piece without holding the document. Numbers arrive already decided (money, score, plain).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace caas::report {

// Collects the text in its own buffer and hands it to the stream in pieces, not character by character: when a
// container opens or closes within the outer two levels (so a report streams one result at a time), every 64 KiB,
// and when destroyed. So the stream must not be written to directly while a value is open.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : m_out(out) {}
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The next value belongs to this key (inside an object).
  void key(std::string_view name);

  void string(std::string_view text);
  void string_or_null(std::string_view text);  // null when empty
  void boolean(bool value);
  void null();
  void integer(long long value);
  void integer_or_null(int value);  // null when 0 (an unknown line or column)
  void number(double value);        // shortest round-trip, no exponent for ordinary magnitudes
  void fixed2(double value);        // money and scores: always two decimals ("7.00", "0.40")

 private:
  struct Frame {
    bool first = true;
  };
  static constexpr std::size_t k_flush_bytes = std::size_t{64} * 1024;
  static constexpr std::size_t k_flush_depth = 2;
  void before_value();
  void after_write();
  void flush();
  void raw(std::string_view literal);
  void newline_indent(std::size_t depth);

  std::ostream& m_out;
  std::string m_buffer;
  std::vector<Frame> m_stack;
  bool m_after_key = false;
};

}  // namespace caas::report

#include <catch2/catch.hpp>

#include "caas/util/diagnostic.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/suggest.hpp"
#include "caas/util/text.hpp"
#include "caas/util/value.hpp"

using namespace caas::util;

TEST_CASE("quantity: durations convert to seconds", "[util]") {
  CHECK(parse_quantity("150ms", Kind::duration, Spacing::tight).value == Approx(0.15));
  CHECK(parse_quantity("15m", Kind::duration, Spacing::tight).value == 900);
  CHECK(parse_quantity("15min", Kind::duration, Spacing::tight).value == 900);
  CHECK(parse_quantity("1.5h", Kind::duration, Spacing::tight).value == 5400);
  CHECK(parse_quantity("2d", Kind::duration, Spacing::tight).value == 172800);
  CHECK(parse_quantity("30 s", Kind::duration, Spacing::space_allowed).value == 30);
}

TEST_CASE("quantity: sizes in decimal and binary units are exact", "[util]") {
  CHECK(parse_quantity("10240MiB", Kind::size, Spacing::tight).value == 10240.0 * 1024 * 1024);
  CHECK(parse_quantity("10Gi", Kind::size, Spacing::tight).value == 10.0 * 1024 * 1024 * 1024);
  CHECK(parse_quantity("50MB", Kind::size, Spacing::tight).value == 50e6);
  CHECK(parse_quantity("1GB", Kind::size, Spacing::tight).value <
        parse_quantity("1GiB", Kind::size, Spacing::tight).value);
}

TEST_CASE("quantity: counts take k, M and B, or a whole number", "[util]") {
  CHECK(parse_quantity("3M", Kind::count, Spacing::tight).value == 3e6);
  CHECK(parse_quantity("250k", Kind::count, Spacing::tight).value == 250e3);
  CHECK(parse_quantity("5.2B", Kind::count, Spacing::tight).value == Approx(5.2e9));
  CHECK(parse_quantity("1200", Kind::count, Spacing::tight).value == 1200);
  CHECK(parse_quantity("12.5", Kind::count, Spacing::tight).error);
}

TEST_CASE("quantity: a missing or wrong unit is an error with a hint", "[util]") {
  auto bare = parse_quantity("30", Kind::duration, Spacing::tight);
  REQUIRE(bare.error);
  CHECK(bare.error->message.find("needs a unit") != std::string::npos);
  auto lower = parse_quantity("512kb", Kind::size, Spacing::tight);
  REQUIRE(lower.error);
  CHECK(lower.error->hint == "did you mean 'KB'?");
  CHECK(parse_quantity("-5s", Kind::duration, Spacing::tight).error);
  CHECK(parse_quantity("1_000", Kind::count, Spacing::tight).error);
  CHECK(parse_quantity("30 s", Kind::duration, Spacing::tight).error);
  CHECK(parse_quantity(".inf", Kind::duration, Spacing::tight).error);
}

TEST_CASE("quantity: formatting picks the largest unit that divides evenly", "[util]") {
  CHECK(format_quantity(900, Kind::duration) == "15m");
  CHECK(format_quantity(7200, Kind::duration) == "2h");
  CHECK(format_quantity(0.15, Kind::duration) == "150ms");
  CHECK(format_quantity(10240.0 * 1024 * 1024, Kind::size) == "10GiB");
  CHECK(format_quantity(250.0 * 1024 * 1024, Kind::size) == "250MiB");
  CHECK(format_quantity(50e6, Kind::size) == "50MB");
  CHECK(format_quantity(2e6, Kind::count) == "2M");
}

TEST_CASE("suggest: proposes the nearest key and nothing for unrelated words", "[util]") {
  const std::vector<std::string_view> keys = {"cpu", "memory", "ephemeral_storage", "gpu", "architecture"};
  CHECK(did_you_mean("memroy", keys) == "memory");
  CHECK(did_you_mean("Memory", keys) == "memory");
  CHECK(did_you_mean("gpus", keys) == "gpu");
  CHECK_FALSE(did_you_mean("banana", keys));
}

TEST_CASE("text: control characters are escaped visibly", "[util]") {
  CHECK(escape_control("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(escape_control("bell\a") == "bell\\x07");
  CHECK(escape_control("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(escape_control("bad\xff") == "bad\\xff");
  // Line and paragraph separators break a line for YAML (and some terminals).
  CHECK(escape_control("a\xe2\x80\xa8"
                       "b\xe2\x80\xa9"
                       "c") == "a\\u2028b\\u2029c");
  CHECK(is_valid_utf8("caf\xc3\xa9"));
  CHECK_FALSE(is_valid_utf8("\xc3"));
}

TEST_CASE("text: numbers print shortest and money to two decimals", "[util]") {
  CHECK(format_number(0.25) == "0.25");
  CHECK(format_number(2) == "2");
  CHECK(format_number(0.0000002) == "0.0000002");
  CHECK(format_fixed2(7) == "7.00");
  CHECK(format_fixed2(27.074) == "27.07");
}

TEST_CASE("diagnostic: compiler-style with the source line and a caret", "[util]") {
  auto d = make_error("unknown-key", "unknown key 'memroy' in resources", {"s.yaml", 2, 3},
                      "resources:\n  memroy: 1GiB\n", 6);
  d.hint = "did you mean 'memory'?";
  CHECK(format_diagnostic(d) ==
        "s.yaml:2:3: error: unknown key 'memroy' in resources; did you mean 'memory'?\n"
        "    2 |   memroy: 1GiB\n"
        "      |   ^~~~~~\n");
}

TEST_CASE("value: display uses units as a user writes them", "[util]") {
  CHECK(display(Value::of_quantity(Kind::duration, 7200)) == "2h");
  CHECK(display(Value::of_list({Value::of_string("s3"), Value::of_string("sqs")}, Kind::string)) == "s3, sqs");
  CHECK(display(Value::of_bool(true)) == "true");
}

TEST_CASE("utf-8: decode gives the code point and its length, and length 0 for anything invalid", "[util]") {
  CHECK(decode_utf8("a", 0).code == U'a');
  CHECK(decode_utf8("a", 0).length == 1);
  CHECK(decode_utf8("x\xc3\xa9", 1).code == U'\u00e9');
  CHECK(decode_utf8("x\xc3\xa9", 1).length == 2);
  CHECK(decode_utf8("\xf0\x9f\x9a\x80", 0).code == U'\U0001F680');
  CHECK(decode_utf8("\xf0\x9f\x9a\x80", 0).length == 4);
  CHECK(decode_utf8("\xc3", 0).length == 0);              // truncated
  CHECK(decode_utf8("\xc0\xaf", 0).length == 0);          // overlong
  CHECK(decode_utf8("\xed\xa0\x80", 0).length == 0);      // a surrogate
  CHECK(decode_utf8("\xf4\x90\x80\x80", 0).length == 0);  // past U+10FFFF
  CHECK(decode_utf8("\xe2\x28\xa1", 0).length == 0);      // a bad continuation byte
  CHECK(decode_utf8("\xff", 0).length == 0);
}

TEST_CASE("text: display width counts terminal columns, not bytes", "[util]") {
  CHECK(caas::util::display_width("abc") == 3);
  CHECK(caas::util::display_width("é") == 1);          // two bytes, one column
  CHECK(caas::util::display_width("e\xCC\x81") == 1);  // e and a combining acute accent
  CHECK(caas::util::display_width("\xEF\xBB\xBF"
                                  "a") == 1);     // a byte-order mark shows nothing
  CHECK(caas::util::display_width("中文") == 4);  // wide characters take two columns each
  CHECK(caas::util::display_width("\xFF") == 1);  // an invalid byte counts as one
}

TEST_CASE("diagnostic: the caret stands under its column after wide or multi-byte characters", "[util]") {
  auto caret_line = [](const std::string& line, int column) {
    const auto d = make_error("bad-value", "m", {"f.yaml", 1, column}, line);
    const auto text = format_diagnostic(d);
    return text.substr(text.rfind(" | ") + 3);
  };
  CHECK(caret_line("a: é x", 7) == "     ^\n");     // é is two bytes, one column
  CHECK(caret_line("a: 中 x", 8) == "      ^\n");   // 中 is three bytes, two columns
  CHECK(caret_line("\xEF\xBB\xBF@x", 4) == "^\n");  // nothing shows for a byte-order mark
  CHECK(caret_line("\tx: y", 5) == "       ^\n");   // a tab shows escaped, as \x09, and the caret follows it
}

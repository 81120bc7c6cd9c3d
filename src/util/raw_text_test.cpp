#include "caas/util/raw_text.hpp"

#include <catch2/catch.hpp>

using namespace caas::util;

TEST_CASE("raw text: plain YAML within the limits passes", "[util][hardening]") {
  CHECK_FALSE(check_raw_text("name: a\nkind: job\nlist: [[1], {a: [2]}]\n", "w.yaml", {}));
  CHECK_FALSE(check_raw_text("", "empty.yaml", {}));
}

TEST_CASE("raw text: a file over the byte limit is refused before anything else, naming the option",
          "[util][hardening]") {
  InputLimits limits;
  limits.max_bytes = 1024;
  const auto problem = check_raw_text(std::string(1025, '\xff'), "big.yaml", limits);
  REQUIRE(problem);
  CHECK(problem->code == "too-large");
  CHECK(problem->message == "the file is 1025 bytes, larger than the limit of 1KiB (--max-file-size)");
  CHECK(problem->where.file == "big.yaml");
  CHECK(problem->where.line == 0);
  limits.size_option.clear();
  CHECK(check_raw_text(std::string(2048, 'a'), "rules.yaml", limits)->message ==
        "the file is 2048 bytes, larger than the limit of 1KiB");
}

TEST_CASE("raw text: invalid UTF-8 is located at its first bad byte", "[util][hardening]") {
  const auto problem = check_raw_text("a: 1\nb: x\xc3(\n", "w.yaml", {});
  REQUIRE(problem);
  CHECK(problem->code == "not-utf8");
  CHECK(problem->where.line == 2);
  CHECK(problem->where.column == 5);
  CHECK(check_raw_text("a: \xed\xa0\x80\n", "w.yaml", {})->code == "not-utf8");  // a UTF-16 surrogate
  CHECK(check_raw_text("a: \xc0\xaf\n", "w.yaml", {})->code == "not-utf8");      // an overlong form
  CHECK_FALSE(check_raw_text("a: caf\xc3\xa9 \xf0\x9f\x9a\x80\n", "w.yaml", {}));
}

TEST_CASE("raw text: flow nesting deeper than the limit is located at the bracket that goes too deep",
          "[util][hardening]") {
  InputLimits limits;
  limits.max_depth = 3;
  CHECK_FALSE(check_raw_text("a: [[[1]]]\n", "w.yaml", limits));
  const auto problem = check_raw_text("a: 1\nb: [[{c: [1]}]]\n", "w.yaml", limits);
  REQUIRE(problem);
  CHECK(problem->code == "too-deep");
  CHECK(problem->message == "maps and lists are nested more than 3 levels deep");
  CHECK(problem->where.line == 2);
  CHECK(problem->where.column == 10);
  // Brackets in quoted scalars, in comments and inside plain words are not nesting.
  CHECK_FALSE(check_raw_text("a: \"[[[[\"\nb: '{{{{'  # [[[[[\nc: x[[[[\n", "w.yaml", limits));
  CHECK_FALSE(check_raw_text("a: 'it''s [[[[' \n", "w.yaml", limits));
  CHECK(check_raw_text(std::string(100000, '['), "w.yaml", {})->where.column == 65);
}

TEST_CASE("diagnostic: a very long source line is not kept under the error", "[util][hardening]") {
  const std::string long_line(600, 'x');
  CHECK(make_error("yaml-syntax", "m", {"f", 1, 1}, long_line).source_line.empty());
  CHECK(make_error("yaml-syntax", "m", {"f", 1, 1}, "short: line").source_line == "short: line");
}

TEST_CASE("raw text: a NUL byte is refused where it is", "[util][hardening]") {
  using namespace std::string_literals;
  const auto problem = check_raw_text("a: 1\nname: a\0b\n"s, "w.yaml", {});
  REQUIRE(problem);
  CHECK(problem->code == "nul-byte");
  CHECK(problem->where.line == 2);
  CHECK(problem->where.column == 8);
  // UTF-16 without a byte-order mark is valid UTF-8 byte by byte, but not YAML text for the advisor.
  CHECK(check_raw_text("a\0:\0 \0001\0"s, "w.yaml", {})->code == "nul-byte");
}

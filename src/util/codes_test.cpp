#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "caas/util/codes.hpp"
#include "caas/util/diagnostic.hpp"
#include "caas/util/messages.hpp"

using namespace caas::util;

// A code is checked when the program is compiled: these lines would not compile with an id missing from k_codes.
static_assert(Code("unknown-key").id() == "unknown-key");
static_assert(Code("check-no-runs-on").severity() == Severity::info);
static_assert(Code() == Code("internal-error"));
static_assert(registered("yaml-syntax") == "yaml-syntax");

TEST_CASE("codes: every registered code is unique, kebab-case, and says what it is and what to do", "[util][codes]") {
  std::set<std::string_view> ids;
  for (const auto& row : k_codes) {
    INFO(row.id);
    CHECK(ids.insert(row.id).second);
    CHECK(!row.id.empty());
    CHECK(row.id.front() != '-');
    CHECK(row.id.back() != '-');
    for (const char c : row.id) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'));
    CHECK(!row.summary.empty());
    CHECK(row.summary.find('\n') == std::string_view::npos);
    CHECK(row.summary.back() != '.');
    CHECK(!row.detail.empty());
    CHECK(!row.help.empty());
    CHECK(row.doc.rfind("docs/", 0) == 0);
    CHECK(find_code(row.id) == &row);
  }
  CHECK(find_code("no-such-code") == nullptr);
}

TEST_CASE("codes: a diagnostic made from a code carries it, and compares by id", "[util][codes]") {
  const auto d = make_error("duplicate-key", "duplicate key 'a' (first written at line 1)", {"f.yaml", 2, 1});
  CHECK(d.code == "duplicate-key");
  CHECK(d.code == Code("duplicate-key"));
  CHECK_FALSE(d.code == "unknown-key");
  CHECK(d.code.info().summary == "Duplicate key");
  CHECK(Diagnostic{}.code == "internal-error");
}

TEST_CASE("messages: one mistake has one code and one wording, whatever the file", "[util][codes]") {
  const auto unknown = unknown_key("memroy", "resources", {"cpu", "memory"});
  CHECK(unknown.code == "unknown-key");
  CHECK(unknown.message == "unknown key 'memroy' in 'resources'; expected cpu or memory");
  CHECK(unknown.hint == "did you mean 'memory'?");
  CHECK(unknown_key("k", "", {"a", "b"}, "an x- extension").message ==
        "unknown key 'k'; expected a or b or an x- extension");
  CHECK(duplicate_key("a", 3).message == "duplicate key 'a' (first written at line 3)");
  CHECK(missing_field("the workload", "kind").message == "the workload has no 'kind'");
  CHECK(wrong_type("resources", "a map of cpu", Shape::list).message == "'resources' must be a map of cpu, not a list");
  CHECK(not_one_of("kind", {"service", "job"}, "jbo").hint == "did you mean 'job'?");
  CHECK(not_boolean("b", "yes", false).code == "bad-boolean");
  CHECK(not_boolean("b", "true", true).code == "bad-type");
  CHECK(not_boolean("b", "maybe", false).code == "bad-type");
}

TEST_CASE("messages: numbers are read one way: plain decimals only", "[util][codes]") {
  CHECK(read_number("26").value == 26);
  CHECK(read_number("0.25").value == 0.25);
  CHECK(read_number("1e3").value == 1000);
  CHECK(read_number("+4").value == 4);
  CHECK(read_number("0x1A").error == NumberError::not_a_number);
  CHECK(read_number("0o17").error == NumberError::not_a_number);
  CHECK(read_number("1:30").error == NumberError::not_a_number);
  CHECK(read_number(" 5").error == NumberError::not_a_number);
  CHECK(read_number("1_000").error == NumberError::separators);
  CHECK(read_number(".inf").error == NumberError::not_finite);
  CHECK(read_number("-.nan").error == NumberError::not_finite);
  CHECK(read_number("-3").error == NumberError::negative);
  const auto hex = read_number_field("weight", "a number", "0x1A");
  CHECK_FALSE(hex.value);
  REQUIRE(hex.problem);
  CHECK(hex.problem->code == "bad-value");
  CHECK(hex.problem->message == "'weight' must be a number, not '0x1A'");
  CHECK(read_number_field("weight", "a number", "-1").problem->code == "negative");
}

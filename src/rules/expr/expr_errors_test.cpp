// Load-time errors of the condition language: code, message, column in the rule file, span and hint.
#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

namespace caas::rules::expr {

namespace {

// The condition sits after "    when: " on line 3 of a rule file, so offset 0 is column 11.
constexpr int k_when_column = 11;

struct Located {
  std::string file_text;
  util::Diagnostic diagnostic;
};

Located located_error(const std::string& condition) {
  Located out;
  out.file_text = "rules:\n  - id: r\n    when: " + condition + "\n    effect: note\n";
  out.diagnostic = compile_error(condition, Origin{"rules.yaml", 3, k_when_column, out.file_text});
  return out;
}

struct ErrorCase {
  std::string condition;
  std::string code;
  int offset;  // 0-based, in the condition
  int span;
  std::string hint;
  std::string message;  // a part of the message
};

void check_errors(const std::vector<ErrorCase>& cases) {
  for (const auto& c : cases) {
    const auto [file_text, d] = located_error(c.condition);
    INFO(c.condition << "\n" << util::format_diagnostic(d));
    CHECK(d.code == c.code);
    CHECK(d.where.file == "rules.yaml");
    CHECK(d.where.line == 3);
    CHECK(d.where.column == k_when_column + c.offset);
    CHECK(d.span == c.span);
    CHECK(d.hint == c.hint);
    CHECK_THAT(d.message, Catch::Contains(c.message));
    CHECK(d.source_line == "    when: " + c.condition);
  }
}

}  // namespace

TEST_CASE("expr lexer: reports bad numbers, units, strings and operators at their column", "[expr]") {
  check_errors({
      {"15 m < execution.duration.max", "expr-unit", 3, 1, "write '15m'", "no space is allowed"},
      {"resources.cpu > 2 cores", "expr-syntax", 18, 5, "", "a number cannot be followed by a name"},
      {"resources.memory > 10mb", "expr-unit", 21, 2, "did you mean 'MB'?", "unknown unit 'mb'"},
      {"resources.memory > 10MiBs", "expr-unit", 21, 4, "did you mean 'MiB'?", "unknown unit 'MiBs'"},
      {"1.x < 2", "expr-syntax", 1, 1, "", "expected a digit after the decimal point"},
      {"1_000 < 2", "expr-syntax", 1, 1, "", "digit separators"},
      {"kind == \"job", "expr-syntax", 8, 4, "", "unterminated string"},
      {"kind == \"j\\ob\"", "expr-syntax", 10, 2, "", "unknown escape"},
      {"kind = \"job\"", "expr-syntax", 5, 1, "did you mean '=='?", "'=' is not an operator"},
      {"kind == \"job\" && true", "expr-syntax", 14, 2, "did you mean 'and'?", "'&&' is not an operator"},
      {"kind == \"job\" || true", "expr-syntax", 14, 2, "did you mean 'or'?", "'||' is not an operator"},
      {"traffic.Pattern == \"steady\"", "expr-syntax", 8, 1, "", "lower case"},
      {"x.in == 1", "expr-syntax", 2, 2, "", "'in' is a keyword"},
      {"kind == $", "expr-syntax", 8, 1, "", "unexpected character '$'"},
      {"traffic. == 1", "expr-syntax", 7, 1, "", "expected a name after '.'"},
  });
}

TEST_CASE("expr parser: reports the column of an unexpected token", "[expr]") {
  check_errors({
      {"kind == == \"job\"", "expr-syntax", 8, 2, "", "expected a value, found '=='"},
      {"(kind == \"job\"", "expr-syntax", 14, 1, "", "expected ')' to close the '('"},
      {"kind == \"job\" foo", "expr-syntax", 14, 3, "", "expected an operator or the end of the condition"},
      {"kind == \"job\" or", "expr-syntax", 16, 1, "", "the condition ends early"},
      {"1 < 2 < 3", "expr-syntax", 6, 1, "join two comparisons with 'and'", "comparisons do not chain"},
      {"kind not in [\"job\"]", "expr-syntax", 5, 3, "write 'not (x in [...])'", "'not in' is not an operator"},
      {"kind in [\"job\" \"worker\"]", "expr-syntax", 15, 8, "", "expected ',' or ']'"},
  });
  CHECK(compile_error("").message == "the condition ends early: expected a value");
}

TEST_CASE("expr type check: reports unknown paths with did-you-mean", "[expr]") {
  check_errors({
      {"execution.duraton.max > 15m", "expr-unknown-path", 0, 21, "did you mean 'execution.duration.max'?",
       "unknown path 'execution.duraton.max'"},
      {"execution.duration > 15m", "expr-unknown-path", 0, 18, "did you mean 'execution.duration.max'?",
       "unknown path"},
      {"kind == \"job\" and nonsense.path > 1", "expr-unknown-path", 18, 13, "", "unknown path 'nonsense.path'"},
  });
}

TEST_CASE("expr type check: refuses mismatched kinds and bare numbers against quantities", "[expr]") {
  check_errors({
      {"execution.duration.max > 10GiB", "expr-type", 25, 5, "",
       "cannot compare 'execution.duration.max' (a duration) with '10GiB' (a size)"},
      {"execution.duration.max > resources.memory", "expr-type", 25, 16, "", "cannot compare"},
      {"resources.memory > 512", "expr-missing-unit", 19, 3, "give a unit, as in 512MiB or 10GiB",
       "cannot compare a size with a bare number"},
      {"900 < execution.duration.max", "expr-missing-unit", 0, 3, "give a unit, as in 15m or 30s", "bare number"},
      {"resources.cpu > 4s", "expr-type", 16, 2, "", "cannot compare"},
      {"kind > \"job\"", "expr-type", 0, 4, "", "'>' needs numbers or quantities"},
      {"kind == 1", "expr-type", 8, 1, "", "cannot compare 'kind' (a string) with '1' (a number)"},
      {"runtime.custom_environment == \"yes\"", "expr-type", 30, 5, "", "cannot compare"},
      {"triggers == [\"s3\"]", "expr-type", 0, 8, "use any() or all() to test a list", "compares single values"},
      {"execution.duration.max in [15m, 10GiB]", "expr-type", 32, 5, "", "a list holds values of one kind"},
      {"execution.duration.max in [15m, 60]", "expr-missing-unit", 32, 2, "give a unit, as in 15m or 30s",
       "a list holds values of one kind"},
      {"kind in \"job\"", "expr-type", 8, 5, "write a list, as in [\"a\", \"b\"]", "'in' needs a list"},
      {"not resources.memory", "expr-type", 4, 16, "", "'not' needs true or false"},
      {"resources.memory", "expr-type", 0, 16, "compare it, as in execution.duration.max > 15m",
       "a condition must be true or false, but this is a size"},
      {"1 + 2", "expr-type", 0, 5, "compare it, as in execution.duration.max > 15m", "this is a number"},
  });
}

TEST_CASE("expr type check: arithmetic takes same kinds, scaling and ratios only", "[expr]") {
  check_errors({
      {"execution.duration.max + 1GiB > 1h", "expr-type", 23, 1, "", "'+' needs two values of the same kind"},
      {"resources.memory * resources.memory > 1GiB", "expr-type", 17, 1, "", "'*' needs a quantity and a number"},
      {"execution.duration.max * resources.memory > 1h", "expr-type", 23, 1, "", "or a count and a duration or size"},
      {"2 / resources.memory > 1", "expr-type", 2, 1, "", "'/' needs a quantity divided by a number"},
      {"execution.duration.max + 5 > 1h", "expr-missing-unit", 25, 1, "give a unit, as in 15m or 30s", "bare number"},
      {"kind + 1 > 2", "expr-type", 0, 4, "", "'+' needs numbers or quantities"},
      {"resources.cpu + 5m > 1h", "expr-type", 14, 1, "",
       "'+' needs two values of the same kind, found 'resources.cpu' (a number) and '5m' (a duration)"},
  });
  for (const auto* ok : {"resources.memory / 2 > 1GiB", "resources.memory / 512MiB > 2", "2 * resources.memory > 1GiB",
                         "traffic.requests_per_month * 2 > 1M", "traffic.requests_per_month - 1000 > 1k",
                         "traffic.requests_per_month * execution.duration.max >= 730h",
                         "resources.memory * traffic.requests_per_month > 1TB"}) {
    INFO(ok);
    CHECK(compile(ok, fake_schema(), Origin{}).has_value());
  }
}

TEST_CASE("expr type check: a count compares with bare numbers, a number field takes them", "[expr]") {
  for (const auto* ok :
       {"traffic.requests_per_month > 1000", "traffic.requests_per_month > 3M", "1000 < traffic.requests_per_month",
        "traffic.requests_per_month in [1000, 2k]", "resources.cpu > 4", "resources.cpu <= 0.25"}) {
    INFO(ok);
    CHECK(compile(ok, fake_schema(), Origin{}).has_value());
  }
}

TEST_CASE("expr type check: reports enum values a field does not have, with did-you-mean", "[expr]") {
  check_errors({
      {"traffic.pattern == \"stedy\"", "expr-unknown-value", 19, 7, "did you mean 'steady'?",
       "'stedy' is not a value of traffic.pattern; expected steady, diurnal, spiky"},
      {"\"stedy\" != traffic.pattern", "expr-unknown-value", 0, 7, "did you mean 'steady'?", "'stedy'"},
      {"traffic.pattern in [\"steady\", \"spikey\"]", "expr-unknown-value", 30, 8, "did you mean 'spiky'?",
       "'spikey' is not a value of traffic.pattern"},
      {"any(triggers, [\"s3\", \"snss\"])", "expr-unknown-value", 21, 6, "did you mean 'sns'?",
       "is not a value of triggers"},
      {"all([\"htp\"], triggers)", "expr-unknown-value", 5, 5, "did you mean 'http'?", "'htp'"},
      {"\"s4\" in triggers", "expr-unknown-value", 0, 4, "did you mean 's3'?", "'s4'"},
      {"kind == \"banana\"", "expr-unknown-value", 8, 8, "", "'banana' is not a value of kind"},
  });
  CHECK(compile("region == \"eu-west-1\"", fake_schema(), Origin{}).has_value());  // free text takes any string
  CHECK(compile("x.tier == \"gold\"", fake_schema(), Origin{}).has_value());
}

TEST_CASE("expr type check: reports unknown functions and wrong arguments", "[expr]") {
  check_errors({
      {"anyy(triggers, [\"s3\"])", "expr-call", 0, 4, "did you mean 'any'?", "unknown function 'anyy'"},
      {"any(triggers)", "expr-call", 0, 3, "as in any(triggers, [\"s3\"])", "any() takes two lists, found 1 argument"},
      {"all()", "expr-call", 0, 3, "as in any(triggers, [\"s3\"])", "all() takes two lists, found 0 arguments"},
      {"known(kind, triggers)", "expr-call", 0, 5, "as in known(execution.startup)", "known() takes one path"},
      {"known(\"kind\")", "expr-call", 6, 6, "", "known() takes a path"},
      {"any(kind, [\"job\"])", "expr-type", 4, 4, "as in any(triggers, [\"s3\", \"sqs\"])", "any() takes two lists"},
  });
}

TEST_CASE("expr errors: a multi-line condition reports later lines from their own start", "[expr]") {
  const std::string condition = "kind == \"job\"\n  and nonsense > 1";
  const std::string file_text = "when: " + condition + "\n";
  const auto d = compile_error(condition, Origin{"r.yaml", 5, 7, file_text});
  CHECK(d.where.line == 6);
  CHECK(d.where.column == 7);
  CHECK(d.span == 8);
}

TEST_CASE("expr errors: a condition without its file shows its own text under the error", "[expr]") {
  const auto d = compile_error("kind == \"stedy\"");
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 9);
  CHECK(d.source_line == "kind == \"stedy\"");
}

}  // namespace caas::rules::expr

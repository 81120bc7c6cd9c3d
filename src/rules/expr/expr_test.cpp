// The condition language: lexing, precedence, evaluation with three-valued logic, fields read, limits.
// Load-time errors are in expr_errors_test.cpp; the fake schema and environment in expr_test_support.hpp.
#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

namespace caas::rules::expr {

using util::Kind;
using util::Value;

TEST_CASE("expr lexer: takes the longest match for quantities", "[expr]") {
  FakeEnvironment env;
  env.fields[k_duration_max] = Value::of_quantity(Kind::duration, 900);
  env.fields[k_memory] = Value::of_quantity(Kind::size, 10.0 * 1024 * 1024);
  env.fields[k_requests] = Value::of_quantity(Kind::count, 3e6);
  CHECK(run("execution.duration.max == 15m", env) == "true");  // m is minutes, not a name
  CHECK(run("execution.duration.max == 15min", env) == "true");
  CHECK(run("resources.memory == 10MiB", env) == "true");  // never 10M followed by iB
  CHECK(run("resources.memory == 10Mi", env) == "true");
  CHECK(run("traffic.requests_per_month == 3M", env) == "true");
  CHECK(run("traffic.requests_per_month == 3000k", env) == "true");
  CHECK(run("resources.memory > 2B", env) == "true");  // B is bytes in conditions
  CHECK(run("1.5h == 90m", env) == "true");
  CHECK(run("1e3 == 1000", env) == "true");
  CHECK(run("2.5E-1 == 0.25", env) == "true");
  CHECK(run("150ms < 1s", env) == "true");
}

TEST_CASE("expr lexer: compares quantities exactly across units", "[expr]") {
  FakeEnvironment env;
  CHECK(run("1GiB > 1GB", env) == "true");
  CHECK(run("15m == 900s", env) == "true");
  CHECK(run("10240MiB == 10GiB", env) == "true");
  CHECK(run("1000ms == 1s", env) == "true");
  CHECK(run("1d == 24h", env) == "true");
  CHECK(run("1Ki == 1KiB", env) == "true");
  CHECK(run("1TB == 1000GB", env) == "true");
  CHECK(run("1TiB == 1024GiB", env) == "true");
  CHECK(run("1GB == 1GiB", env) == "false");
  CHECK(run("1k == 1000", env) == "true");
}

TEST_CASE("expr lexer: reads strings with escaped quotes and backslashes", "[expr]") {
  FakeEnvironment env;
  env.fields[k_region] = Value::of_string("a\"b\\c");
  CHECK(run(R"(region == "a\"b\\c")", env) == "true");
  CHECK(run(R"(region == "a\"b\\")", env) == "false");
  CHECK(run(R"(region == "")", env) == "false");
}

TEST_CASE("expr evaluator: applies every comparison operator", "[expr]") {
  FakeEnvironment env;
  env.fields[k_duration_max] = Value::of_quantity(Kind::duration, 600);  // 10m
  env.fields[k_cpu] = Value::of_number(2);
  env.fields[k_kind] = Value::of_string("job");
  env.fields[k_custom] = Value::of_bool(true);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"execution.duration.max == 10m", "true"},
      {"execution.duration.max == 11m", "false"},
      {"execution.duration.max != 11m", "true"},
      {"execution.duration.max != 10m", "false"},
      {"execution.duration.max < 11m", "true"},
      {"execution.duration.max < 10m", "false"},
      {"execution.duration.max <= 10m", "true"},
      {"execution.duration.max <= 9m", "false"},
      {"execution.duration.max > 9m", "true"},
      {"execution.duration.max > 10m", "false"},
      {"execution.duration.max >= 10m", "true"},
      {"execution.duration.max >= 11m", "false"},
      {"resources.cpu > 1.5", "true"},
      {"resources.cpu < 1.5", "false"},
      {"kind == \"job\"", "true"},
      {"kind != \"job\"", "false"},
      {"runtime.custom_environment == true", "true"},
      {"runtime.custom_environment != true", "false"},
      {"runtime.custom_environment", "true"},
      {"kind in [\"job\", \"function\"]", "true"},
      {"kind in [\"service\"]", "false"},
      {"execution.duration.max in [5m, 10m]", "true"},
      {"resources.cpu in [1, 4]", "false"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(run(text, env) == expected);
  }
}

TEST_CASE("expr evaluator: applies arithmetic with units and ratios", "[expr]") {
  FakeEnvironment env;
  env.fields[k_duration_max] = Value::of_quantity(Kind::duration, 600);
  env.fields[k_memory] = Value::of_quantity(Kind::size, 1024.0 * 1024 * 1024);  // 1GiB
  env.fields[k_requests] = Value::of_quantity(Kind::count, 2e6);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"execution.duration.max + 5m == 15m", "true"},
      {"execution.duration.max - 5m == 300s", "true"},
      {"execution.duration.max * 2 == 20m", "true"},
      {"2 * execution.duration.max == 20m", "true"},
      {"execution.duration.max / 2 == 5m", "true"},
      {"resources.memory / 512MiB == 2", "true"},              // a ratio is a number
      {"traffic.requests_per_month + 1000 == 2001k", "true"},  // a count meets a bare number
      {"traffic.requests_per_month / 1M == 2", "true"},
      {"traffic.requests_per_month * execution.duration.max == 20000000m", "true"},  // events × time of one
      {"execution.duration.max * traffic.requests_per_month >= 730h", "true"},
      {"traffic.requests_per_month * resources.memory == 2000000GiB", "true"},  // events × bytes of one
      {"1 + 2 * 3 == 7", "true"},
      {"(1 + 2) * 3 == 9", "true"},
      {"10 - 4 - 3 == 3", "true"},  // left to right
      {"8 / 4 / 2 == 1", "true"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(run(text, env) == expected);
  }
}

TEST_CASE("expr evaluator: gives unknown for a division by zero", "[expr]") {
  FakeEnvironment env;
  env.fields[k_cpu] = Value::of_number(2);
  env.fields[k_memory] = Value::of_quantity(Kind::size, 1024);
  CHECK(run("resources.cpu / 0 > 1", env) == "unknown");
  CHECK(run("resources.memory / (resources.cpu - resources.cpu) > 1GiB", env) == "unknown");
  CHECK(run("resources.memory / 0B > 1", env) == "unknown");
  CHECK(run("resources.cpu / 0 > 1 or true", env) == "true");
}

TEST_CASE("expr parser: binds not, and, or and comparisons by precedence", "[expr]") {
  FakeEnvironment env;
  CHECK(run("true or false and false", env) == "true");  // and binds tighter than or
  CHECK(run("(true or false) and false", env) == "false");
  CHECK(run("not false and false", env) == "false");  // not binds tighter than and
  CHECK(run("not (false and false)", env) == "true");
  CHECK(run("not 1 > 2", env) == "true");  // not applies to the comparison
  CHECK(run("1 + 1 == 2 and 2 * 2 == 4", env) == "true");
  CHECK(run("not not true", env) == "true");
}

TEST_CASE("expr evaluator: follows Kleene logic for and, or and not", "[expr]") {
  struct Row {
    const char* a;
    const char* b;
    const char* and_;
    const char* or_;
  };
  const std::vector<Row> rows = {
      {"true", "true", "true", "true"},
      {"true", "false", "false", "true"},
      {"true", "unknown", "unknown", "true"},
      {"false", "true", "false", "true"},
      {"false", "false", "false", "false"},
      {"false", "unknown", "false", "unknown"},
      {"unknown", "true", "unknown", "true"},
      {"unknown", "false", "false", "unknown"},
      {"unknown", "unknown", "unknown", "unknown"},
  };
  auto truth_value = [](std::string_view t) { return t == "unknown" ? Value::unknown() : Value::of_bool(t == "true"); };
  for (const auto& row : rows) {
    FakeEnvironment env;
    env.extensions["a"] = truth_value(row.a);
    env.extensions["b"] = truth_value(row.b);
    INFO(row.a << " , " << row.b);
    CHECK(run("x.a and x.b", env) == row.and_);
    CHECK(run("x.a or x.b", env) == row.or_);
    CHECK(run("x.a == true and x.b == true", env) == row.and_);
  }
  FakeEnvironment env;
  CHECK(run("not x.a", env) == "unknown");
  env.extensions["a"] = Value::of_bool(false);
  CHECK(run("not x.a", env) == "true");
}

TEST_CASE("expr evaluator: comparisons with an unknown field are unknown", "[expr]") {
  FakeEnvironment env;
  CHECK(run("execution.startup > 1s", env) == "unknown");
  CHECK(run("not (execution.startup > 1s)", env) == "unknown");
  CHECK(run("execution.startup + 1s > 1s", env) == "unknown");
  CHECK(run("kind in [\"job\"]", env) == "unknown");
  CHECK(run("kind == \"job\" or kind != \"job\"", env) == "unknown");
}

TEST_CASE("expr evaluator: known() tells presence and is never unknown", "[expr]") {
  FakeEnvironment env;
  CHECK(run("known(execution.startup)", env) == "false");
  CHECK(run("not known(execution.startup)", env) == "true");
  CHECK(run("known(x.pci)", env) == "false");
  env.fields[k_startup] = Value::of_quantity(Kind::duration, 2);
  env.extensions["pci"] = Value::of_bool(false);
  CHECK(run("known(execution.startup)", env) == "true");
  CHECK(run("known(x.pci)", env) == "true");
  CHECK(must_compile("known(execution.startup)").evaluate(env).fields_read ==
        std::vector<std::string_view>{"execution.startup"});
}

TEST_CASE("expr evaluator: any() and all() test lists against lists", "[expr]") {
  FakeEnvironment env;
  CHECK(run("any(triggers, [\"s3\"])", env) == "unknown");
  env.fields[k_triggers] = strings({"http", "s3"});
  CHECK(run("any(triggers, [\"s3\", \"sqs\"])", env) == "true");
  CHECK(run("any(triggers, [\"sqs\", \"sns\"])", env) == "false");
  CHECK(run("all(triggers, [\"http\", \"s3\", \"sqs\"])", env) == "true");
  CHECK(run("all(triggers, [\"http\"])", env) == "false");
  CHECK(run("any([\"s3\"], triggers)", env) == "true");
  CHECK(run("\"s3\" in triggers", env) == "true");
  CHECK(run("\"sqs\" in triggers", env) == "false");
  env.fields[k_triggers] = strings({});
  CHECK(run("any(triggers, [\"s3\"])", env) == "false");
  CHECK(run("all(triggers, [\"s3\"])", env) == "true");  // vacuously
  CHECK(run("any(triggers, [])", env) == "false");
}

TEST_CASE("expr evaluator: `in` with an unknown item is unknown unless another item matches", "[expr]") {
  FakeEnvironment env;
  env.fields[k_duration_max] = Value::of_quantity(Kind::duration, 60);
  CHECK(run("execution.duration.max in [execution.startup, 2m]", env) == "unknown");
  CHECK(run("execution.duration.max in [execution.startup, 1m]", env) == "true");
  env.fields[k_startup] = Value::of_quantity(Kind::duration, 1);
  CHECK(run("execution.duration.max in [execution.startup, 2m]", env) == "false");
}

TEST_CASE("expr evaluator: lists fields read in order of appearance, skipping short-circuited ones", "[expr]") {
  FakeEnvironment env;
  env.fields[k_kind] = Value::of_string("service");
  env.fields[k_duration_max] = Value::of_quantity(Kind::duration, 600);
  const auto both = must_compile("kind == \"job\" and execution.duration.max > 15m");
  CHECK(both.paths() == std::vector<std::string>{"kind", "execution.duration.max"});
  auto outcome = both.evaluate(env);
  CHECK(outcome.truth == Truth::false_);
  CHECK(outcome.fields_read == std::vector<std::string_view>{"kind"});
  env.fields[k_kind] = Value::of_string("job");
  outcome = both.evaluate(env);
  CHECK(outcome.fields_read == std::vector<std::string_view>{"kind", "execution.duration.max"});

  const auto repeated = must_compile("execution.duration.max > 1h or kind == \"job\" or execution.duration.max > 5m");
  CHECK(repeated.paths() == std::vector<std::string>{"execution.duration.max", "kind"});
  outcome = repeated.evaluate(env);
  CHECK(outcome.truth == Truth::true_);
  CHECK(outcome.fields_read == std::vector<std::string_view>{"execution.duration.max", "kind"});

  // Absent fields are still read: the caller keeps those the workload gives.
  const auto absent = must_compile("execution.startup > 1s or x.pci == true");
  CHECK(absent.evaluate(env).fields_read == std::vector<std::string_view>{"execution.startup", "x.pci"});
}

TEST_CASE("expr evaluator: an x.NAME value of the wrong kind is unknown, not an error", "[expr]") {
  FakeEnvironment env;
  const auto pci = must_compile("x.pci == true");
  CHECK(pci.evaluate(env).truth == Truth::unknown);
  env.extensions["pci"] = Value::of_bool(true);
  CHECK(pci.evaluate(env).truth == Truth::true_);
  env.extensions["pci"] = Value::of_string("yes");
  CHECK(pci.evaluate(env).truth == Truth::unknown);
  CHECK(run("x.pci", env) == "unknown");  // a string is not a condition
  CHECK(run("x.pci > 3", env) == "unknown");
  CHECK(run("x.pci + 1 > 3", env) == "unknown");
  CHECK(run("x.pci == \"yes\"", env) == "true");
  CHECK(run("x.pci in [\"yes\", \"no\"]", env) == "true");
  CHECK(run("x.pci in [1, 2]", env) == "unknown");
  env.extensions["tier"] = Value::of_number(3);
  CHECK(run("x.tier >= 3 and x.tier * 2 == 6", env) == "true");
  CHECK(pci.evaluate(env).fields_read == std::vector<std::string_view>{"x.pci"});
}

TEST_CASE("expr evaluator: evaluate_value returns the condition's value", "[expr]") {
  FakeEnvironment env;
  env.extensions["team"] = Value::of_string("payments");
  CHECK(evaluate_value(must_compile("x.team"), env) == Value::of_string("payments"));
  CHECK(evaluate_value(must_compile("1 < 2"), env) == Value::of_bool(true));
  CHECK(!evaluate_value(must_compile("x.other == 1"), env).is_known());
  CHECK(!evaluate_value(Expression(), env).is_known());
}

TEST_CASE("expr expression: copies evaluate like the original and an empty one is unknown", "[expr]") {
  FakeEnvironment env;
  env.fields[k_kind] = Value::of_string("job");
  Expression copy;
  CHECK(copy.evaluate(env).truth == Truth::unknown);
  {
    const auto original = must_compile("kind == \"job\" and known(kind)");
    copy = original;
  }
  CHECK(copy.text() == "kind == \"job\" and known(kind)");
  CHECK(copy.evaluate(env).truth == Truth::true_);
  Expression moved = std::move(copy);
  CHECK(moved.evaluate(env).truth == Truth::true_);
  Expression copied(moved);  // NOLINT(performance-unnecessary-copy-initialization): the copy is under test
  CHECK(copied.paths() == std::vector<std::string>{"kind"});
}

TEST_CASE("expr parser: nesting up to the limit works and beyond it is an error, not a crash", "[expr]") {
  FakeEnvironment env;
  std::string nots;
  for (int i = 0; i < 60; ++i) nots += "not ";
  CHECK(run(nots + "true", env) == "true");
  CHECK(compile_error(nots + nots + "true").code == "expr-limit");
  const std::string parens(2000, '(');
  CHECK(compile_error(parens + "true" + std::string(2000, ')')).code == "expr-limit");
  std::string sum = "1";
  for (int i = 0; i < 100; ++i) sum += " + 1";
  CHECK(compile_error(sum + " > 3").code == "expr-limit");
  std::string lists = "1 in ";
  for (int i = 0; i < 100; ++i) lists += "[";
  CHECK(compile_error(lists).code == "expr-limit");
  std::string chain = "true";  // a long and/or chain is flat, not deep
  for (int i = 0; i < 200; ++i) chain += " or false";
  CHECK(run(chain, env) == "true");
}

TEST_CASE("expr parser: refuses a condition longer than 4 KiB", "[expr]") {
  std::string text = "true";
  while (text.size() <= 4096) text += " or true";
  const auto error = compile_error(text);
  CHECK(error.code == "expr-limit");
  CHECK(error.message == "the condition is longer than 4096 characters");
}

}  // namespace caas::rules::expr

#include <catch2/catch.hpp>

#include <string>

#include "caas/config/project_config.hpp"

using caas::config::read_config;

namespace {

caas::util::Diagnostics errors_of(const std::string& text) {
  auto read = read_config(text, "cfg/.caas-advisor.yaml", "cfg");
  REQUIRE_FALSE(read.has_value());
  return read.error();
}

}  // namespace

TEST_CASE("config: every key is read, paths relative to the configuration's folder", "[config]") {
  const auto read = read_config(R"(rules: [policy.yaml, /abs/more.yaml]
disable: lambda-cold-start
pricing: prices/eu.yaml
region: eu-west-1
fail_on: warning
include: ['*.yaml']
exclude: [charts/*]
free_tier: true
baseline: ci/baseline.json
waivers:
  - workload: orders-*
    rule: check-runs-on-not-recommended
    reason: we run this on EC2 on purpose
    expires: 2027-06-30
workloads:
  resize-*:
    traffic:
      requests_per_month: 2000000
)",
                                "cfg/.caas-advisor.yaml", "cfg");
  REQUIRE(read.has_value());
  const auto& c = *read;
  REQUIRE(c.rules.size() == 2);
  CHECK(c.rules[0].value == "cfg/policy.yaml");
  CHECK(c.rules[0].line == 1);
  CHECK(c.rules[1].value == "/abs/more.yaml");
  REQUIRE(c.disable.size() == 1);
  CHECK(c.disable[0].value == "lambda-cold-start");
  CHECK(c.pricing->value == "cfg/prices/eu.yaml");
  CHECK(c.region->value == "eu-west-1");
  CHECK(c.fail_on->value == "warning");
  CHECK(c.include[0].value == "*.yaml");
  CHECK(c.exclude[0].value == "charts/*");
  CHECK(c.free_tier->value);
  CHECK(c.baseline->value == "cfg/ci/baseline.json");
  REQUIRE(c.waivers.size() == 1);
  CHECK(c.waivers[0].workload == "orders-*");
  CHECK(c.waivers[0].expires == "2027-06-30");
  CHECK(c.waivers[0].line == 11);
  REQUIRE(c.workloads.size() == 1);
  CHECK(c.workloads[0].workload == "resize-*");
  CHECK(c.workloads[0].values.number("traffic.requests_per_month") == 2000000.0);
  CHECK_FALSE(c.workloads[0].values.number("traffic.peak_rps").has_value());
}

TEST_CASE("config: an empty file is a configuration without settings", "[config]") {
  const auto read = read_config("# nothing yet\n", ".caas-advisor.yaml", ".");
  REQUIRE(read.has_value());
  CHECK(read->rules.empty());
  CHECK_FALSE(read->fail_on.has_value());
}

TEST_CASE("config: an unknown key is located, with did-you-mean", "[config]") {
  const auto errors = errors_of("fail_on: error\nfial_on: warning\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "unknown-key");
  CHECK(errors[0].where.file == "cfg/.caas-advisor.yaml");
  CHECK(errors[0].where.line == 2);
  CHECK(errors[0].hint.find("fail_on") != std::string::npos);
}

TEST_CASE("config: every mistake of a file is reported at once, in file order", "[config]") {
  const auto errors = errors_of(R"(fail_on: sometimes
free_tier: yes
rules: {a: b}
fail_on: error
waivers:
  - workload: x
    rule: check-no-runs-on
  - rule: y
    reason: z
    expires: 2027-02-29
workloads:
  a*:
    traffic: {requests_per_mont: 1}
)");
  const std::pair<const char*, int> expected[] = {{"bad-value", 1},     {"bad-boolean", 2},   {"bad-type", 3},
                                                  {"duplicate-key", 4}, {"missing-field", 6}, {"missing-field", 8},
                                                  {"bad-value", 10},    {"unknown-key", 13}};
  REQUIRE(errors.size() == std::size(expected));
  for (std::size_t i = 0; i < errors.size(); ++i) {
    INFO(i << " " << errors[i].message);
    CHECK(errors[i].code == expected[i].first);
    CHECK(errors[i].where.line == expected[i].second);
  }
}

TEST_CASE("config: workload values cannot name a workload, and the file is one map", "[config]") {
  CHECK(errors_of("workloads:\n  a:\n    name: b\n")[0].code == "unknown-key");
  CHECK(errors_of("- rules\n")[0].code == "not-a-mapping");
  CHECK(errors_of("a: 1\n---\nb: 2\n")[0].code == "multiple-documents");
  CHECK(errors_of("x: &a {y: 1}\n<<: *a\n")[0].code == "merge-key");
}

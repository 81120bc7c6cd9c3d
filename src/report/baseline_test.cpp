#include "caas/report/baseline.hpp"

#include <catch2/catch.hpp>

namespace caas::report {
namespace {

TEST_CASE("baseline: a JSON report gives its findings' keys, a finding's own file first", "[baseline]") {
  const auto keys = read_baseline(R"({"schema": "caas-advisor/report/v1", "tool": {"name": "caas-advisor"},
 "results": [
  {"workload": {"name": "orders", "file": "svc/orders.yaml"},
   "findings": [{"severity": "warning", "rule": "check-runs-on-not-recommended", "file": null, "line": 7},
                {"severity": "info", "rule": "lambda-cold-start", "file": "svc/orders.yaml"}]},
  {"workload": {"name": "resize", "file": "svc/serverless.yml#resize"},
   "findings": [{"severity": "info", "rule": "check-no-runs-on", "file": "svc/serverless.yml"}]}],
 "errors": [], "summary": {}})",
                                  "base.json", baseline_limits());
  REQUIRE(keys.has_value());
  REQUIRE(keys->size() == 3);
  CHECK((*keys)[0] == FindingKey{"svc/orders.yaml", "orders", "check-runs-on-not-recommended"});
  CHECK((*keys)[1] == FindingKey{"svc/orders.yaml", "orders", "lambda-cold-start"});
  CHECK((*keys)[2] == FindingKey{"svc/serverless.yml", "resize", "check-no-runs-on"});
}

TEST_CASE("baseline: a file that is not a caas-advisor report is refused, located", "[baseline]") {
  const auto error_of = [](std::string_view text) {
    auto keys = read_baseline(text, "base.json", baseline_limits());
    REQUIRE_FALSE(keys.has_value());
    return keys.error().front();
  };
  auto e = error_of("{\"version\": \"2.1.0\", \"runs\": []}");
  CHECK(e.code == "bad-baseline");
  CHECK(e.where.file == "base.json");
  CHECK(e.where.line == 1);
  e = error_of("{\"schema\": \"caas-advisor/cost/v1\"}");
  CHECK(e.message.find("'caas-advisor/cost/v1'") != std::string::npos);
  CHECK(e.where.column == 12);
  e = error_of("{\"schema\": \"caas-advisor/report/v1\",\n \"results\": [{\"workload\": {\"name\": \"a\"}}]}");
  CHECK(e.code == "bad-baseline");
  CHECK(e.where.line == 2);
  e = error_of("{\"schema\": \"caas-advisor/report/v1\", \"results\": [\n");
  CHECK(e.code == "yaml-syntax");
  CHECK(error_of("").code == "bad-baseline");
  CHECK(error_of("[1, 2]").code == "bad-baseline");
}

}  // namespace
}  // namespace caas::report

#include <catch2/catch.hpp>

#include "caas/diff/gates.hpp"

using namespace caas;

namespace {

diff::CostThreshold threshold(std::string_view text) {
  std::string error;
  auto parsed = diff::parse_cost_threshold(text, error);
  INFO(error);
  REQUIRE(parsed);
  return *parsed;
}

model::WorkloadChange flip(std::string name, std::string before, std::string after) {
  model::WorkloadChange change;
  change.name = std::move(name);
  change.recommended_before = std::move(before);
  change.recommended_after = std::move(after);
  return change;
}

diff::Gates target_gate() {
  diff::Gates gates;
  gates.target_change = true;
  return gates;
}

diff::Gates cost_gate(std::string_view text) {
  diff::Gates gates;
  gates.cost_increase = threshold(text);
  return gates;
}

diff::Gates findings_gate(util::Severity worst) {
  diff::Gates gates;
  gates.new_findings = worst;
  return gates;
}

}  // namespace

TEST_CASE("diff gates: cost thresholds read dollars or a percentage, and nothing else", "[diff]") {
  CHECK(threshold("50USD").amount == 50);
  CHECK(threshold("50USD").unit == diff::CostThreshold::Unit::usd);
  CHECK(threshold("$12.5").amount == 12.5);
  CHECK(threshold("10%").unit == diff::CostThreshold::Unit::percent);
  CHECK(threshold("10%").amount == 10);
  std::string error;
  for (const auto* bad : {"50", "fifty USD", "-5USD", "1e3USD", "10 %%", "USD", "%", "$"}) {
    INFO(bad);
    CHECK_FALSE(diff::parse_cost_threshold(bad, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("diff gates: a target change reaches --fail-on-target-change and names the workload", "[diff]") {
  model::PortfolioDiff result;
  result.changes.push_back(flip("orders-api", "lambda", "fargate"));
  diff::evaluate_gates(result, target_gate());
  REQUIRE(result.gates.size() == 1);
  CHECK(result.gates[0].reached);
  CHECK(result.gates[0].message == "1 workload changes target: orders-api (lambda → fargate)");
  CHECK(result.exit_code == 1);
  result.changes[0].recommended_after = "lambda";
  diff::evaluate_gates(result, target_gate());
  CHECK_FALSE(result.gates[0].reached);
  CHECK(result.exit_code == 0);
}

TEST_CASE("diff gates: a cost increase reaches the gate only above the amount", "[diff]") {
  model::PortfolioDiff result;
  result.cost.change = 50.0;
  diff::evaluate_gates(result, cost_gate("50USD"));
  CHECK_FALSE(result.gates[0].reached);  // more than the amount, not equal to it
  result.cost.change = 50.004;           // rounds to $50.00
  diff::evaluate_gates(result, cost_gate("50USD"));
  CHECK_FALSE(result.gates[0].reached);
  result.cost.change = 184.2;
  diff::evaluate_gates(result, cost_gate("50USD"));
  CHECK(result.gates[0].reached);
  CHECK(result.gates[0].message == "the monthly cost changes by +$184.20, more than $50.00");
  CHECK(result.exit_code == 1);
  result.cost.change = -500;
  diff::evaluate_gates(result, cost_gate("50USD"));
  CHECK_FALSE(result.gates[0].reached);
}

TEST_CASE("diff gates: a percentage is of the base's monthly total", "[diff]") {
  model::PortfolioDiff result;
  result.cost.base_total = 1000.0;
  result.cost.change = 100.0;
  diff::evaluate_gates(result, cost_gate("10%"));
  CHECK_FALSE(result.gates[0].reached);
  result.cost.change = 100.01;
  diff::evaluate_gates(result, cost_gate("10%"));
  CHECK(result.gates[0].reached);
  CHECK(result.gates[0].message ==
        "the monthly cost changes by +$100.01 on a base of $1,000.00 a month (+10.00%), more than 10%");
}

TEST_CASE("diff gates: an input that could not be evaluated is exit 2 whatever the gates say", "[diff]") {
  model::PortfolioDiff result;
  result.changes.push_back(flip("a", "ec2", "lambda"));
  result.errors.push_back({"base", {}});
  diff::evaluate_gates(result, target_gate());
  CHECK(result.gates[0].reached);
  CHECK(result.exit_code == 2);
}

TEST_CASE("diff gates: only new findings of the severity given reach --fail-on", "[diff]") {
  model::PortfolioDiff result;
  auto change = flip("api", "lambda", "lambda");
  change.new_findings.push_back({util::Severity::warning, "check-runs-on-not-recommended", "m", "a.yaml", 3, 1, {}});
  result.changes.push_back(change);
  diff::evaluate_gates(result, findings_gate(util::Severity::error));
  REQUIRE(result.gates.size() == 1);
  CHECK_FALSE(result.gates[0].reached);
  CHECK(result.gates[0].message == "the change introduces no finding of severity error");
  diff::evaluate_gates(result, findings_gate(util::Severity::warning));
  CHECK(result.gates[0].reached);
  CHECK(result.gates[0].message ==
        "the change introduces 1 finding of severity warning or worse: api: check-runs-on-not-recommended (warning)");
  CHECK(result.exit_code == 1);
}

TEST_CASE("diff gates: a waived new finding never reaches --fail-on", "[diff]") {
  model::PortfolioDiff result;
  auto change = flip("api", "lambda", "lambda");
  model::Finding waived{util::Severity::error, "check-runs-on-infeasible", "m", "a.yaml", 3, 1, {}};
  waived.status = model::FindingStatus::waived;
  change.new_findings.push_back(waived);
  result.changes.push_back(change);
  diff::evaluate_gates(result, findings_gate(util::Severity::info));
  CHECK_FALSE(result.gates[0].reached);
  result.changes[0].new_findings[0].status = model::FindingStatus::open;
  diff::evaluate_gates(result, findings_gate(util::Severity::info));
  CHECK(result.gates[0].reached);
}

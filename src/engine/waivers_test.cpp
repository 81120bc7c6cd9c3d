#include "caas/engine/waivers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "caas/tables/builtin_tables.hpp"

using namespace caas;

namespace {

model::Recommendation result(const std::string& name,
                             const std::vector<std::pair<util::Severity, std::string>>& findings) {
  model::Recommendation rec;
  rec.name = name;
  rec.file = name + ".yaml";
  int line = 1;
  for (auto& [severity, rule] : findings) {
    model::Finding f;
    f.severity = severity;
    f.rule = rule;
    f.file = rec.file;
    f.line = ++line;
    rec.findings.push_back(f);
  }
  return rec;
}

model::Waiver waiver(std::string workload, std::string rule, std::string expires = {}) {
  return {std::move(workload), std::move(rule), "because", std::move(expires), ".caas-advisor.yaml", 3, 5};
}

const model::Finding* find(const model::Recommendation& rec, const std::string& rule) {
  for (const auto& f : rec.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

constexpr auto k_warning = util::Severity::warning;
constexpr auto k_info = util::Severity::info;

}  // namespace

TEST_CASE("waivers: a waiver in force marks its finding waived, with the reason and where it is", "[waivers]") {
  auto rec = result("orders", {{k_warning, "check-runs-on-not-recommended"}, {k_info, "lambda-cold-start"}});
  std::vector<int> uses(1, 0);
  engine::apply_waivers(rec, {}, {waiver("ord*", "check-runs-on-not-recommended", "2099-12-31")}, "2026-12-03", uses);
  const auto* waived = find(rec, "check-runs-on-not-recommended");
  REQUIRE(waived);
  CHECK(waived->status == model::FindingStatus::waived);
  CHECK(waived->waiver_reason == "because");
  CHECK(waived->waiver_at == ".caas-advisor.yaml:3");
  CHECK_FALSE(model::counts_for_fail_on(*waived));
  CHECK(find(rec, "lambda-cold-start")->status == model::FindingStatus::open);
  CHECK(uses[0] == 1);
  CHECK(rec.findings.size() == 2);
}

TEST_CASE("waivers: the last day of a waiver still waives; the day after, it warns with the date", "[waivers]") {
  const auto with = [](const std::string& today) {
    auto rec = result("orders", {{k_warning, "check-runs-on-not-recommended"}});
    std::vector<int> uses(1, 0);
    engine::apply_waivers(rec, {}, {waiver("orders", "check-runs-on-not-recommended", "2026-12-03")}, today, uses);
    CHECK(uses[0] == 1);
    return rec;
  };
  CHECK(find(with("2026-12-03"), "check-runs-on-not-recommended")->status == model::FindingStatus::waived);
  const auto rec = with("2026-12-04");
  CHECK(find(rec, "check-runs-on-not-recommended")->status == model::FindingStatus::open);
  const auto* expired = find(rec, "waiver-expired");
  REQUIRE(expired);
  CHECK(expired->severity == util::Severity::warning);
  CHECK(expired->message.find("expired on 2026-12-03") != std::string::npos);
  CHECK(expired->file == ".caas-advisor.yaml");
  CHECK(expired->line == 3);
}

TEST_CASE("waivers: a workload's own waiver comes first, and one that matches nothing is stale", "[waivers]") {
  auto rec = result("orders", {{k_warning, "check-runs-on-not-recommended"}});
  model::Waiver own{"", "check-runs-on-not-recommended", "own reason", "", "orders.yaml", 9, 3};
  model::Waiver stale{"", "lambda-cold-start", "gone", "", "orders.yaml", 12, 3};
  std::vector<int> uses(1, 0);
  engine::apply_waivers(rec, {own, stale}, {}, "2026-12-03", uses);
  engine::apply_waivers(rec, {}, {waiver("*", "check-runs-on-not-recommended")}, "2026-12-03", uses);
  CHECK(find(rec, "check-runs-on-not-recommended")->waiver_reason == "own reason");
  CHECK(uses[0] == 0);  // the configuration's waiver waived nothing here
  const auto* warning = find(rec, "waiver-stale");
  REQUIRE(warning);
  CHECK(warning->line == 12);
  CHECK(engine::stale_waiver(waiver("x-*", "lambda-cold-start")).severity == util::Severity::warning);
}

TEST_CASE("waivers: the ids a waiver may name are rules and check codes; others get did-you-mean", "[waivers]") {
  const auto rules = *tables::builtin_rules();
  const auto ids = engine::finding_ids(rules);
  CHECK(std::binary_search(ids.begin(), ids.end(), "check-runs-on-not-recommended"));
  CHECK(std::binary_search(ids.begin(), ids.end(), "lambda-cold-start"));
  CHECK(std::binary_search(ids.begin(), ids.end(), "contradiction-job-requests"));
  CHECK_FALSE(std::binary_search(ids.begin(), ids.end(), "yaml-syntax"));
  const auto errors = engine::check_waiver_rules({waiver("*", "check-runs-on-not-recomended")}, ids);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "unknown-rule");
  CHECK(errors[0].hint == "did you mean 'check-runs-on-not-recommended'?");
  CHECK(errors[0].where.line == 3);
  CHECK(engine::check_waiver_rules({waiver("*", "lambda-cold-start")}, ids).empty());
}

TEST_CASE("waivers: a glob names workloads by shell pattern", "[waivers]") {
  CHECK(engine::waiver_names("orders-*", "orders-api"));
  CHECK(engine::waiver_names("orders-api", "orders-api"));
  CHECK_FALSE(engine::waiver_names("orders-*", "payments"));
  CHECK(engine::waiver_names("*-worker", "invoice-worker"));
}

TEST_CASE("disable: a check id drops its findings", "[waivers]") {
  auto rec = result("orders", {{k_warning, "check-runs-on-not-recommended"}, {k_info, "lambda-cold-start"}});
  engine::drop_findings(rec, {"check-runs-on-not-recommended"});
  REQUIRE(rec.findings.size() == 1);
  CHECK(rec.findings[0].rule == "lambda-cold-start");
}

TEST_CASE("waivers: a waiver is stale only where the run could have reported its finding", "[waivers]") {
  model::Waiver judged{"", "check-runs-on-not-recommended", "r", "", "w.yaml", 4, 3};
  model::Waiver note{"", "lambda-cold-start", "r", "", "w.yaml", 7, 3};
  std::vector<int> uses;
  auto recommend = result("w", {});
  engine::apply_waivers(recommend, {judged, note}, {}, "2026-12-03", uses, {true, false});
  REQUIRE(recommend.findings.size() == 1);  // recommend does not judge runs_on: only the rule's waiver is stale
  CHECK(recommend.findings[0].line == 7);
  auto validate = result("w", {});
  engine::apply_waivers(validate, {judged, note}, {}, "2026-12-03", uses, {false, false});
  CHECK(validate.findings.empty());
  CHECK(engine::can_report({false, false}, "contradiction-job-requests"));
}

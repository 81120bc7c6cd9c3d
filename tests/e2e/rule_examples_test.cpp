// One generic test runs every rule's own examples: each `match` fragment must fire the rule, each `no_match` not.
#include <catch2/catch.hpp>

#include "caas/parse/parse_workload.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/embedded_tables.hpp"

using namespace caas;

TEST_CASE("rule table: every built-in rule has examples, and they match as they say", "[rules][e2e]") {
  auto set = caas::tables::load_embedded_rules({true, nullptr});
  REQUIRE(set);
  REQUIRE_FALSE(set->rules.empty());
  for (const auto& rule : set->rules) {
    INFO("rule " << rule.info.id << " (" << rule.info.origin << ")");
    bool has_match = false;
    bool has_no_match = false;
    for (const auto& example : rule.examples) {
      INFO("example at line " << example.line << ":\n" << example.yaml);
      auto parsed = parse::parse_workload(example.yaml, "example.yaml");
      if (!parsed) FAIL_CHECK("example does not parse: " << parsed.error().front().message);
      if (!parsed) continue;
      const rules::ProfileEnvironment env(parsed->profile);
      const bool fired = rule.when.evaluate(env).truth == rules::expr::Truth::true_;
      CHECK(fired == example.should_match);
      (example.should_match ? has_match : has_no_match) = true;
    }
    CHECK(has_match);
    CHECK(has_no_match);
  }
}

TEST_CASE("rule table: every rule has a source, and seed rules cite the seed", "[rules]") {
  auto set = caas::tables::load_embedded_rules();
  REQUIRE(set);
  int seed_rules = 0;
  for (const auto& rule : set->rules) {
    INFO(rule.info.id);
    CHECK_FALSE(rule.info.source.empty());
    if (rule.info.source.rfind("seed:", 0) == 0 || rule.info.source.find("; seed:") != std::string::npos) ++seed_rules;
  }
  CHECK(seed_rules >= 13);
}

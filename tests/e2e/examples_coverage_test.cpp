// The examples together cover the rule table: every hard limit (exclude rule) and every seed criterion fires on at
// least one example, so each is shown end to end with a golden output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "caas/parse/parse_workload.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/embedded_tables.hpp"
#include "support/run_tool.hpp"

using namespace caas;
namespace fs = std::filesystem;

TEST_CASE("examples: every exclude rule and every seed criterion fires on some example", "[e2e][rules]") {
  auto set = caas::tables::load_embedded_rules();
  REQUIRE(set);
  std::set<std::string> fired;
  int examples = 0;
  for (const auto& entry : fs::directory_iterator(test::source_dir() + "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    ++examples;
    const auto text = test::read_text(entry.path().string());
    auto parsed = parse::parse_workload(text, entry.path().filename().string());
    REQUIRE(parsed);
    const rules::ProfileEnvironment env(parsed->profile);
    for (const auto& rule : set->rules)
      if (rule.when.evaluate(env).truth == rules::expr::Truth::true_) fired.insert(rule.info.id);
  }
  CHECK(examples >= 15);
  for (const auto& rule : set->rules) {
    const bool seed = rule.info.source.find("seed:") != std::string::npos;
    if (rule.info.effect != model::Effect::exclude && !seed) continue;
    INFO("rule " << rule.info.id << " fires on no example");
    CHECK(fired.count(rule.info.id) == 1);
  }
}

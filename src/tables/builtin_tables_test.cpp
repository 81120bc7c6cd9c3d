#include "caas/tables/builtin_tables.hpp"

#include <catch2/catch.hpp>

#include "caas/cost/price_table.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/embedded_tables.hpp"

using namespace caas;

// The generated data must be exactly what the loaders read from the YAML, the source of truth: every field of
// every target, rule and price (the structs compare all their fields).
TEST_CASE("the compiled-in rule table equals what the loader reads from rules/", "[tables]") {
  const auto from_yaml = tables::load_embedded_rules();
  const auto compiled = tables::builtin_rules();
  REQUIRE(from_yaml);
  REQUIRE(compiled);
  CHECK(compiled->revision == from_yaml->revision);
  CHECK(compiled->targets == from_yaml->targets);
  REQUIRE(compiled->rules.size() == from_yaml->rules.size());
  for (std::size_t i = 0; i < compiled->rules.size(); ++i) {
    const auto& a = compiled->rules[i];
    const auto& b = from_yaml->rules[i];
    INFO(b.info.origin);
    CHECK(a.info == b.info);
    CHECK(a.when.text() == b.when.text());
    CHECK(a.when.paths() == b.when.paths());
    CHECK(a.examples.empty());
  }
}

TEST_CASE("the compiled-in price table equals what the loader reads from rules/pricing/", "[tables]") {
  const auto from_yaml = tables::load_embedded_prices();
  REQUIRE(from_yaml);
  const auto compiled = tables::builtin_prices();
  CHECK(compiled == *from_yaml);
  // Non-trivial, so that two empty tables cannot pass.
  REQUIRE(compiled.find_region("us-east-1") != nullptr);
  CHECK(compiled.find_region("us-east-1")->prices.size() > 10);
  CHECK(!compiled.find_region("us-east-1")->instances.empty());
}

TEST_CASE("the compiled-in rule table differs when a field differs", "[tables]") {
  // The comparison above is only as good as operator==: check that it sees a one-field change.
  auto compiled = tables::builtin_rules();
  REQUIRE(compiled);
  REQUIRE(!compiled->rules.empty());
  auto changed = compiled->rules.front().info;
  changed.origin += "0";
  CHECK_FALSE(changed == compiled->rules.front().info);
  auto prices = tables::builtin_prices();
  auto other = prices;
  other.regions.begin()->second.instances.front().note += "!";
  CHECK_FALSE(other == prices);
}

#include <algorithm>
#include <catch2/catch.hpp>

#include "caas/cost/price_table.hpp"
#include "caas/tables/embedded_tables.hpp"
#include "price_keys.hpp"

using namespace caas;

TEST_CASE("prices: the built-in table has every key, its instances, its date and scoring", "[cost][prices]") {
  auto table = caas::tables::load_embedded_prices();
  REQUIRE(table);
  CHECK(table->date == "2026-12-03");
  CHECK(table->weight_low == 1);
  CHECK(table->weight_medium == 2);
  CHECK(table->weight_high == 4);
  CHECK(table->materiality_usd == 5);
  CHECK(table->region_names() ==
        std::vector<std::string>{"ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1",
                                 "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
                                 "us-east-1", "us-east-2", "us-west-1", "us-west-2"});
  const auto& region = *table->find_region("us-east-1");
  for (const auto& key : cost::price_keys()) {
    INFO(key.key);
    const auto it = region.prices.find(key.key);
    REQUIRE(it != region.prices.end());
    CHECK(it->second.unit == key.unit);
    CHECK((it->second.collected == "2026-11-26" || it->second.collected == "2026-12-03"));
    CHECK_FALSE(it->second.source.empty());
  }
  CHECK(region.price("lambda.requests") == 0.20);
  CHECK(region.prices.at("lambda.arm64.duration.tier2").tier_from == 7.5e9);
  CHECK(region.instances.size() == 54);
  for (auto name : {"t3.micro", "t4g.xlarge", "m5.4xlarge", "m7g.large", "c7g.large", "r6i.32xlarge", "i4i.xlarge",
                    "g4dn.xlarge", "g5.12xlarge", "p3.2xlarge", "p4d.24xlarge", "p5.48xlarge", "p5en.48xlarge"}) {
    INFO(name);
    CHECK(std::any_of(region.instances.begin(), region.instances.end(), [&](const auto& t) { return t.name == name; }));
  }
}

TEST_CASE("prices: each tiered price's tiers meet end to end, from zero to no end", "[cost][prices]") {
  const auto table = caas::tables::load_embedded_prices();
  REQUIRE(table);
  const auto& region = *table->find_region("us-east-1");
  const std::vector<std::vector<std::string>> families = {
      {"lambda.x86_64.duration.tier1", "lambda.x86_64.duration.tier2", "lambda.x86_64.duration.tier3"},
      {"lambda.arm64.duration.tier1", "lambda.arm64.duration.tier2", "lambda.arm64.duration.tier3"},
      {"apigw.http.tier1", "apigw.http.tier2"},
      {"apigw.rest.tier1", "apigw.rest.tier2", "apigw.rest.tier3", "apigw.rest.tier4"},
      {"apigw.websocket.messages.tier1", "apigw.websocket.messages.tier2"},
      {"data_transfer.out.tier1", "data_transfer.out.tier2", "data_transfer.out.tier3", "data_transfer.out.tier4"}};
  for (const auto& family : families) {
    double from = 0;
    for (std::size_t i = 0; i < family.size(); ++i) {
      INFO(family[i]);
      const auto& price = region.prices.at(family[i]);
      REQUIRE(price.tier_from);
      CHECK(*price.tier_from == from);
      CHECK(price.tier_to.has_value() == (i + 1 < family.size()));        // only the last tier has no end
      if (i > 0) CHECK(price.usd < region.prices.at(family[i - 1]).usd);  // each tier is cheaper
      from = price.tier_to.value_or(0);
    }
  }
  // Tier bounds count what is metered: requests, not millions of them; GB of data transfer as the Price List writes
  // them (10 TB is 10,240 GB).
  CHECK(*region.prices.at("apigw.http.tier1").tier_to == 300e6);
  CHECK(*region.prices.at("data_transfer.out.tier1").tier_to == 10240);
}

TEST_CASE("prices: the built-in table, read once at start-up, also passes every check an outside file gets",
          "[cost][prices]") {
  for (const auto& file : caas::tables::embedded_price_files()) {
    INFO(file.name);
    const auto checked = cost::load_prices(file.text, std::string(file.name));
    REQUIRE(checked);
    CHECK(checked->date == caas::tables::load_embedded_prices()->date);
  }
}

TEST_CASE("prices: an unknown region is not found", "[cost][prices]") {
  auto table = caas::tables::load_embedded_prices();
  REQUIRE(table);
  CHECK(table->find_region("eu-west-9") == nullptr);
  CHECK(table->find_region("us-east-1") != nullptr);
}

namespace {
std::string builtin_text() { return std::string(caas::tables::embedded_price_files().front().text); }

util::Diagnostic first_error(std::string_view text) {
  auto result = cost::load_prices(text, "prices.yaml");
  REQUIRE_FALSE(result);
  return result.error().front();
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

int line_of_text(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}
}  // namespace

TEST_CASE("prices: loader errors are located, with a did-you-mean for a misspelt key", "[cost][prices]") {
  const auto text = builtin_text();
  {
    const auto bad = replaced(text, "lambda.ephemeral_storage:", "lambda.ephemeral_storag:");
    const auto all = cost::load_prices(bad, "prices.yaml").error();
    const auto unknown = std::find_if(all.begin(), all.end(), [](const auto& d) { return d.code == "unknown-key"; });
    REQUIRE(unknown != all.end());
    CHECK(unknown->where.file == "prices.yaml");
    CHECK(unknown->where.line == line_of_text(bad, "lambda.ephemeral_storag:"));
    CHECK(unknown->where.column == 7);
    CHECK(unknown->hint == "did you mean 'lambda.ephemeral_storage'?");
    // The misspelt key leaves the real one missing: that is reported too.
    CHECK(std::any_of(all.begin(), all.end(), [](const auto& d) {
      return d.code == "missing-field" && d.message.find("lambda.ephemeral_storage") != std::string::npos;
    }));
  }
  {
    const auto bad = replaced(text, "{usd: 0.0225, unit: ALB-hour", "{usd: 0.0225, unit: ALB-minute");
    const auto d = first_error(bad);
    CHECK(d.code == "bad-unit");
    CHECK(d.where.line == line_of_text(bad, "ALB-minute"));
  }
  {
    const auto bad = replaced(text, "burstable: true, usd_per_hour: 0.0104", "burstable: yes, usd_per_hour: 0.0104");
    const auto d = first_error(bad);
    CHECK(d.code == "bad-boolean");
    CHECK(d.hint == "did you mean 'true'?");
    CHECK(d.where.line == line_of_text(bad, "burstable: yes"));
  }
  {
    const auto d = first_error("version: 1\ndate: \"2026-11-26\"\nregions: {us-east-1: {prices: [}\n");
    CHECK(d.code == "yaml-syntax");
    CHECK(d.where.line == 3);
  }
  {
    const auto d = first_error(replaced(text, "\nversion: 1\n", "\nversion: 2\n"));
    CHECK(d.code == "bad-version");
  }
  {
    const auto bad = replaced(text, "{percent: 70,", "{usd: 70,");
    const auto all = cost::load_prices(bad, "prices.yaml").error();
    CHECK(all.front().code == "unknown-key");
    CHECK(all.front().where.line == line_of_text(bad, "{usd: 70,"));
  }
}

TEST_CASE("prices: an overlay changes prices and instances by name, and its date wins", "[cost][prices]") {
  auto base = caas::tables::load_embedded_prices();
  REQUIRE(base);
  const std::string overlay_text = R"(version: 1
date: "2027-01-15"
scoring: {materiality_usd: 10}
regions:
  us-east-1:
    prices:
      lambda.requests: {usd: 0.25, unit: 1M requests, source: test, collected: "2027-01-15", confidence: assumption}
    instances:
      - {name: m7g.large, vcpu: 2, memory_gib: 8, gpus: 0, architecture: arm64, burstable: false, usd_per_hour: 0.07,
         source: test, collected: "2027-01-15", confidence: assumption}
      - {name: m8g.large, vcpu: 2, memory_gib: 8, gpus: 0, architecture: arm64, burstable: false, usd_per_hour: 0.09,
         source: test, collected: "2027-01-15", confidence: assumption}
)";
  CHECK_FALSE(cost::load_prices(overlay_text, "mine.yaml"));  // not complete on its own
  auto overlay = cost::load_price_overlay(overlay_text, "mine.yaml", *base);
  REQUIRE(overlay);
  const auto instances_before = base->find_region("us-east-1")->instances.size();
  cost::merge(*base, std::move(*overlay));
  const auto& region = *base->find_region("us-east-1");
  CHECK(base->date == "2027-01-15");
  CHECK(base->materiality_usd == 10);
  CHECK(base->weight_high == 4);
  CHECK(region.price("lambda.requests") == 0.25);
  CHECK(region.price("alb.hour") == 0.0225);
  CHECK(region.instances.size() == instances_before + 1);
  CHECK(std::find_if(region.instances.begin(), region.instances.end(), [](const auto& t) {
          return t.name == "m7g.large";
        })->usd_per_hour == 0.07);

  const auto new_region = cost::load_price_overlay(
      "version: 1\nregions:\n  af-south-1:\n    prices: {}\n    instances: []\n", "mine.yaml", *base);
  REQUIRE_FALSE(new_region);
  CHECK(new_region.error().front().code == "missing-field");
  CHECK(new_region.error().front().where.line == 4);
}

TEST_CASE("prices: hostile price files are refused with a located error before they cost time or memory",
          "[cost][prices][hardening]") {
  auto base = caas::tables::load_embedded_prices();
  REQUIRE(base);
  const auto only_error = [&](const std::string& text) {
    auto loaded = cost::load_price_overlay(text, "hostile.yaml", *base);
    REQUIRE_FALSE(loaded);
    REQUIRE(loaded.error().size() == 1);
    return loaded.error().front();
  };
  // Price files may be large (an imported overlay lists every instance type of its regions), but not unbounded.
  CHECK(only_error("version: 1\n# " + std::string(64u << 20, 'x') + "\n").code == "too-large");
  CHECK(only_error("version: 1\ndate: \"\xff\"\n").code == "not-utf8");
  CHECK(only_error("version: 1\nregions: " + std::string(100, '{') + std::string(100, '}') + "\n").code == "too-deep");
  std::string dashes = "version: 1\nregions:\n  ";
  for (int i = 0; i < 3000; ++i) dashes += "- ";
  CHECK(only_error(dashes + "x\n").code == "too-deep");
  std::string bomb = "version: 1\ndate: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const std::string prev(1, static_cast<char>(c - 1));
    bomb += "x" + std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  const auto nodes = only_error(bomb);
  CHECK(nodes.code == "too-many-nodes");
  CHECK(nodes.where.line == 6);  // at the alias that goes over the budget, as in a workload file
}

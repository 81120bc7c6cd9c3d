#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "caas/cost/price_table.hpp"
#include "caas/tables/builtin_tables.hpp"
#include "price_keys.hpp"

using namespace caas;

namespace {

const std::vector<std::string> k_required_regions = {"us-east-1",      "us-east-2",      "us-west-1",  "us-west-2",
                                                     "ca-central-1",   "eu-west-1",      "eu-west-2",  "eu-west-3",
                                                     "eu-central-1",   "eu-north-1",     "ap-south-1", "ap-southeast-1",
                                                     "ap-southeast-2", "ap-northeast-1", "sa-east-1"};

}  // namespace

TEST_CASE("regions: the compiled-in table prices at least the fifteen regions of the issue", "[cost][regions]") {
  const auto table = tables::builtin_prices();
  for (const auto& name : k_required_regions) {
    INFO(name);
    CHECK(table.find_region(name) != nullptr);
  }
}

TEST_CASE("regions: every built-in region has every key, positive amounts, and its own sourced, dated prices",
          "[cost][regions]") {
  const auto table = tables::builtin_prices();
  const std::set<std::string> confidences = {"DOC", "AWS-BLOG", "SECONDARY", "UNCONFIRMED", "assumption"};
  for (const auto& [name, region] : table.regions) {
    INFO(name);
    CHECK(region.region == name);
    CHECK(region.prices.size() == cost::price_keys().size());
    for (const auto& spec : cost::price_keys()) {
      INFO(spec.key);
      const auto it = region.prices.find(spec.key);
      REQUIRE(it != region.prices.end());
      const auto& price = it->second;
      CHECK(price.unit == spec.unit);
      CHECK(price.usd > 0);
      if (spec.amount == cost::Amount::percent) CHECK(price.usd < 100);
      CHECK_FALSE(price.source.empty());
      CHECK(price.collected.size() == 10);
      CHECK(confidences.count(price.confidence) == 1);
      // A price worked out from a ratio or taken from us-east-1 is never presented as read.
      if (price.source.rfind("derived:", 0) == 0 || price.source.rfind("assumed equal to us-east-1", 0) == 0)
        CHECK(price.confidence == "UNCONFIRMED");
    }
    CHECK(region.instances.size() >= 54);
    std::set<std::string> names;
    for (const auto& instance : region.instances) {
      INFO(instance.name);
      CHECK(names.insert(instance.name).second);
      CHECK(instance.vcpu > 0);
      CHECK(instance.memory_gib > 0);
      CHECK(instance.usd_per_hour > 0);
      CHECK(instance.gpus >= 0);
      CHECK((instance.architecture == "x86_64" || instance.architecture == "arm64"));
      CHECK_FALSE(instance.source.empty());
      CHECK(confidences.count(instance.confidence) == 1);
      if (instance.source.rfind("derived:", 0) == 0) CHECK(instance.confidence == "UNCONFIRMED");
    }
  }
}

TEST_CASE("regions: in every region each tiered price's tiers meet end to end, from zero to no end, cheaper as they go",
          "[cost][regions]") {
  const auto table = tables::builtin_prices();
  for (const auto& [name, region] : table.regions) {
    // The tiers of a family are the keys that share the text before ".tier", in key order (tier1, tier2, ...).
    std::map<std::string, std::vector<const cost::Price*>> families;
    for (const auto& [key, price] : region.prices)
      if (const auto at = key.rfind(".tier"); at != std::string::npos) families[key.substr(0, at)].push_back(&price);
    CHECK(families.size() == 6);
    for (const auto& [family, tiers] : families) {
      INFO(name << " " << family);
      double from = 0;
      for (std::size_t i = 0; i < tiers.size(); ++i) {
        REQUIRE(tiers[i]->tier_from);
        CHECK(*tiers[i]->tier_from == from);
        CHECK(tiers[i]->tier_to.has_value() == (i + 1 < tiers.size()));
        if (i > 0) CHECK(tiers[i]->usd < tiers[i - 1]->usd);
        from = tiers[i]->tier_to.value_or(0);
      }
    }
  }
}

TEST_CASE("regions: a priced region passes the check; any other is unknown-region, with the nearest as a suggestion",
          "[cost][regions]") {
  const auto table = tables::builtin_prices();
  for (const auto& name : table.region_names()) CHECK_FALSE(cost::check_region(table, name));
  const auto misspelt = cost::check_region(table, "eu-wset-1");
  REQUIRE(misspelt);
  CHECK(misspelt->code == "unknown-region");
  CHECK(misspelt->message == "no prices for region 'eu-wset-1'; did you mean 'eu-west-1'?");
  CHECK(misspelt->hint.find("caas-advisor pricing regions") != std::string::npos);
  CHECK(cost::check_region(table, "us-east1")->message.find("did you mean 'us-east-1'?") != std::string::npos);
  CHECK(cost::check_region(table, "EU-CENTRAL-1")->message.find("did you mean 'eu-central-1'?") != std::string::npos);
  const auto far = cost::check_region(table, "mars-north-7");
  REQUIRE(far);
  CHECK(far->message == "no prices for region 'mars-north-7'");
  CHECK(far->hint.find("pricing import") != std::string::npos);
  CHECK(cost::check_region(table, ""));
}

TEST_CASE("regions: a region's summary counts its prices and instance types by confidence, and their dates",
          "[cost][regions]") {
  cost::RegionPrices region;
  region.region = "xx-test-1";
  region.prices["lambda.requests"] = {0.2, "1M requests", "s", "2026-11-26", "SECONDARY", {}, {}, {}};
  region.prices["alb.hour"] = {0.03, "ALB-hour", "s", "2026-12-03", "UNCONFIRMED", {}, {}, {}};
  region.instances.push_back({"m7g.large", 2, 8, 0, "arm64", false, 0.1, "UNCONFIRMED", "s", "2026-12-01", "", ""});
  const auto summary = cost::summarize_region(region);
  CHECK(summary.region == "xx-test-1");
  CHECK(summary.prices == 2);
  CHECK(summary.instances == 1);
  CHECK(summary.oldest == "2026-11-26");
  CHECK(summary.newest == "2026-12-03");
  CHECK(summary.confidence == std::map<std::string, int, std::less<>>{{"SECONDARY", 1}, {"UNCONFIRMED", 2}});
  CHECK(cost::amount_kind("fargate.spot") == "percent");
  CHECK(cost::amount_kind("ec2.root_volume") == "value");
  CHECK(cost::amount_kind("alb.hour") == "usd");
}

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "caas/report/pricing_report.hpp"

using namespace caas::report;

namespace {

PricedRegion sample_region() {
  PricedRegion region;
  region.region = "xx-test-1";
  region.oldest = "2026-11-26";
  region.newest = "2026-12-03";
  region.confidence = {{"UNCONFIRMED", 2}, {"SECONDARY", 1}};
  region.price_count = 2;
  region.instance_count = 1;
  region.prices.push_back(
      {"data_transfer.out.tier1", "usd", 0.09, "GB", 0.0, 10240.0, "a bill", "2026-12-03", "SECONDARY", "first 10 TB"});
  region.prices.push_back({"fargate.spot", "percent", 70, "percent off", std::nullopt, std::nullopt,
                           "derived: us-east-1's", "2026-11-26", "UNCONFIRMED", ""});
  region.instances.push_back(
      {"m7g.large", 2, 8, 0, "arm64", false, 0.0978, "", "a read", "2026-12-03", "UNCONFIRMED", "not read here"});
  return region;
}

}  // namespace

TEST_CASE("pricing report: regions as text list each region's dates, counts and confidence, strongest first",
          "[report][pricing]") {
  const PricingView view{"2026-12-03", {sample_region()}};
  std::ostringstream out;
  render_price_regions(out, view, "text");
  const auto text = out.str();
  CHECK(text.rfind("prices of 2026-12-03: 1 regions\n", 0) == 0);
  CHECK(text.find("xx-test-1  2026-11-26 to 2026-12-03       2          1  SECONDARY 1, UNCONFIRMED 2\n") !=
        std::string::npos);
}

TEST_CASE("pricing report: a region's prices as text carry their amount kind, tiers and source", "[report][pricing]") {
  const PricingView view{"2026-12-03", {}};
  std::ostringstream out;
  render_price_region(out, view, sample_region(), "text");
  const auto text = out.str();
  CHECK(text.find("$0.09") != std::string::npos);
  CHECK(text.find("0 to 10240") != std::string::npos);
  CHECK(text.find("70 %") != std::string::npos);
  CHECK(text.find("    a bill; first 10 TB\n") != std::string::npos);
  CHECK(text.find("$0.0978") != std::string::npos);
  CHECK(text.find("    a read; not read here\n") != std::string::npos);
}

TEST_CASE("pricing report: json gives amounts under their kind and null tier ends", "[report][pricing]") {
  const PricingView view{"2026-12-03", {}};
  std::ostringstream out;
  render_price_region(out, view, sample_region(), "json");
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["schema"] == "caas-advisor/pricing/v1");
  CHECK(json["collected"]["oldest"] == "2026-11-26");
  CHECK(json["prices"][0]["usd"] == 0.09);
  CHECK(json["prices"][0]["tier_to"] == 10240);
  CHECK(json["prices"][1]["percent"] == 70);
  CHECK_FALSE(json["prices"][1].contains("tier_from"));
  CHECK(json["prices"][1]["note"].is_null());
  CHECK(json["instances"][0]["accelerator"].is_null());
  CHECK(json["confidence"]["UNCONFIRMED"] == 2);
  std::ostringstream ignored;
  CHECK_THROWS_AS(render_price_regions(ignored, view, "markdown"), std::invalid_argument);
}

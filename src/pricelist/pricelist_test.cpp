#include <catch2/catch.hpp>

#include <sstream>

#include "caas/pricelist/pricelist.hpp"
#include "pricelist/product.hpp"
#include "pricelist_test_support.hpp"

using namespace caas;
using namespace caas::pricelist;
using namespace caas::pricelist::test;

TEST_CASE("pricelist: attribute names of JSON and CSV are the same attribute", "[pricelist]") {
  CHECK(find_attr("instanceType") == Attr::instancetype);
  CHECK(find_attr("Instance Type") == Attr::instancetype);
  CHECK(find_attr("Pre Installed S/W") == Attr::preinstalledsw);
  CHECK(find_attr("preInstalledSw") == Attr::preinstalledsw);
  CHECK(find_attr("usageType") == Attr::usagetype);
  CHECK(find_attr("Region Code") == Attr::regioncode);
  CHECK_FALSE(find_attr("clockSpeed").has_value());
}

TEST_CASE("pricelist: the region comes from regionCode, else from the location name, never from the usage type",
          "[pricelist]") {
  CHECK(region_of_location("EU (Ireland)") == "eu-west-1");
  CHECK(region_of_location("South America (Sao Paulo)") == "sa-east-1");
  CHECK(region_of_location("Europe (Ireland)").empty());
  Product p;
  p.family = "NAT Gateway";
  p[Attr::usagetype] = "EU-NatGateway-Hours";  // EU is eu-west-1's billing code; it is not read
  p[Attr::operation] = "NatGateway";
  p[Attr::location] = "Asia Pacific (Mumbai)";
  auto where = classify(p, "AmazonEC2");
  REQUIRE(where);
  CHECK(where->region == "ap-south-1");
  p[Attr::regioncode] = "eu-west-2";
  CHECK(classify(p, "AmazonEC2")->region == "eu-west-2");
  // A region code that is not one is not a region this file prices: it would be a key of the overlay written.
  for (const char* bad : {"[eu-west-1", "eu west 1", "EU-WEST-1", "eu-west-1-", "-eu", "eu-west-1: x"}) {
    p[Attr::regioncode] = bad;
    CHECK_FALSE(classify(p, "AmazonEC2").has_value());
  }
  CHECK(is_region_code("ap-southeast-5"));
  CHECK(is_region_code("us-gov-west-1"));
  CHECK_FALSE(is_region_code(""));
}

TEST_CASE("pricelist: an EC2 offer file gives on-demand shared Linux instances, and skips the distractors",
          "[pricelist]") {
  const std::string products =
      product("A", "Compute Instance", ec2_attributes("m7g.large", "Linux", "RunInstances")) + "," +
      product("B", "Compute Instance",
              ec2_attributes("m7g.large", "Linux", "RunInstances",
                             R"("tenancy" : "Dedicated", "capacitystatus" : "Used")")) +
      "," +
      product("C", "Compute Instance",
              ec2_attributes("m7g.large", "Linux", "RunInstances",
                             R"("tenancy" : "Shared", "capacitystatus" : "UnusedCapacityReservation")")) +
      "," + product("D", "Compute Instance", ec2_attributes("m7g.large", "RHEL", "RunInstances:0010"));
  const std::string terms = term("A", dimension("A.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.0892000000")) + "," +
                            term("B", dimension("B.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.1000000000")) + "," +
                            term("C", dimension("C.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.0892000000")) + "," +
                            term("D", dimension("D.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.1500000000"));
  const std::string reserved = "{" + term("A", dimension("A.4NA7Y494T4.6YS6EN2CT7", "Hrs", "0.0500000000")) + "}";
  Importer importer;
  const auto read = read_text(importer, offer("AmazonEC2", products, terms, reserved));
  REQUIRE(read);
  CHECK(read->offer == "AmazonEC2");
  CHECK(read->products == 4);
  CHECK(read->prices == 1);
  const auto regions = importer.regions();
  REQUIRE(regions.count("eu-west-1") == 1);
  const auto& instances = regions.at("eu-west-1").instances;
  REQUIRE(instances.size() == 1);
  CHECK(instances[0].type.name == "m7g.large");
  CHECK(instances[0].type.usd_per_hour == Approx(0.0892));
  CHECK(instances[0].type.architecture == "arm64");  // from "AWS Graviton3 Processor"
  CHECK(instances[0].type.memory_gib == 8);
  CHECK(instances[0].sku == "A");
  CHECK(importer.latest_date() == "2025-01-02");
}

TEST_CASE("pricelist: tiers become one key each, with their bounds, per request prices per million", "[pricelist]") {
  const std::string dims = dimension("H.JRTCKXETXF.1", "Requests", "0.0000011100", "0", "300000000") + "," +
                           dimension("H.JRTCKXETXF.2", "Requests", "0.0000010000", "300000000", "Inf");
  Importer importer;
  REQUIRE(read_text(importer, apigw_http_offer(dims)));
  const auto prices = importer.regions().at("eu-west-1").prices;
  REQUIRE(prices.count("apigw.http.tier1") == 1);
  CHECK(prices.at("apigw.http.tier1").usd == Approx(1.11));
  CHECK(prices.at("apigw.http.tier1").tier_to == Approx(300000000));
  CHECK(prices.at("apigw.http.tier2").usd == Approx(1.0));
  CHECK(prices.at("apigw.http.tier2").tier_from == Approx(300000000));
  CHECK_FALSE(prices.at("apigw.http.tier2").tier_to.has_value());
  CHECK(prices.at("apigw.http.tier2").sku == "H");
}

TEST_CASE("pricelist: a CSV offer file is read by its header's names, reserved rows and other currencies skipped",
          "[pricelist]") {
  const std::string csv =
      "\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"d\"\n\"Publication Date\",\"2025-08-31T09:21:55Z\"\n"
      "\"Version\",\"20250831092155\"\n\"OfferCode\",\"AmazonECS\"\n"
      "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"EffectiveDate\",\"StartingRange\","
      "\"EndingRange\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Product Family\",\"Location\",\"usageType\","
      "\"Region Code\"\r\n"
      "\"K\",\"JRTCKXETXF\",\"K.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"AWS Fargate - vCPU, \"\"x86\"\"\",\"\",\"0\","
      "\"Inf\",\"hours\",\"0.0404800000\",\"USD\",\"Compute\",\"EU (Ireland)\",\"EU-Fargate-vCPU-Hours:perCPU\","
      "\"eu-west-1\"\r\n"
      "\"S\",\"JRTCKXETXF\",\"S.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"Spot\",\"\",\"0\",\"Inf\",\"hours\","
      "\"0.0127500000\",\"USD\",\"Compute\",\"EU (Ireland)\",\"EU-SpotUsage:Fargate-vCPU-Hours:perCPU\","
      "\"eu-west-1\"\r\n";
  Importer importer;
  const auto read = read_text(importer, csv);
  REQUIRE(read);
  CHECK(read->format == "csv");
  CHECK(read->products == 2);
  CHECK(read->prices == 1);
  const auto prices = importer.regions().at("eu-west-1").prices;
  REQUIRE(prices.size() == 1);
  CHECK(prices.at("fargate.x86_64.vcpu_hour").usd == Approx(0.04048));
  // Without its publication date, nothing in the file could say when its prices were collected: refused.
  std::string undated = csv;
  undated.replace(undated.find("Publication Date"), 16, "Publication Dat");
  Importer again;
  const auto refused = read_text(again, undated);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().front().code == "price-list-shape");
  CHECK(refused.error().front().where.line == 1);
}

TEST_CASE("pricelist: broken files are located errors with registered codes", "[pricelist]") {
  const std::string good = offer("AWSELB", "", "");
  struct Case {
    std::string text;
    std::string_view code;
    int line;
  };
  const std::vector<Case> cases = {
      {good.substr(0, good.size() / 2), "price-list-syntax", 1},                       // cut short
      {"<html><body>Access denied</body></html>", "price-list-syntax", 1},             // not JSON
      {"{\"a\" : tru}", "price-list-syntax", 1},                                       // bad literal
      {offer("AmazonS3", "", ""), "price-list-offer", 1},                              // another service
      {"{\"formatVersion\" : \"v1.0\"}", "price-list-shape", 1},                       // no products
      {"{\"x\" : \"" + std::string(2u << 20, 'a') + "\"}", "price-list-too-long", 1},  // one enormous string
      {std::string(100, '[') + std::string(100, ']'), "too-deep", 1},                  // deep nesting
      // The same inside the parts the reader skips unparsed (reserved terms): still bounded.
      {offer("AWSELB", "", "", "{\"x\" : \"" + std::string(2u << 20, 'a') + "\"}"), "price-list-too-long", 1},
      {offer("AWSELB", "", "", std::string(100, '[') + std::string(100, ']')), "too-deep", 1},
      {offer("AWSELB", "", "", "{\"x\" : [1, 2"), "price-list-syntax", 1},  // cut short while skipping
      {"\"FormatVersion\",\"v1.0\"\n\"OfferCode\",\"AWSLambda\"\n\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\","
       "\"Product Family\"\n\"A\",\"OnDemand\",\"x\"\n",
       "price-list-shape", 4},  // a row cut short
      {"\"FormatVersion\",\"v1.0\"\n\"OfferCode\",\"AWSLambda\"\n\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\","
       "\"Product Family\"\n\"A\",\"OnDemand\",\"x,\n",
       "price-list-syntax", 4},  // a quote never closed
  };
  for (const auto& c : cases) {
    INFO(c.text.substr(0, 80));
    Importer importer;
    const auto read = read_text(importer, c.text, "bad.json");
    REQUIRE_FALSE(read);
    REQUIRE(read.error().size() == 1);
    CHECK(read.error()[0].code.id() == c.code);
    CHECK(read.error()[0].where.file == "bad.json");
    CHECK(read.error()[0].where.line == c.line);
    CHECK(read.error()[0].where.column >= 1);
  }
}

TEST_CASE("pricelist: get-products output is read entry by entry, reserved terms skipped", "[pricelist]") {
  const std::string item =
      R"({\"product\":{\"productFamily\":\"NAT Gateway\",\"attributes\":{\"usagetype\":\"APS3-NatGateway-Hours\",)"
      R"(\"operation\":\"NatGateway\",\"regionCode\":\"ap-south-1\"},\"sku\":\"N\"},\"serviceCode\":\"AmazonEC2\",)"
      R"(\"terms\":{\"OnDemand\":{\"N.JRTCKXETXF\":{\"priceDimensions\":{\"N.JRTCKXETXF.6YS6EN2CT7\":{\"unit\":\"Hrs\",)"
      R"(\"endRange\":\"Inf\",\"beginRange\":\"0\",\"pricePerUnit\":{\"USD\":\"0.0560000000\"}}}}}},)"
      R"(\"publicationDate\":\"2026-09-09T00:46:05Z\"})";
  Importer importer;
  const auto read = read_text(importer, R"({"FormatVersion": "aws_v1", "PriceList": [")" + item + R"("]})");
  REQUIRE(read);
  CHECK(read->format == "get-products");
  CHECK(read->publication_date == "2026-09-09T00:46:05Z");
  CHECK(importer.regions().at("ap-south-1").prices.at("nat_gateway.hour").usd == Approx(0.056));
}

TEST_CASE("pricelist: the overlay carries every key, imported ones DOC with their SKU, the rest marked as built-in",
          "[pricelist]") {
  cost::PriceTable base;
  auto& us = base.regions["us-east-1"];
  us.region = "us-east-1";
  us.prices["nat_gateway.hour"] = {0.045, "NAT gateway-hour", "s", "2026-11-26", "SECONDARY", {}, {}, ""};
  us.prices["ec2.spot"] = {65, "percent off", "s", "2026-11-26", "UNCONFIRMED", {}, {}, ""};
  std::map<std::string, RegionImport, std::less<>> regions;
  ImportedPrice nat;
  nat.usd = 0.056;
  nat.sku = "N";
  nat.rate_code = "N.JRTCKXETXF.6YS6EN2CT7";
  nat.usage_type = "APS3-NatGateway-Hours";
  nat.offer = "AmazonEC2";
  nat.publication_date = "2026-09-09T00:46:05Z";
  regions["ap-south-1"].prices["nat_gateway.hour"] = nat;
  const auto text = write_overlay(regions, "2026-09-09", base, {});
  CHECK(text.find("nat_gateway.hour:\n        {usd: 0.056") != std::string::npos);
  CHECK(text.find("SKU N, usage type APS3-NatGateway-Hours") != std::string::npos);
  CHECK(text.find("confidence: DOC") != std::string::npos);
  CHECK(text.find("ec2.spot:\n        {percent: 65") != std::string::npos);
  CHECK(text.find(std::string(cost::k_fallback_note) + "the built-in value of us-east-1") != std::string::npos);
}

TEST_CASE("pricelist: a tier that ends where it begins or before is not taken", "[pricelist]") {
  // Such a tier would be written as an overlay key that does not load (tier_to not above tier_from).
  const std::string dims = dimension("H.JRTCKXETXF.1", "Requests", "0.0000011100", "0", "300000000") + "," +
                           dimension("H.JRTCKXETXF.2", "Requests", "0.0000010000", "300000000", "15");
  Importer importer;
  const auto read = read_text(importer, apigw_http_offer(dims));
  REQUIRE(read);
  CHECK(read->prices == 1);
  const auto prices = importer.regions().at("eu-west-1").prices;
  CHECK(prices.at("apigw.http.tier1").usd == Approx(1.11));
  CHECK(prices.at("apigw.http.tier2").usd == Approx(1.11));  // the one tier read, repeated: see its note
  CHECK_FALSE(prices.at("apigw.http.tier2").note.empty());
  // The slot of a price is only claimed with a tier it can hold: a lone inverted tier leaves none.
  Importer alone;
  const auto only =
      read_text(alone, apigw_http_offer(dimension("H.JRTCKXETXF.1", "Requests", "0.0000011100", "300000000", "15")));
  REQUIRE(only);
  CHECK(only->prices == 0);
  CHECK(alone.regions().empty());
}

TEST_CASE("pricelist: a publication date that is not one is refused, and a file's name is written escaped",
          "[pricelist]") {
  // Both reach the overlay's text: a control character there would make an overlay that does not load.
  const std::string csv =
      "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2025-08-31T09:21:55Z\x04\"\n\"OfferCode\",\"AmazonECS\"\n"
      "\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\",\"Product Family\",\"usageType\",\"Region Code\"\n"
      "\"K\",\"OnDemand\",\"hours\",\"0.04048\",\"Compute\",\"EU-Fargate-vCPU-Hours:perCPU\",\"eu-west-1\"\n";
  Importer importer;
  const auto read = read_text(importer, csv);
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "price-list-shape");
  CHECK(read.error()[0].message.find("\\x04") != std::string::npos);
  std::string good = csv;
  good.erase(good.find('\x04'), 1);
  Importer again;
  const auto fine = read_text(again, good, "odd\nname.csv");
  REQUIRE(fine);
  cost::PriceTable base;
  const auto text = write_overlay(again.regions(), again.latest_date(), base, {*fine});
  CHECK(text.find("odd\\x0aname.csv") != std::string::npos);
  CHECK(text.find("odd\nname") == std::string::npos);
  // A line separator is a line break to YAML as well.
  const auto separated =
      write_overlay(again.regions(), again.latest_date(), base,
                    {FileSummary{"odd\xe2\x80\xa8name.csv", "csv", "AmazonECS", "2025-08-31", 1, 1, 1}});
  CHECK(separated.find("odd\\u2028name.csv") != std::string::npos);
}

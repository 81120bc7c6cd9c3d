#include <catch2/catch.hpp>

#include <sstream>

#include "caas/pricelist/pricelist.hpp"
#include "pricelist/product.hpp"

using namespace caas;
using namespace caas::pricelist;

namespace {

util::Result<FileSummary> read_text(Importer& importer, const std::string& text, const std::string& file = "f") {
  std::istringstream in(text);
  return importer.read(in, file);
}

// An offer file in AWS's own layout: metadata, products, then terms (OnDemand and Reserved).
std::string offer(const std::string& code, const std::string& products, const std::string& on_demand,
                  const std::string& reserved = "{}") {
  return R"({"formatVersion" : "v1.0", "disclaimer" : "d", "offerCode" : ")" + code +
         R"(", "version" : "20250101000000", "publicationDate" : "2025-01-02T03:04:05Z", "products" : {)" + products +
         R"(}, "terms" : {"OnDemand" : {)" + on_demand + R"(}, "Reserved" : )" + reserved +
         R"(}, "attributesList" : { }})";
}

std::string product(const std::string& sku, const std::string& family, const std::string& attributes) {
  return "\"" + sku + R"(" : {"sku" : ")" + sku + R"(", "productFamily" : ")" + family + R"(", "attributes" : {)" +
         attributes + "}}";
}

std::string term(const std::string& sku, const std::string& dims) {
  return "\"" + sku + R"(" : {")" + sku + R"(.JRTCKXETXF" : {"offerTermCode" : "JRTCKXETXF", "sku" : ")" + sku +
         R"(", "effectiveDate" : "2025-01-01T00:00:00Z", "priceDimensions" : {)" + dims +
         R"(}, "termAttributes" : { }}})";
}

std::string dimension(const std::string& rate, const std::string& unit, const std::string& usd,
                      const std::string& begin = "0", const std::string& end = "Inf") {
  return "\"" + rate + R"(" : {"rateCode" : ")" + rate + R"(", "description" : "x", "beginRange" : ")" + begin +
         R"(", "endRange" : ")" + end + R"(", "unit" : ")" + unit + R"(", "pricePerUnit" : {"USD" : ")" + usd +
         R"("}, "appliesTo" : [ ]})";
}

std::string ec2_attributes(const std::string& type, const std::string& os, const std::string& operation,
                           const std::string& extra = R"("tenancy" : "Shared", "capacitystatus" : "Used")") {
  return R"("instanceType" : ")" + type +
         R"(", "vcpu" : "2", "memory" : "8 GiB", "physicalProcessor" : "AWS Graviton3 Processor", "operatingSystem" : ")" +
         os + R"(", "preInstalledSw" : "NA", "usagetype" : "EU-BoxUsage:)" + type + R"(", "operation" : ")" +
         operation + R"(", "regionCode" : "eu-west-1", "locationType" : "AWS Region", )" + extra;
}

}  // namespace

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
  const std::string attrs =
      R"("usagetype" : "EU-ApiGatewayHttpRequest", "operation" : "ApiGatewayHttpApi", "regionCode" : "eu-west-1")";
  const std::string dims = dimension("H.JRTCKXETXF.1", "Requests", "0.0000011100", "0", "300000000") + "," +
                           dimension("H.JRTCKXETXF.2", "Requests", "0.0000010000", "300000000", "Inf");
  Importer importer;
  REQUIRE(read_text(importer, offer("AmazonApiGateway", product("H", "API Calls", attrs), term("H", dims))));
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

TEST_CASE("pricelist: a product's attributes are read as JSON strings, escapes decoded", "[pricelist]") {
  // The importer reads attributes without nlohmann's lexer; what JSON allows in a string must come out the same.
  const std::string attrs = ec2_attributes(R"(m7g.\u006Carge)", R"(Lin\u0075x)", "RunInstances") +
                            R"(, "note\"s" : "caf\u00e9 \ud83d\ude00 \" \\ \b\f\n\r\t")";
  const std::string text =
      offer("AmazonEC2", product("A", "Compute Instance", attrs) + "," + product("E", "Compute Instance", " \n "),
            term("A", dimension("A.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.0892000000")));
  Importer importer;
  const auto read = read_text(importer, text);
  REQUIRE(read);
  CHECK(read->products == 2);
  const auto regions = importer.regions();
  const auto& instances = regions.at("eu-west-1").instances;
  REQUIRE(instances.size() == 1);
  CHECK(instances[0].type.name == "m7g.large");
}

TEST_CASE("pricelist: broken attributes are located errors, as nlohmann's would be", "[pricelist]") {
  struct Case {
    std::string attributes;
    std::string_view code;
    std::string_view says;
  };
  const std::vector<Case> cases = {
      {R"("vcpu" : 2)", "price-list-shape", "the attribute 'vcpu' has a value that is not a string"},
      {R"("vcpu" : "2",)", "price-list-syntax", "an attribute's name"},
      {R"("vcpu" "2")", "price-list-syntax", "':'"},
      {R"("vcpu" : "2" "memory" : "8")", "price-list-syntax", "',' or '}'"},
      {"\"vcpu\" : \"2\t\"", "price-list-syntax", "control character"},
      {R"("vcpu" : "\x32")", "price-list-syntax", "escape"},
      {R"("vcpu" : "\u12G4")", "price-list-syntax", "escape"},
      {R"("vcpu" : "\udc00")", "price-list-syntax", "escape"},   // a low surrogate alone
      {R"("vcpu" : "\ud800x")", "price-list-syntax", "escape"},  // a high one without its low one
      {"\"vcpu\" : \"\xC3\x28\"", "price-list-syntax", "UTF-8"},
      {R"(vcpu : "2")", "price-list-syntax", "an attribute's name"},
  };
  for (const auto& c : cases) {
    INFO(c.attributes);
    const std::string text = offer("AmazonEC2", product("A", "Compute Instance", c.attributes), "");
    Importer importer;
    const auto read = read_text(importer, text, "bad.json");
    REQUIRE_FALSE(read);
    CHECK(read.error()[0].code.id() == c.code);
    CHECK(read.error()[0].message.find(c.says) != std::string::npos);
    // Located on the product's line, at or after its attributes' opening brace.
    CHECK(read.error()[0].where.line == 1);
    CHECK(read.error()[0].where.column > static_cast<int>(text.find("\"attributes\"")));
  }
  // Cut short inside the attributes, at every byte.
  const std::string whole = offer("AmazonEC2", product("A", "Compute Instance", R"("vcpu" : "2\u00e9")"), "");
  const auto from = whole.find("\"attributes\"");
  for (std::size_t end = from; end < whole.find('}', from); ++end) {
    Importer importer;
    const auto read = read_text(importer, whole.substr(0, end));
    REQUIRE_FALSE(read);
    CHECK(read.error()[0].code.id() == "price-list-syntax");
    CHECK(read.error()[0].message.find("cut short") != std::string::npos);
  }
}

TEST_CASE("pricelist: lines and columns are counted across the reader's blocks", "[pricelist]") {
  // Errors past the first megabyte (the stream reads 1 MiB blocks) still point at their line and column, in
  // characters: the reserved terms before them are skipped unparsed, a product's attributes read by the importer.
  const std::string filler = "{\"x\" : \"" + std::string(200, 'a') + "\u00e9\"}";
  std::string reserved = "{";
  int lines = 1;
  for (int i = 0; i < 6000; ++i) {
    reserved += std::string(i ? ",\n" : "\n") + "\"R" + std::to_string(i) + "\" : " + filler;
    ++lines;
  }
  reserved += "\n}";
  ++lines;
  const std::string bad_tail = ", \"after\" : tru";  // a key of "terms", parsed
  const std::string text = offer("AWSELB", "", "", reserved + "\n" + bad_tail);
  REQUIRE(text.size() > (std::size_t{1} << 20) + 100000);
  Importer importer;
  const auto read = read_text(importer, text, "big.json");
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "price-list-syntax");
  CHECK(read.error()[0].where.line == lines + 1);
  // The error is at the end of the file's last line, counted in characters.
  CHECK(read.error()[0].where.column >= static_cast<int>(bad_tail.find("tru")));
  CHECK(read.error()[0].where.column <= static_cast<int>(bad_tail.size()) + 1);
}

TEST_CASE("pricelist: a CSV's reserved rows are counted, not copied, and still checked for their shape",
          "[pricelist]") {
  const std::string head =
      "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2025-08-31T09:21:55Z\"\n\"OfferCode\",\"AmazonECS\"\n"
      "\"SKU\",\"TermType\",\"PriceDescription\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Product Family\","
      "\"usageType\",\"Region Code\"\n";
  // Reserved rows with what CSV allows in a field: commas and doubled quotes inside quotes, a line break, a quote
  // inside an unquoted field.
  const std::string reserved =
      "\"R\",\"Reserved\",\"a, \"\"b\"\"\nc\",\"hours\",\"1\",\"USD\",\"Compute\",\"x\",\"eu-west-1\"\n"
      "R2,Reserved,a\"b,hours,1,USD,Compute,x,eu-west-1\n";
  const std::string on_demand =
      "\"K\",\"OnDemand\",\"d\",\"hours\",\"0.0404800000\",\"USD\",\"Compute\",\"EU-Fargate-vCPU-Hours:perCPU\","
      "\"eu-west-1\"\n";
  Importer importer;
  const auto read = read_text(importer, head + reserved + on_demand);
  REQUIRE(read);
  CHECK(read->products == 3);
  CHECK(read->prices == 1);
  CHECK(importer.regions().at("eu-west-1").prices.at("fargate.x86_64.vcpu_hour").usd == Approx(0.04048));
  // A reserved row with a field missing is still an error, at its line.
  Importer again;
  const auto short_row =
      read_text(again, head + "\"R\",\"Reserved\",\"a,b\",\"hours\",\"1\",\"USD\",\"Compute\",\"x\"\n" + on_demand);
  REQUIRE_FALSE(short_row);
  CHECK(short_row.error()[0].code.id() == "price-list-shape");
  CHECK(short_row.error()[0].where.line == 5);
  // And a reserved row is bounded like any other.
  Importer limited(Limits{1000, 64});
  const auto long_row = read_text(limited, head + "\"R\",\"Reserved\",\"" + std::string(5000, 'a') +
                                               "\",\"h\",\"1\",\"USD\",\"C\",\"x\","
                                               "\"eu-west-1\"\n");
  REQUIRE_FALSE(long_row);
  CHECK(long_row.error()[0].code.id() == "price-list-too-long");
}

TEST_CASE("pricelist: skipped parts are read 64 bytes at a time, strings and escapes as strings, limits at their byte",
          "[pricelist]") {
  // Reserved terms are skipped by bit masks: brackets inside strings (with escaped quotes before them) must not count,
  // wherever the 64-byte chunks fall; a string or nesting over the limit is stopped at the byte that passes it.
  const std::string good_dims = dimension("A.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.0892000000");
  const std::string products = product("A", "Compute Instance", ec2_attributes("m7g.large", "Linux", "RunInstances"));
  for (std::size_t pad = 0; pad < 70; ++pad) {
    const std::string tricky = "{\"" + std::string(pad, 'p') + R"(" : "a } ] \" [ { \\", "b" : [ "}", {"c" : "]"} ]})";
    INFO("pad " << pad);
    Importer importer;
    const auto read = read_text(importer, offer("AmazonEC2", products, term("A", good_dims), tricky));
    REQUIRE(read);
    CHECK(read->prices == 1);
  }
  const Limits limits{100, 64};
  for (std::size_t length : {std::size_t{99}, std::size_t{100}, std::size_t{101}, std::size_t{300}}) {
    const std::string file = offer("AWSELB", "", "", "{\"x\" : \"" + std::string(length, 'a') + "\"}");
    INFO("a string of " << length << " bytes");
    Importer importer(limits);
    const auto read = read_text(importer, file);
    if (length <= 100) {
      CHECK(read);  // nothing the model uses, but read to its end
    } else {
      REQUIRE_FALSE(read);
      CHECK(read.error()[0].code.id() == "price-list-too-long");
      // The 101st byte after the opening quote, which is 6 bytes after the key's.
      CHECK(read.error()[0].where.column == static_cast<int>(file.find("\"x\" : \"") + 6 + 101) + 1);
    }
  }
  const std::string deep = offer("AWSELB", "", "", std::string(70, '[') + std::string(70, ']'));
  Importer importer;
  const auto read = read_text(importer, deep);
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "too-deep");
  // The bracket that passes 64 levels: the root, "terms" and the value's first bracket are three of them already,
  // so it is the 62nd bracket after the first.
  CHECK(read.error()[0].where.column == static_cast<int>(deep.find('[')) + 62 + 1);
}

TEST_CASE("pricelist: a tier that ends where it begins or before is not taken", "[pricelist]") {
  // Such a tier would be written as an overlay key that does not load (tier_to not above tier_from).
  const std::string attrs =
      R"("usagetype" : "EU-ApiGatewayHttpRequest", "operation" : "ApiGatewayHttpApi", "regionCode" : "eu-west-1")";
  const std::string dims = dimension("H.JRTCKXETXF.1", "Requests", "0.0000011100", "0", "300000000") + "," +
                           dimension("H.JRTCKXETXF.2", "Requests", "0.0000010000", "300000000", "15");
  Importer importer;
  const auto read = read_text(importer, offer("AmazonApiGateway", product("H", "API Calls", attrs), term("H", dims)));
  REQUIRE(read);
  CHECK(read->prices == 1);
  const auto prices = importer.regions().at("eu-west-1").prices;
  CHECK(prices.at("apigw.http.tier1").usd == Approx(1.11));
  CHECK(prices.at("apigw.http.tier2").usd == Approx(1.11));  // the one tier read, repeated: see its note
  CHECK_FALSE(prices.at("apigw.http.tier2").note.empty());
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

TEST_CASE(
    "pricelist: an escape that passes the string limit stops at its byte; a file whose only tier is inverted "
    "imports without it",
    "[pricelist]") {
  // 97 plain bytes, then \u00e9: the backslash is the 98th byte of the string, and the 101st is the escape's second
  // hex digit, where the reader must stop.
  const std::string file =
      offer("AmazonEC2", product("A", "Compute Instance", "\"vcpu\" : \"" + std::string(97, 'a') + "\\u00e9\""), "");
  Importer limited(Limits{100, 64});
  const auto read = read_text(limited, file);
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "price-list-too-long");
  CHECK(read.error()[0].where.column == static_cast<int>(file.find("\"vcpu\" : \"") + 9) + 101 + 1);
  // The slot of a price is only claimed with a tier it can hold: a lone inverted tier leaves none.
  const std::string attrs =
      R"("usagetype" : "EU-ApiGatewayHttpRequest", "operation" : "ApiGatewayHttpApi", "regionCode" : "eu-west-1")";
  Importer importer;
  const auto only =
      read_text(importer, offer("AmazonApiGateway", product("H", "API Calls", attrs),
                                term("H", dimension("H.JRTCKXETXF.1", "Requests", "0.0000011100", "300000000", "15"))));
  REQUIRE(only);
  CHECK(only->prices == 0);
  CHECK(importer.regions().empty());
}

TEST_CASE("pricelist: a read error in the middle of a file is unreadable-file, in JSON and CSV", "[pricelist]") {
  // A stream that gives the first bytes of a good file, then fails as a disk would.
  class FailingBuffer : public std::streambuf {
   public:
    explicit FailingBuffer(std::string text) : m_text(std::move(text)) {
      setg(m_text.data(), m_text.data(), m_text.data() + m_text.size());
    }

   protected:
    int_type underflow() override { throw std::ios_base::failure("read error"); }

   private:
    std::string m_text;
  };
  // Larger than the reader's 1 MiB block, so that the error comes in the first block or after it.
  std::string csv =
      "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2025-08-31T09:21:55Z\"\n\"OfferCode\",\"AmazonECS\"\n"
      "\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\",\"Product Family\",\"usageType\",\"Region Code\"\n";
  while (csv.size() < (std::size_t{3} << 20))
    csv += "\"K\",\"OnDemand\",\"hours\",\"0.04048\",\"Compute\",\"EU-Fargate-vCPU-Hours:perCPU\",\"eu-west-1\"\n";
  std::string reserved = "{\"R\" : [";
  while (reserved.size() < (std::size_t{3} << 20)) reserved += "\"" + std::string(100, 'r') + "\", ";
  reserved += "\"r\"]}";
  const std::string json =
      offer("AmazonEC2", product("A", "Compute Instance", ec2_attributes("m7g.large", "Linux", "RunInstances")), "",
            reserved);
  for (const std::string* text : {static_cast<const std::string*>(&csv), &json}) {
    for (const std::size_t cut : {std::size_t{100}, text->size() / 3, text->size() * 2 / 3, text->size() - 5}) {
      INFO(text->substr(0, 20) << " cut at " << cut);
      FailingBuffer buffer(text->substr(0, cut));
      std::istream in(&buffer);
      Importer importer;
      const auto read = importer.read(in, "f");
      REQUIRE_FALSE(read);
      CHECK(read.error()[0].code.id() == "unreadable-file");
    }
  }
}

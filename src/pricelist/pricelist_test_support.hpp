#pragma once
// Price List files written in AWS's layouts, piece by piece, for the pricelist module's tests.
#include <sstream>
#include <string>

#include "caas/pricelist/pricelist.hpp"

namespace caas::pricelist::test {

inline util::Result<FileSummary> read_text(Importer& importer, const std::string& text, const std::string& file = "f") {
  std::istringstream in(text);
  return importer.read(in, file);
}

// An offer file in AWS's own layout: metadata, products, then terms (OnDemand and Reserved).
inline std::string offer(const std::string& code, const std::string& products, const std::string& on_demand,
                         const std::string& reserved = "{}") {
  return R"({"formatVersion" : "v1.0", "disclaimer" : "d", "offerCode" : ")" + code +
         R"(", "version" : "20250101000000", "publicationDate" : "2025-01-02T03:04:05Z", "products" : {)" + products +
         R"(}, "terms" : {"OnDemand" : {)" + on_demand + R"(}, "Reserved" : )" + reserved +
         R"(}, "attributesList" : { }})";
}

inline std::string product(const std::string& sku, const std::string& family, const std::string& attributes) {
  return "\"" + sku + R"(" : {"sku" : ")" + sku + R"(", "productFamily" : ")" + family + R"(", "attributes" : {)" +
         attributes + "}}";
}

inline std::string term(const std::string& sku, const std::string& dims) {
  return "\"" + sku + R"(" : {")" + sku + R"(.JRTCKXETXF" : {"offerTermCode" : "JRTCKXETXF", "sku" : ")" + sku +
         R"(", "effectiveDate" : "2025-01-01T00:00:00Z", "priceDimensions" : {)" + dims +
         R"(}, "termAttributes" : { }}})";
}

inline std::string dimension(const std::string& rate, const std::string& unit, const std::string& usd,
                             const std::string& begin = "0", const std::string& end = "Inf") {
  return "\"" + rate + R"(" : {"rateCode" : ")" + rate + R"(", "description" : "x", "beginRange" : ")" + begin +
         R"(", "endRange" : ")" + end + R"(", "unit" : ")" + unit + R"(", "pricePerUnit" : {"USD" : ")" + usd +
         R"("}, "appliesTo" : [ ]})";
}

inline std::string ec2_attributes(const std::string& type, const std::string& os, const std::string& operation,
                                  const std::string& extra = R"("tenancy" : "Shared", "capacitystatus" : "Used")") {
  return R"("instanceType" : ")" + type +
         R"(", "vcpu" : "2", "memory" : "8 GiB", "physicalProcessor" : "AWS Graviton3 Processor", "operatingSystem" : ")" +
         os + R"(", "preInstalledSw" : "NA", "usagetype" : "EU-BoxUsage:)" + type + R"(", "operation" : ")" +
         operation + R"(", "regionCode" : "eu-west-1", "locationType" : "AWS Region", )" + extra;
}

// An API Gateway HTTP API offer file of eu-west-1 whose one product has these price dimensions.
inline std::string apigw_http_offer(const std::string& dims) {
  const std::string attrs =
      R"("usagetype" : "EU-ApiGatewayHttpRequest", "operation" : "ApiGatewayHttpApi", "regionCode" : "eu-west-1")";
  return offer("AmazonApiGateway", product("H", "API Calls", attrs), term("H", dims));
}

}  // namespace caas::pricelist::test

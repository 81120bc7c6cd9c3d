// Writes an AmazonEC2 offer file shaped like AWS's (index.json or index.csv of one region): the same metadata, product
// attributes, layout, and the mix that makes real files large — per instance type, products for every operating
// system, tenancy and capacity status, each with its on-demand term and twelve reserved terms. Used to measure
// `pricing import` on files of several gigabytes (bench/pricelist.sh); the prices are made up. Both forms hold the
// same products and terms.
//
//   generate_offer BYTES [json|csv] > FILE   (json by default)
// JSON: a product count sized for BYTES from the bytes a product takes, so about BYTES. CSV: at least BYTES, then the
// rest of the product being written.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

std::string sku_of(std::uint64_t n) {
  static const char k_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out(16, 'A');
  std::uint64_t x = n * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
  for (auto& c : out) {
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    c = k_alphabet[x % 32];
  }
  return out;
}

struct Variant {
  const char* os;
  const char* license;
  const char* operation;
  const char* tenancy;
  const char* usage;
  const char* capacity;
  const char* software;
};

// What a real file holds for each instance type (a subset of it).
const Variant k_variants[] = {
    {"Linux", "No License required", "RunInstances", "Shared", "BoxUsage", "Used", "NA"},
    {"Windows", "License Included", "RunInstances:0002", "Shared", "BoxUsage", "Used", "NA"},
    {"Windows", "Bring your own license", "RunInstances:0800", "Shared", "BoxUsage", "Used", "NA"},
    {"Windows", "License Included", "RunInstances:0202", "Shared", "BoxUsage", "Used", "SQL Web"},
    {"RHEL", "No License required", "RunInstances:0010", "Shared", "BoxUsage", "Used", "NA"},
    {"SUSE", "No License required", "RunInstances:000g", "Shared", "BoxUsage", "Used", "NA"},
    {"Linux", "No License required", "RunInstances", "Dedicated", "DedicatedUsage", "Used", "NA"},
    {"Linux", "No License required", "RunInstances", "Shared", "UnusedBox", "UnusedCapacityReservation", "NA"},
    {"Linux", "No License required", "RunInstances", "Shared", "Reservation", "AllocatedCapacityReservation", "NA"},
    {"Linux", "No License required", "RunInstances", "Host", "HostBoxUsage", "AllocatedHost", "NA"},
};
constexpr int k_variant_count = sizeof(k_variants) / sizeof(k_variants[0]);
const char* const k_families[] = {"m5", "m6i", "m7g", "c6i", "c7g", "r6i", "t3", "t4g", "g4dn", "x2idn"};
const char* const k_sizes[] = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"};

std::string type_of(std::uint64_t n) {
  const auto family = (n / 8) % 10;
  return std::string(k_families[family]) + (n >= 80 ? std::to_string(n / 80) : "") + "." + k_sizes[n % 8];
}

std::uint64_t g_bytes = 0;
void put(const std::string& s) {
  g_bytes += s.size();
  std::fwrite(s.data(), 1, s.size(), stdout);
}

// Product n: instance type n mod 800 (a real region sells about that many), and a variant that is Linux, then Windows,
// then the distractors over and over (real files hold some 60 variants of each type).
constexpr std::uint64_t k_types = 800;
struct Product {
  std::string sku;
  std::string type;
  const Variant* variant;
  std::string vcpu;
  std::string memory;  // GiB
  const char* processor;
};

Product product_of(std::uint64_t n) {
  const auto round = n / k_types;
  auto type = type_of(n % k_types);
  const bool graviton = type[0] == 'm' ? type[1] == '7' : type.find('g') == 2;
  return {sku_of(n),
          std::move(type),
          &k_variants[round < 2 ? round : 2 + (round - 2) % (k_variant_count - 2)],
          std::to_string(2u << (n % 8 / 2)),
          std::to_string(8u << (n % 8 / 2)),
          graviton ? "AWS Graviton3 Processor" : "Intel Xeon Platinum 8175"};
}

// The on-demand price per hour of product n.
std::string on_demand_usd(std::uint64_t n) { return "0." + std::to_string(100000000 + n % 900000000); }

void product(std::uint64_t n) {
  const auto p = product_of(n);
  const auto& v = *p.variant;
  const auto& type = p.type;
  const auto& sku = p.sku;
  put("    \"" + sku + "\" : {\n      \"sku\" : \"" + sku +
      "\",\n      \"productFamily\" : \"Compute Instance\",\n      \"attributes\" : {\n"
      "        \"servicecode\" : \"AmazonEC2\",\n        \"location\" : \"US East (Ohio)\",\n"
      "        \"locationType\" : \"AWS Region\",\n        \"instanceType\" : \"" +
      type +
      "\",\n        \"currentGeneration\" : \"Yes\",\n        \"instanceFamily\" : \"General purpose\",\n"
      "        \"vcpu\" : \"" +
      p.vcpu + "\",\n        \"physicalProcessor\" : \"" + p.processor +
      "\",\n        \"clockSpeed\" : \"3.1 GHz\",\n        \"memory\" : \"" + p.memory +
      " GiB\",\n        \"storage\" : \"EBS only\",\n        \"networkPerformance\" : \"Up to 10 Gigabit\",\n"
      "        \"processorArchitecture\" : \"64-bit\",\n        \"tenancy\" : \"" +
      v.tenancy + "\",\n        \"operatingSystem\" : \"" + v.os + "\",\n        \"licenseModel\" : \"" + v.license +
      "\",\n        \"usagetype\" : \"USE2-" + v.usage + ":" + type + "\",\n        \"operation\" : \"" + v.operation +
      "\",\n        \"availabilityzone\" : \"NA\",\n        \"capacitystatus\" : \"" + v.capacity +
      "\",\n        \"classicnetworkingsupport\" : \"false\",\n        \"dedicatedEbsThroughput\" : \"Up to 2120 "
      "Mbps\",\n"
      "        \"ecu\" : \"10\",\n        \"enhancedNetworkingSupported\" : \"Yes\",\n        \"gpuMemory\" : \"NA\",\n"
      "        \"intelAvxAvailable\" : \"Yes\",\n        \"intelAvx2Available\" : \"Yes\",\n"
      "        \"intelTurboAvailable\" : \"Yes\",\n        \"marketoption\" : \"OnDemand\",\n"
      "        \"normalizationSizeFactor\" : \"4\",\n        \"preInstalledSw\" : \"" +
      v.software +
      "\",\n        \"processorFeatures\" : \"Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo\",\n"
      "        \"regionCode\" : \"us-east-2\",\n        \"servicename\" : \"Amazon Elastic Compute Cloud\",\n"
      "        \"vpcnetworkingsupport\" : \"true\"\n      }\n    }");
}

void dimension(const std::string& sku, const char* term, const char* rate, const char* unit, const std::string& usd,
               bool ranges, const char* description) {
  put(std::string("            \"") + sku + "." + term + "." + rate + "\" : {\n              \"rateCode\" : \"" + sku +
      "." + term + "." + rate + "\",\n              \"description\" : \"" + description + "\",\n" +
      (ranges ? "              \"beginRange\" : \"0\",\n              \"endRange\" : \"Inf\",\n" : "") +
      "              \"unit\" : \"" + unit + "\",\n              \"pricePerUnit\" : {\n                \"USD\" : \"" +
      usd + "\"\n              },\n              \"appliesTo\" : [ ]\n            }");
}

void term(const std::string& sku, const char* code, const std::string& usd, const char* attributes, bool upfront) {
  put("      \"" + sku + "." + code + "\" : {\n        \"offerTermCode\" : \"" + code + "\",\n        \"sku\" : \"" +
      sku + "\",\n        \"effectiveDate\" : \"2025-09-01T00:00:00Z\",\n        \"priceDimensions\" : {\n");
  dimension(sku, code, "6YS6EN2CT7", "Hrs", usd, true, "$0.096 per On Demand Linux m5.large Instance Hour");
  if (upfront) {
    put(",\n");
    dimension(sku, code, "2TG2D8R56U", "Quantity", "294", false, "Upfront Fee");
  }
  put(std::string("\n        },\n        \"termAttributes\" : ") + attributes + "\n      }");
}

const char* const k_reserved[] = {"4NA7Y494T4", "CUZHX8X6JH", "HU7G6KETJZ", "MZU6U2429S", "NQ3QZPMQV9", "VJWZNREJX2",
                                  "38NPMPTW36", "6QCMYABX3D", "7NE97W5U4E", "BPH4J8HBKS", "R5XV2EPZQZ", "Z2E3P23VKM"};
constexpr int k_reserved_count = sizeof(k_reserved) / sizeof(k_reserved[0]);
// Every reserved term: its hourly price, and every third one (r % 3 == 1) an upfront fee too.
const char* const k_reserved_usd = "0.0600000000";
const char* const k_upfront_usd = "294";
bool has_upfront(int r) { return r % 3 == 1; }

std::uint64_t write_json(std::uint64_t target) {
  // About 2.1 KB of product and 11 KB of terms per product: size the product count for the target.
  const std::uint64_t products = target / 13200 + 1;
  put("{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"This pricing list is for informational purposes only. "
      "All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com.\",\n"
      "  \"offerCode\" : \"AmazonEC2\",\n  \"version\" : \"20250912225308\",\n"
      "  \"publicationDate\" : \"2025-09-12T22:53:08Z\",\n  \"products\" : {\n");
  for (std::uint64_t n = 0; n < products; ++n) {
    if (n) put(",\n");
    product(n);
  }
  put("\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n");
  for (std::uint64_t n = 0; n < products; ++n) {
    const auto sku = sku_of(n);
    put(std::string(n ? ",\n" : "") + "    \"" + sku + "\" : {\n");
    term(sku, "JRTCKXETXF", on_demand_usd(n), "{ }", false);
    put("\n    }");
  }
  put("\n    },\n    \"Reserved\" : {\n");
  for (std::uint64_t n = 0; n < products; ++n) {
    const auto sku = sku_of(n);
    put(std::string(n ? ",\n" : "") + "    \"" + sku + "\" : {\n");
    for (int r = 0; r < k_reserved_count; ++r) {
      if (r) put(",\n");
      term(sku, k_reserved[r], k_reserved_usd,
           "{\n          \"LeaseContractLength\" : \"1yr\",\n          \"OfferingClass\" : \"standard\",\n"
           "          \"PurchaseOption\" : \"Partial Upfront\"\n        }",
           has_upfront(r));
    }
    put("\n    }");
  }
  put("\n    }\n  },\n  \"attributesList\" : { }\n}\n");
  return products;
}

// index.csv: every field quoted, as AWS writes it; no field of this file holds a quote.
std::string quoted(std::string_view field) { return "\"" + std::string(field) + "\""; }

// The columns of a row from "Product Family" to the end: the same for every row of a product.
std::string csv_product_columns(const Product& p) {
  const auto& v = *p.variant;
  return "\"Compute Instance\",\"AmazonEC2\",\"US East (Ohio)\",\"AWS Region\"," + quoted(p.type) +
         ",\"Yes\",\"General purpose\"," + quoted(p.vcpu) + "," + quoted(p.processor) + ",\"3.1 GHz\"," +
         quoted(p.memory + " GiB") + ",\"EBS only\",\"Up to 10 Gigabit\",\"64-bit\",\"\",\"\",\"\"," +
         quoted(v.tenancy) + ",\"\"," + quoted(v.os) + "," + quoted(v.license) +
         ",\"\",\"\",\"\",\"\",\"\",\"\",\"\"," + quoted(std::string("USE2-") + v.usage + ":" + p.type) + "," +
         quoted(v.operation) + "," + quoted(v.capacity) + ",\"10\",\"\",\"NA\",\"OnDemand\"," + quoted(v.software) +
         ",\"us-east-2\",\"Amazon Elastic Compute Cloud\",\"\"\n";
}

// One row: a price dimension of one of the product's terms. `lease` is the three columns LeaseContractLength,
// PurchaseOption and OfferingClass (empty ones for on-demand).
void csv_row(const Product& p, const std::string& columns, const char* term_code, const char* rate, const char* type,
             const std::string& description, bool hourly, const std::string& usd, const char* lease) {
  put(quoted(p.sku) + "," + quoted(term_code) + "," + quoted(p.sku + "." + term_code + "." + rate) + "," +
      quoted(type) + "," + quoted(description) + ",\"2025-09-01T00:00:00Z\"," +
      (hourly ? "\"0\",\"Inf\",\"Hrs\"," : "\"\",\"\",\"Quantity\",") + quoted(usd) + ",\"USD\",\"\"," + lease + "," +
      columns);
}

std::uint64_t write_csv(std::uint64_t target) {
  put("\"FormatVersion\",\"v1.0\"\n"
      "\"Disclaimer\",\"This pricing list is for informational purposes only. All prices are subject to the additional "
      "terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject to the "
      "terms included at https://aws.amazon.com/free/\"\n"
      "\"Publication Date\",\"2025-09-12T22:53:08Z\"\n\"Version\",\"20250912225308\"\n\"OfferCode\",\"AmazonEC2\"\n"
      "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"EffectiveDate\",\"StartingRange\","
      "\"EndingRange\",\"Unit\",\"PricePerUnit\",\"Currency\",\"RelatedTo\",\"LeaseContractLength\",\"PurchaseOption\","
      "\"OfferingClass\",\"Product Family\",\"serviceCode\",\"Location\",\"Location Type\",\"Instance Type\","
      "\"Current Generation\",\"Instance Family\",\"vCPU\",\"Physical Processor\",\"Clock Speed\",\"Memory\","
      "\"Storage\",\"Network Performance\",\"Processor Architecture\",\"Storage Media\",\"Volume Type\","
      "\"Max Volume Size\",\"Tenancy\",\"EBS Optimized\",\"Operating System\",\"License Model\",\"Group\","
      "\"Group Description\",\"Transfer Type\",\"From Location\",\"From Location Type\",\"To Location\","
      "\"To Location Type\",\"usageType\",\"operation\",\"CapacityStatus\",\"ECU\",\"GPU\",\"GPU Memory\","
      "\"Marketoption\",\"Pre Installed S/W\",\"Region Code\",\"serviceName\",\"Volume API Name\"\n");
  // The rows of a product come together (one on-demand, twelve reserved hourly, four upfront fees: about 10.6 KB),
  // so the file ends after the product that reaches the target.
  std::uint64_t n = 0;
  for (; n == 0 || g_bytes < target; ++n) {
    const auto p = product_of(n);
    const auto columns = csv_product_columns(p);
    const std::string os = p.variant->os;
    const auto usd = on_demand_usd(n);
    csv_row(p, columns, "JRTCKXETXF", "6YS6EN2CT7", "OnDemand",
            "$" + usd.substr(0, 5) + " per On Demand " + os + " " + p.type + " Instance Hour", true, usd,
            "\"\",\"\",\"\"");
    const auto reserved =
        (os == "Linux" ? "Linux/UNIX" : os) + " (Amazon VPC), " + p.type + " reserved instance applied";
    for (int r = 0; r < k_reserved_count; ++r) {
      const char* const lease = "\"1yr\",\"Partial Upfront\",\"standard\"";
      csv_row(p, columns, k_reserved[r], "6YS6EN2CT7", "Reserved", reserved, true, k_reserved_usd, lease);
      if (has_upfront(r))
        csv_row(p, columns, k_reserved[r], "2TG2D8R56U", "Reserved", "Upfront Fee", false, k_upfront_usd, lease);
    }
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view format = argc == 3 ? argv[2] : "json";
  if ((argc != 2 && argc != 3) || (format != "json" && format != "csv")) {
    std::fputs("usage: generate_offer BYTES [json|csv] > FILE   (json by default)\n", stderr);
    return 2;
  }
  const auto target = std::strtoull(argv[1], nullptr, 10);
  const auto products = format == "csv" ? write_csv(target) : write_json(target);
  std::fprintf(stderr, "%llu products, %llu bytes\n", static_cast<unsigned long long>(products),
               static_cast<unsigned long long>(g_bytes));
  return 0;
}

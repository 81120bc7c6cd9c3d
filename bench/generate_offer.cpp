// Writes an AmazonEC2 offer file shaped like AWS's (index.json of one region): the same metadata, product attributes,
// layout, and the mix that makes real files large — per instance type, products for every operating system, tenancy
// and capacity status, each with its on-demand term and twelve reserved terms. Used to measure `pricing import` on
// files of several gigabytes (bench/pricelist.sh); the prices are made up.
//
//   generate_offer BYTES > index.json      (writes at least BYTES, then closes the JSON)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

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
void product(std::uint64_t n) {
  const auto round = n / k_types;
  const auto& v = k_variants[round < 2 ? round : 2 + (round - 2) % (k_variant_count - 2)];
  const auto type = type_of(n % k_types);
  const bool graviton = type[0] == 'm' ? type[1] == '7' : type.find('g') == 2;
  const auto sku = sku_of(n);
  put("    \"" + sku + "\" : {\n      \"sku\" : \"" + sku +
      "\",\n      \"productFamily\" : \"Compute Instance\",\n      \"attributes\" : {\n"
      "        \"servicecode\" : \"AmazonEC2\",\n        \"location\" : \"US East (Ohio)\",\n"
      "        \"locationType\" : \"AWS Region\",\n        \"instanceType\" : \"" +
      type +
      "\",\n        \"currentGeneration\" : \"Yes\",\n        \"instanceFamily\" : \"General purpose\",\n"
      "        \"vcpu\" : \"" +
      std::to_string(2u << (n % 8 / 2)) + "\",\n        \"physicalProcessor\" : \"" +
      (graviton ? "AWS Graviton3 Processor" : "Intel Xeon Platinum 8175") +
      "\",\n        \"clockSpeed\" : \"3.1 GHz\",\n        \"memory\" : \"" + std::to_string(8u << (n % 8 / 2)) +
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: generate_offer BYTES > index.json\n", stderr);
    return 2;
  }
  const auto target = std::strtoull(argv[1], nullptr, 10);
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
    term(sku, "JRTCKXETXF", "0." + std::to_string(100000000 + n % 900000000), "{ }", false);
    put("\n    }");
  }
  put("\n    },\n    \"Reserved\" : {\n");
  for (std::uint64_t n = 0; n < products; ++n) {
    const auto sku = sku_of(n);
    put(std::string(n ? ",\n" : "") + "    \"" + sku + "\" : {\n");
    for (int r = 0; r < 12; ++r) {
      if (r) put(",\n");
      term(sku, k_reserved[r], "0.0600000000",
           "{\n          \"LeaseContractLength\" : \"1yr\",\n          \"OfferingClass\" : \"standard\",\n"
           "          \"PurchaseOption\" : \"Partial Upfront\"\n        }",
           r % 3 == 1);
    }
    put("\n    }");
  }
  put("\n    }\n  },\n  \"attributesList\" : { }\n}\n");
  std::fprintf(stderr, "%llu products, %llu bytes\n", static_cast<unsigned long long>(products),
               static_cast<unsigned long long>(g_bytes));
  return 0;
}

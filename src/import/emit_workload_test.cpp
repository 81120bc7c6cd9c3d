#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace caas::import;
using namespace caas::import::test;

TEST_CASE("import output: values with where they came from, unknowns commented out", "[import]") {
  const auto result = import_text(R"(service: shop
provider: {name: aws, runtime: python3.12}
functions:
  resize:
    handler: h.resize
    timeout: 30
    memorySize: 1536MB
    events:
      - s3: photos
      - http: {path: /, method: post}
)",
                                  "serverless.yml");
  const auto yaml = to_workload_yaml(workload(result, "resize"), "serverless.yml");
  CHECK(yaml.find("apiVersion: caas-advisor/v1\nname: resize\nkind: function  # from serverless.yml:4 "
                  "functions.resize") != std::string::npos);
  CHECK(yaml.find("triggers:\n  - http  # from serverless.yml:10 functions.resize.events[1].http") !=
        std::string::npos);
  CHECK(yaml.find("  - s3  # from serverless.yml:9 functions.resize.events[0].s3") != std::string::npos);
  CHECK(yaml.find("  version: \"3.12\"") != std::string::npos);
  CHECK(yaml.find("execution:\n  duration:\n#     typical: 100ms  # fill in:") != std::string::npos);
  CHECK(yaml.find("    max: 30s  # from serverless.yml:6 functions.resize.timeout") != std::string::npos);
  CHECK(yaml.find("  memory: 1536MiB  # from serverless.yml:7 functions.resize.memorySize") != std::string::npos);
  CHECK(yaml.find("# traffic:\n#   pattern: steady  # fill in:") != std::string::npos);
}

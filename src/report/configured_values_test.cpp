#include "configured_values.hpp"

#include <catch2/catch.hpp>

namespace caas::report {
namespace {

model::Recommendation filled(const std::string& name, int line, const std::string& field) {
  model::Recommendation rec;
  rec.name = name;
  rec.assumptions.push_back({"execution.duration.max", "10m", "the cost model's own assumption"});
  rec.assumptions.push_back({field, "3M", "from the project configuration", ".caas-advisor.yaml", line, "api-*"});
  return rec;
}

TEST_CASE("configured values: counted once per line of the configuration, the first workload named",
          "[report][config]") {
  ConfiguredValues values;
  CHECK(values.empty());
  values.add(filled("api-b", 7, "traffic.requests_per_month"));
  values.add(filled("api-a", 7, "traffic.requests_per_month"));
  values.add(filled("api-c", 4, "traffic.peak_rps"));
  const auto all = values.values();
  REQUIRE(all.size() == 2);
  // By line: the cost model's own assumption is never one of them.
  CHECK(all[0].line == 4);
  CHECK(describe(all[0]) == "traffic.peak_rps = 3M for api-c (workloads 'api-*')");
  CHECK(all[1].filled == 2);
  CHECK(describe(all[1]) == "traffic.requests_per_month = 3M for 2 workloads (workloads 'api-*', first api-b)");
}

}  // namespace
}  // namespace caas::report

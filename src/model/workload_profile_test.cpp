#include <catch2/catch.hpp>

#include "caas/model/field_catalogue.hpp"
#include "caas/model/workload_profile.hpp"

using namespace caas::model;

TEST_CASE("catalogue: every path is unique and enumerations list their values", "[model]") {
  const auto& fields = field_catalogue();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    for (std::size_t j = i + 1; j < fields.size(); ++j) CHECK(fields[i].path != fields[j].path);
    if (fields[i].type == FieldType::enumeration || fields[i].type == FieldType::enum_list)
      CHECK_FALSE(fields[i].values.empty());
  }
  CHECK(find_field("execution.duration.max"));
  CHECK_FALSE(find_field("execution.duration"));
}

TEST_CASE("catalogue: keys under a section", "[model]") {
  auto top = keys_under("");
  CHECK(std::find(top.begin(), top.end(), "resources") != top.end());
  auto execution = keys_under("execution");
  CHECK(execution == std::vector<std::string_view>{"duration", "startup", "payload_max", "concurrency"});
  CHECK(keys_under("execution.duration") == std::vector<std::string_view>{"typical", "max"});
}

TEST_CASE("profile: defaults are applied and marked, duration.max follows typical", "[model]") {
  WorkloadProfile p;
  auto& typical = p.at("execution.duration.typical");
  typical.value = caas::util::Value::of_quantity(caas::util::Kind::duration, 30);
  typical.origin = Origin::written;
  typical.written = "30s";
  typical.line = 4;
  apply_defaults(p);
  CHECK(p.at("runtime.os").value.text == "linux");
  CHECK(p.at("runtime.os").origin == Origin::defaulted);
  CHECK(p.at("resources.gpu").value.number == 0);
  CHECK(p.at("cost.interruptible").value.kind == caas::util::Kind::boolean);
  CHECK(p.at("execution.duration.max").value.number == 30);
  CHECK(p.at("execution.duration.max").origin == Origin::derived);
  CHECK(p.at("execution.duration.max").line == 4);
  CHECK_FALSE(p.at("resources.memory").value.is_known());
}

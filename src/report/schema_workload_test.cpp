// The workload file's JSON Schema, generated from the field catalogue.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>

#include "caas/model/field_catalogue.hpp"
#include "caas/report/schemas.hpp"

using nlohmann::json;

namespace {

// The schema of a catalogue path: properties of each section in turn.
const json& at_path(const json& schema, std::string_view path) {
  const json* node = &schema;
  std::size_t start = 0;
  for (;;) {
    const auto dot = path.find('.', start);
    const std::string key(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (node->contains("anyOf")) node = &(*node)["anyOf"][1];
    node = &node->at("properties").at(key);
    if (dot == std::string_view::npos) return *node;
    start = dot + 1;
  }
}

bool matches(const json& field, const std::string& text) {
  return std::regex_search(text, std::regex(field.at("pattern").get<std::string>()));
}

}  // namespace

TEST_CASE("workload schema: every catalogue field is described, with its enum values", "[report][schema]") {
  const json schema = json::parse(caas::report::workload_schema());
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  for (const auto& field : caas::model::field_catalogue()) {
    INFO(field.path);
    const json& node = at_path(schema, field.path);
    CHECK(node["description"] == field.description);
    if (field.type == caas::model::FieldType::enumeration) {
      CHECK(node["enum"] == json(std::vector<std::string>(field.values.begin(), field.values.end())));
    }
  }
  CHECK(at_path(schema, "triggers")["items"]["enum"][0] == "http");
  CHECK(at_path(schema, "execution.concurrency")["minimum"] == 1);
  CHECK(at_path(schema, "execution.concurrency")["default"] == 1);
  CHECK(at_path(schema, "cost.interruptible")["default"] == false);
}

TEST_CASE("workload schema: name and kind are required, unknown keys refused, x- keys allowed", "[report][schema]") {
  const json schema = json::parse(caas::report::workload_schema());
  CHECK(schema["required"] == json({"name", "kind"}));
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["patternProperties"].contains("^x-"));
  CHECK(schema["properties"]["resources"]["additionalProperties"] == false);
  CHECK(schema["properties"]["resources"]["type"] == "object");
}

TEST_CASE("workload schema: quantity patterns accept what the parser accepts and nothing bare", "[report][schema]") {
  const json schema = json::parse(caas::report::workload_schema());
  const json& max = at_path(schema, "execution.duration.max");
  for (const std::string ok : {"30s", "1.5h", "150ms", "15min", "30 s", ".5h", "1e3ms"}) CHECK(matches(max, ok));
  for (const std::string bad : {"30", "30sec", "-1s", "s", "30S"}) CHECK_FALSE(matches(max, bad));
  const json& memory = at_path(schema, "resources.memory");
  for (const std::string ok : {"512MiB", "1GiB", "10Gi", "50MB"}) CHECK(matches(memory, ok));
  for (const std::string bad : {"512", "512mb", "1 gib"}) CHECK_FALSE(matches(memory, bad));
  const json& requests = at_path(schema, "traffic.requests_per_month");
  for (const std::string ok : {"3M", "250k", "1200", "5.2B"}) CHECK(matches(requests, ok));
  CHECK_FALSE(matches(requests, "3G"));
  CHECK(matches(at_path(schema, "resources.cpu"), "500m"));
}

TEST_CASE("workload schema: execution.duration is a duration or a map of typical and max", "[report][schema]") {
  const json schema = json::parse(caas::report::workload_schema());
  const json& duration = schema["properties"]["execution"]["properties"]["duration"];
  REQUIRE(duration["anyOf"].size() == 2);
  CHECK(duration["anyOf"][0]["type"] == "string");
  CHECK(duration["anyOf"][1]["properties"].contains("typical"));
  CHECK(duration["anyOf"][1]["properties"].contains("max"));
}

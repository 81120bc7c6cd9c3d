// `schema report` and `schema workload`, and every report and example checked against them.
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/json_schema_check.hpp"
#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json report_schema() { return json::parse(run_tool({"schema", "report"}).out); }
json workload_schema() { return json::parse(run_tool({"schema", "workload"}).out); }

std::vector<std::string> files_in(const std::string& folder, const std::string& extension) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(source_dir() + "/" + folder))
    if (entry.path().extension() == extension) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// YAML to JSON as a YAML 1.2 core-schema reader would see it: plain scalars may be null, booleans or numbers.
json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      json object = json::object();
      for (const auto& item : node) object[item.first.as<std::string>()] = to_json(item.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      json array = json::array();
      for (const auto& item : node) array.push_back(to_json(item));
      return array;
    }
    case YAML::NodeType::Scalar: {
      const auto& text = node.Scalar();
      if (node.Tag() != "?") return text;  // quoted
      if (text == "true" || text == "false") return text == "true";
      if (text == "null" || text == "~") return nullptr;
      if (std::regex_match(text, std::regex("[-+]?[0-9]+"))) return std::stoll(text);
      if (std::regex_match(text, std::regex("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")))
        return std::stod(text);
      return text;
    }
    default: return nullptr;
  }
}

json workload(const std::string& yaml) { return to_json(YAML::Load(yaml)); }

bool has_error_at(const std::vector<std::string>& errors, const std::string& pointer) {
  for (const auto& e : errors)
    if (e.rfind(pointer + ":", 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("schema: `schema report` prints the schema file in the repository, and it is valid JSON", "[e2e][schema]") {
  const auto run = run_tool({"schema", "report"});
  CHECK(run.exit_code == 0);
  CHECK(run.out == read_text(source_dir() + "/docs/schemas/report.schema.json"));
  const json schema = json::parse(run.out);
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema["properties"]["schema"]["const"] == "caas-advisor/report/v1");
}

TEST_CASE("schema: `schema workload` matches docs/schemas/workload.schema.json", "[e2e][schema]") {
  const auto run = run_tool({"schema", "workload"});
  CHECK(run.exit_code == 0);
  CHECK(json::parse(run.out)["required"] == json({"name", "kind"}));
  CHECK(compare_golden(source_dir() + "/docs/schemas/workload.schema.json", run.out).empty());
}

TEST_CASE("schema: an unknown schema name is exit 2", "[e2e][schema]") {
  CHECK(run_tool({"schema", "policy"}).exit_code == 2);
  CHECK(run_tool({"schema"}).exit_code == 2);
}

TEST_CASE("schema: every golden JSON report is valid against the report schema", "[e2e][schema]") {
  const json schema = report_schema();
  int reports = 0;
  for (const auto& path : files_in("tests/golden", ".json")) {
    const json report = json::parse(read_text(path));
    if (!report.is_object() || report.value("schema", "") != "caas-advisor/report/v1") continue;
    ++reports;
    INFO(path);
    const auto problems = check_json_schema(schema, report);
    CAPTURE(problems);
    CHECK(problems.empty());
  }
  CHECK(reports >= 20);
}

TEST_CASE("schema: reports of every command, with errors, skipped files and nothing feasible, are valid",
          "[e2e][schema]") {
  const json schema = report_schema();
  const std::vector<std::vector<std::string>> commands = {
      {"recommend", "examples", "tests/fixtures/batch", "-v"},
      {"check", "examples", "tests/fixtures/batch", "no/such/file.yaml"},
      {"validate", "examples", "tests/fixtures/batch"},
      {"recommend", "examples", "--rules", "tests/fixtures/bad-rules.yaml"},
      {"check", "examples", "--pricing", "tests/bad-inputs/pricing-not-a-map.yaml"},
  };
  for (auto args : commands) {
    args.insert(args.end(), {"-f", "json"});
    const auto run = run_tool(args);
    INFO(args[0] << "\n" << run.err);
    CHECK(run.exit_code == 2);
    const auto problems = check_json_schema(schema, json::parse(run.out));
    CAPTURE(problems);
    CHECK(problems.empty());
  }
}

TEST_CASE("schema: the report schema rejects reports that break the contract", "[e2e][schema]") {
  const json schema = report_schema();
  const json good = json::parse(read_text(source_dir() + "/tests/golden/photo-thumbnailer.json"));
  REQUIRE(check_json_schema(schema, good).empty());
  json missing = good;
  missing["results"][0].erase("findings");
  CHECK(has_error_at(check_json_schema(schema, missing), "/results/0"));
  json wrong_type = good;
  wrong_type["results"][0]["ranking"][0]["rank"] = "1";
  CHECK(has_error_at(check_json_schema(schema, wrong_type), "/results/0/ranking/0/rank"));
  json null_not_allowed = good;
  null_not_allowed["results"][0]["ranking"][0]["feasible"] = nullptr;
  CHECK(has_error_at(check_json_schema(schema, null_not_allowed), "/results/0/ranking/0/feasible"));
  json bad_version = good;
  bad_version["schema"] = "caas-advisor/report/v2";
  CHECK(has_error_at(check_json_schema(schema, bad_version), "/schema"));
  json zero_line = good;
  zero_line["results"][0]["ranking"][0]["reasons"][0]["line"] = 0;
  CHECK_FALSE(check_json_schema(schema, zero_line).empty());
  // More keys are welcome.
  json extra = good;
  extra["results"][0]["workload"]["team"] = "media";
  CHECK(check_json_schema(schema, extra).empty());
}

TEST_CASE("schema: every example workload is valid against the workload schema", "[e2e][schema]") {
  const json schema = workload_schema();
  const auto examples = files_in("examples", ".yaml");
  REQUIRE(examples.size() >= 15);
  for (const auto& path : examples) {
    INFO(path);
    const auto problems = check_json_schema(schema, to_json(YAML::LoadFile(path)));
    CAPTURE(problems);
    CHECK(problems.empty());
  }
}

TEST_CASE("schema: the workload schema refuses what the parser refuses", "[e2e][schema]") {
  const json schema = workload_schema();
  CHECK(check_json_schema(schema, workload("name: a\nkind: job\nx-team: data\nexecution: {duration: 2h}\n")).empty());
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\n")), "/"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\nkind: job\nresources: {memroy: 1GiB}\n")),
                     "/resources/memroy"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\nkind: job\nresources: {memory: 512}\n")),
                     "/resources/memory"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\nkind: cron\n")), "/kind"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\nkind: job\ncost: {interruptible: yes}\n")),
                     "/cost/interruptible"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a b\nkind: job\n")), "/name"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\nkind: job\nexecution: {duration: 30}\n")),
                     "/execution/duration"));
  CHECK(has_error_at(check_json_schema(schema, workload("name: a\nkind: job\nexecution: {concurrency: 0}\n")),
                     "/execution/concurrency"));
}

TEST_CASE("json schema check: refuses a schema keyword it does not implement", "[e2e][schema]") {
  const json schema = {{"type", "object"}, {"oneOf", json::array()}};
  const auto errors = check_json_schema(schema, json::object());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("'oneOf'") != std::string::npos);
}

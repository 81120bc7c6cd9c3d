#pragma once
// A small fake schema (a field of each kind) and environment for the condition language's tests.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "caas/rules/expr/expr.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::rules::expr {

enum FakeSlot : int {
  k_duration_max,
  k_startup,
  k_memory,
  k_requests,
  k_cpu,
  k_custom,
  k_pattern,
  k_kind,
  k_triggers,
  k_region,
};

inline const Schema& fake_schema() {
  using util::Kind;
  static const std::map<std::string, FieldType, std::less<>> k_fields = {
      {"execution.duration.max", {k_duration_max, Kind::duration, Kind::unknown, {}}},
      {"execution.startup", {k_startup, Kind::duration, Kind::unknown, {}}},
      {"resources.memory", {k_memory, Kind::size, Kind::unknown, {}}},
      {"traffic.requests_per_month", {k_requests, Kind::count, Kind::unknown, {}}},
      {"resources.cpu", {k_cpu, Kind::number, Kind::unknown, {}}},
      {"runtime.custom_environment", {k_custom, Kind::boolean, Kind::unknown, {}}},
      {"traffic.pattern",
       {k_pattern, Kind::string, Kind::unknown, {"steady", "diurnal", "spiky", "unpredictable", "scheduled", "rare"}}},
      {"kind", {k_kind, Kind::string, Kind::unknown, {"service", "worker", "job", "function"}}},
      {"triggers", {k_triggers, Kind::list, Kind::string, {"http", "s3", "sqs", "sns", "eventbridge", "schedule"}}},
      {"region", {k_region, Kind::string, Kind::unknown, {}}},
  };
  static const Schema k_schema = [] {
    Schema s;
    s.resolve = [](std::string_view path) -> std::optional<FieldType> {
      if (path.substr(0, 2) == "x." && path.size() > 2) return FieldType{};
      const auto found = k_fields.find(path);
      if (found == k_fields.end()) return std::nullopt;
      return found->second;
    };
    for (const auto& [path, type] : k_fields) s.paths.push_back(path);
    return s;
  }();
  return k_schema;
}

class FakeEnvironment final : public Environment {
 public:
  std::map<int, util::Value> fields;
  std::map<std::string, util::Value, std::less<>> extensions;

  const util::Value* field(int slot) const override {
    const auto found = fields.find(slot);
    return found == fields.end() ? nullptr : &found->second;
  }
  const util::Value* extension(std::string_view name) const override {
    const auto found = extensions.find(name);
    return found == extensions.end() ? nullptr : &found->second;
  }
};

inline util::Value strings(std::vector<std::string> words) {
  std::vector<util::Value> items;
  items.reserve(words.size());
  for (auto& word : words) items.push_back(util::Value::of_string(std::move(word)));
  return util::Value::of_list(std::move(items), util::Kind::string);
}

inline Expression must_compile(const std::string& text) {
  auto compiled = compile(text, fake_schema(), Origin{});
  if (!compiled) FAIL(text << ": " << util::format_diagnostic(compiled.error().front()));
  return std::move(*compiled);
}

inline util::Diagnostic compile_error(const std::string& text, const Origin& origin = {}) {
  auto compiled = compile(text, fake_schema(), origin);
  INFO(text);
  REQUIRE(!compiled);
  REQUIRE(compiled.error().size() == 1);
  return compiled.error().front();
}

inline std::string show(Truth truth) {
  return truth == Truth::true_ ? "true" : truth == Truth::false_ ? "false" : "unknown";
}

inline std::string run(const std::string& text, const Environment& env) {
  return show(must_compile(text).evaluate(env).truth);
}

}  // namespace caas::rules::expr

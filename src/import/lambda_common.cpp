// What Serverless, SAM and CloudFormation functions share: Lambda's runtimes, units and schedules.
#include <array>
#include <cmath>

#include "caas/util/text.hpp"
#include "mappers.hpp"
#include "units.hpp"

namespace caas::import {

namespace {

struct RuntimePrefix {
  std::string_view prefix;
  std::string_view language;
};

constexpr std::array<RuntimePrefix, 7> k_runtimes = {{
    {"python", "python"},
    {"nodejs", "nodejs"},
    {"java", "java"},
    {"dotnetcore", "dotnet"},
    {"dotnet", "dotnet"},
    {"ruby", "ruby"},
    {"go", "go"},
}};

}  // namespace

void set_lambda_runtime(WorkloadBuilder& builder, const SpecNode* value, const From& from) {
  const auto text = builder.scalar(value, from.path);
  if (!text) return;
  for (const auto& runtime : k_runtimes) {
    if (text->rfind(runtime.prefix, 0) != 0) continue;
    builder.set_text("runtime.language", std::string(runtime.language), from, "runtime " + *text);
    auto version = text->substr(runtime.prefix.size());
    if (const auto dot_x = version.find(".x"); dot_x != std::string::npos && runtime.language == "nodejs")
      version = version.substr(0, dot_x);
    if (const auto al2 = version.find(".al2"); al2 != std::string::npos) version = version.substr(0, al2);
    if (!version.empty()) builder.set_text("runtime.version", version, from, "runtime " + *text);
    return;
  }
  // provided, provided.al2, provided.al2023: a custom runtime (Go, Rust, C++...); the language is not in the file.
}

void set_lambda_memory(WorkloadBuilder& builder, const SpecNode* value, const From& from) {
  const auto text = builder.scalar(value, from.path);
  if (!text) return;
  const auto bytes = lambda_megabytes(*text);
  if (!bytes || *bytes <= 0) {
    builder.warn("unreadable-value", from.path + " is '" + *text + "', not a size in MB; left unknown", value);
    return;
  }
  const bool has_unit = text->find("MB") != std::string::npos;
  builder.set("resources.memory", util::Value::of_quantity(util::Kind::size, *bytes), from,
              *text + (has_unit ? "" : " MB") + " (Lambda's MB are MiB)");
}

void set_lambda_timeout(WorkloadBuilder& builder, const SpecNode* value, const From& from) {
  const auto text = builder.scalar(value, from.path);
  if (!text) return;
  const auto seconds = plain_seconds(*text);
  if (!seconds || *seconds <= 0) {
    builder.warn("unreadable-value", from.path + " is '" + *text + "', not a number of seconds; left unknown", value);
    return;
  }
  builder.set("execution.duration.max", util::Value::of_quantity(util::Kind::duration, *seconds), from,
              "timeout " + *text + " s: the longest an invocation may run; the typical duration is not in the file");
}

void set_lambda_architecture(WorkloadBuilder& builder, const SpecNode* value, const From& from) {
  const SpecNode* item = value;
  if (value && value->is_sequence()) {
    if (value->items.size() != 1) return;
    item = &value->items.front();
  }
  const auto text = builder.scalar(item, from.path);
  if (!text) return;
  if (*text == "arm64")
    builder.set_text("resources.architecture", "arm64", from);
  else if (*text == "x86_64")
    builder.set_text("resources.architecture", "x86_64", from);
  else
    builder.warn("unreadable-value", from.path + " is '" + *text + "', not arm64 or x86_64; left unknown", item);
}

std::optional<double> add_schedule(WorkloadBuilder& builder, const SpecNode* value, const From& from) {
  builder.add_trigger("schedule", from);
  const auto text = builder.scalar(value, from.path);
  if (!text) return std::nullopt;
  const auto runs = runs_per_month(*text);
  if (!runs)
    builder.warn("unreadable-schedule",
                 "the schedule '" + *text +
                     "' is not a rate(...) or cron(...) expression this tool reads; runs per "
                     "month left unknown",
                 value);
  return runs;
}

void set_function_kind(WorkloadBuilder& builder, const From& from, double scheduled_runs, bool only_schedules,
                       std::string_view what) {
  if (only_schedules) {
    builder.set_text("kind", "job", from,
                     std::string(what) + " started only by a schedule: each run is a job run to completion");
    builder.derive("traffic.pattern", util::Value::of_string("scheduled"), from, "started by a schedule");
    if (scheduled_runs <= 0) return;
    const auto runs = whole_runs(scheduled_runs);
    builder.derive("traffic.runs_per_month", util::Value::of_quantity(util::Kind::count, runs), from,
                   "from the schedule: about " + util::format_number(runs) + " runs in a 730-hour month");
    return;
  }
  builder.set_text("kind", "function", from, std::string(what));
}

}  // namespace caas::import

// Serverless Framework files (serverless.yml): each function is a workload on Lambda; provider-level settings are
// the functions' defaults; events are triggers.
#include <array>

#include "mappers.hpp"
#include "units.hpp"

namespace caas::import {

namespace {

struct EventTrigger {
  std::string_view event;
  std::string_view trigger;
};

constexpr std::array<EventTrigger, 20> k_events = {{
    {"http", "http"},
    {"httpApi", "http"},
    {"alb", "http"},
    {"websocket", "websocket"},
    {"s3", "s3"},
    {"existingS3", "s3"},
    {"sqs", "sqs"},
    {"sns", "sns"},
    {"schedule", "schedule"},
    {"eventBridge", "eventbridge"},
    {"cloudwatchEvent", "eventbridge"},
    {"kafka", "kafka"},
    {"msk", "kafka"},
    {"stream", "stream"},
    {"alexaSkill", "other"},
    {"alexaSmartHome", "other"},
    {"iot", "other"},
    {"cloudwatchLog", "other"},
    {"cognitoUserPool", "other"},
    {"activemq", "other"},
}};

// A stream event is DynamoDB's or Kinesis': its `type`, or the service named in its ARN.
std::string_view stream_trigger(const SpecNode& event) {
  const SpecNode* arn = &event;
  if (event.is_map()) {
    const auto type = event.text_at("type");
    if (type == "dynamodb") return "dynamodb-stream";
    if (type == "kinesis") return "kinesis";
    arn = event.get("arn");
  }
  if (arn && arn->is_scalar()) {
    if (arn->text.find(":dynamodb:") != std::string::npos) return "dynamodb-stream";
    if (arn->text.find(":kinesis:") != std::string::npos) return "kinesis";
  }
  if (arn && arn->is_map()) {
    const auto text = referenced_resource(*arn);
    if (text.find("Dynamo") != std::string::npos || text.find("Table") != std::string::npos) return "dynamodb-stream";
  }
  return "other";
}

// The schedule expressions of a schedule event: `schedule: rate(1 hour)`, or `{rate: [...]}`/`{rate: ...}`.
std::vector<const SpecNode*> schedule_expressions(const SpecNode& value) {
  std::vector<const SpecNode*> out;
  const SpecNode* rate = value.is_map() ? value.get("rate") : &value;
  if (!rate) return out;
  if (rate->is_sequence()) {
    for (const auto& item : rate->items) out.push_back(&item);
  } else {
    out.push_back(rate);
  }
  return out;
}

struct FunctionContext {
  const SpecNode* provider = nullptr;
  bool on_aws = true;
};

void map_events(const SpecNode& events, WorkloadBuilder& builder, const std::string& path, double& runs,
                bool& only_schedules) {
  bool any = false;
  for (std::size_t i = 0; i < events.items.size(); ++i) {
    const auto& event = events.items[i];
    if (!event.is_map() || event.entries.empty()) continue;
    const auto& key = event.entries.front().first;
    const auto& value = event.entries.front().second;
    const auto event_path = path + "[" + std::to_string(i) + "]." + key.text;
    const From from{&key, event_path};
    const auto* known = [&]() -> const EventTrigger* {
      for (const auto& e : k_events)
        if (e.event == key.text) return &e;
      return nullptr;
    }();
    any = true;
    if (!known) {
      builder.add_trigger("other", from, "event '" + key.text + "'");
      only_schedules = false;
      continue;
    }
    if (known->trigger == "schedule") {
      for (const auto* expression : schedule_expressions(value))
        if (const auto r = add_schedule(builder, expression, from)) runs += *r;
      continue;
    }
    only_schedules = false;
    if (known->trigger == "stream")
      builder.add_trigger(stream_trigger(value), from);
    else
      builder.add_trigger(known->trigger, from);
  }
  if (!any) only_schedules = false;
}

void map_function(const SpecEntry& function, const FunctionContext& context, const SourceFile& source,
                  ImportResult& result) {
  const auto& key = function.first;
  const auto& def = function.second;
  WorkloadBuilder builder(source, key.text, key);
  const std::string path = "functions." + key.text;
  if (!def.is_map()) {
    builder.error("not-a-mapping", "the function '" + key.text + "' is not a map of settings", &def);
    builder.finish_into(result);
    return;
  }
  // A function's own setting, else the provider's.
  auto setting = [&](std::string_view name) -> std::pair<const SpecEntry*, std::string> {
    if (const auto* own = def.entry(name)) return {own, join_path(path, name)};
    if (context.provider && context.provider->is_map())
      if (const auto* shared = context.provider->entry(name)) return {shared, join_path("provider", name)};
    return {nullptr, {}};
  };
  if (context.on_aws)
    builder.set_text("runs_on", "lambda", {&key, path}, "a Serverless Framework function on AWS");
  else
    builder.warn("not-aws", "the provider is not AWS, so where this function runs today is left unknown",
                 context.provider);
  if (const auto [e, p] = setting("memorySize"); e) set_lambda_memory(builder, &e->second, {&e->first, p});
  if (const auto [e, p] = setting("timeout"); e) set_lambda_timeout(builder, &e->second, {&e->first, p});
  if (const auto [e, p] = setting("runtime"); e) set_lambda_runtime(builder, &e->second, {&e->first, p});
  if (const auto [e, p] = setting("architecture"); e) set_lambda_architecture(builder, &e->second, {&e->first, p});
  if (const auto* e = def.entry("ephemeralStorageSize")) {
    if (const auto text = builder.scalar(&e->second, path + ".ephemeralStorageSize"))
      if (const auto bytes = lambda_megabytes(*text))
        builder.set("resources.ephemeral_storage", util::Value::of_quantity(util::Kind::size, *bytes),
                    {&e->first, path + ".ephemeralStorageSize"}, *text + " MB (MiB)");
  }
  if (const auto* e = def.entry("image")) {
    builder.set_text("package.type", "image", {&e->first, path + ".image"}, "a container image function");
  } else if (const auto* handler = def.entry("handler")) {
    builder.set_text("package.type", "zip", {&handler->first, path + ".handler"},
                     "a handler without an image: a zip package");
  }
  if (const auto* url = def.entry("url")) builder.add_trigger("http", {&url->first, path + ".url"}, "a function URL");
  double runs = 0;
  bool only_schedules = true;
  if (const auto* events = def.get("events"); events && events->is_sequence())
    map_events(*events, builder, path + ".events", runs, only_schedules);
  else
    only_schedules = false;
  set_function_kind(builder, {&key, path}, runs, only_schedules, "a Serverless Framework function");
  builder.finish_into(result);
}

}  // namespace

bool detect_serverless(const std::vector<SpecDocument>& documents) {
  if (documents.empty() || !documents.front().root.is_map()) return false;
  const auto& root = documents.front().root;
  return root.get("service") && (root.get("provider") || root.get("functions"));
}

void map_serverless(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result) {
  auto& root = documents.front().root;
  resolve_serverless_variables(root);
  FunctionContext context;
  context.provider = root.get("provider");
  if (context.provider && context.provider->is_map()) {
    const auto name = context.provider->text_at("name");
    context.on_aws = name.empty() || name == "aws";
  } else if (context.provider && context.provider->is_scalar()) {
    context.on_aws = context.provider->text == "aws";
  }
  const auto* functions = root.entry("functions");
  if (!functions) return;
  const auto& value = functions->second;
  if (!value.unresolved.empty() || (value.is_scalar() && !value.text.empty())) {
    auto d =
        util::make_error("unresolved-functions",
                         "the functions are given by " + (value.unresolved.empty() ? value.text : value.unresolved) +
                             ", which is not read; import the file that defines them",
                         {source.name, functions->first.line, functions->first.column}, source.text);
    result.errors.push_back(std::move(d));
    return;
  }
  if (value.is_map()) {
    for (const auto& function : value.entries) map_function(function, context, source, result);
  } else if (value.is_sequence()) {
    // `functions:` as a list of single-function maps (or of ${file(...)} includes).
    for (const auto& item : value.items) {
      if (item.is_map()) {
        for (const auto& function : item.entries) map_function(function, context, source, result);
      } else if (!item.unresolved.empty()) {
        result.errors.push_back(util::make_error("unresolved-functions",
                                                 "functions are given by " + item.unresolved + ", which is not read",
                                                 {source.name, item.line, item.column}, source.text));
      }
    }
  }
}

}  // namespace caas::import

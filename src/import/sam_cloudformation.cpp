// SAM and CloudFormation templates: AWS::Serverless::Function (with Globals.Function merged in) and
// AWS::Lambda::Function as functions on Lambda, AWS::ECS::TaskDefinition as services. Triggers come from a SAM
// function's Events, or from the resources that point at a function (event source mappings, permissions, rules, URLs).
#include <array>
#include <map>

#include "caas/util/suggest.hpp"
#include "mappers.hpp"
#include "units.hpp"

namespace caas::import {

namespace {

struct EventTrigger {
  std::string_view type;
  std::string_view trigger;
};

constexpr std::array<EventTrigger, 19> k_sam_events = {{
    {"Api", "http"},
    {"HttpApi", "http"},
    {"S3", "s3"},
    {"SQS", "sqs"},
    {"SNS", "sns"},
    {"Schedule", "schedule"},
    {"ScheduleV2", "schedule"},
    {"DynamoDB", "dynamodb-stream"},
    {"Kinesis", "kinesis"},
    {"EventBridgeRule", "eventbridge"},
    {"CloudWatchEvent", "eventbridge"},
    {"MSK", "kafka"},
    {"SelfManagedKafka", "kafka"},
    {"MQ", "other"},
    {"CloudWatchLogs", "other"},
    {"Cognito", "other"},
    {"AlexaSkill", "other"},
    {"IoTRule", "other"},
    {"DocumentDB", "other"},
}};

// A trigger found on another resource that points at a function.
struct ExternalTrigger {
  std::string trigger;
  const SpecNode* key;
  std::string path;
  const SpecNode* schedule = nullptr;
};

using Resources = const SpecNode&;

std::string type_of(const SpecNode& resource) { return resource.is_map() ? resource.text_at("Type") : std::string{}; }

std::string_view trigger_of_source(const SpecNode& arn, Resources resources) {
  const auto target = referenced_resource(arn);
  if (!target.empty()) {
    const auto* resource = resources.get(target);
    const auto type = resource ? type_of(*resource) : std::string{};
    if (type == "AWS::SQS::Queue") return "sqs";
    if (type == "AWS::DynamoDB::Table") return "dynamodb-stream";
    if (type == "AWS::Kinesis::Stream") return "kinesis";
    if (type == "AWS::MSK::Cluster") return "kafka";
    return "other";
  }
  const auto& text = arn.text;
  if (text.find(":sqs:") != std::string::npos) return "sqs";
  if (text.find(":dynamodb:") != std::string::npos) return "dynamodb-stream";
  if (text.find(":kinesis:") != std::string::npos) return "kinesis";
  if (text.find(":kafka:") != std::string::npos) return "kafka";
  return "other";
}

std::string_view trigger_of_principal(std::string_view principal) {
  if (principal.rfind("apigateway.", 0) == 0 || principal.rfind("elasticloadbalancing.", 0) == 0) return "http";
  if (principal.rfind("s3.", 0) == 0) return "s3";
  if (principal.rfind("sns.", 0) == 0) return "sns";
  if (principal.rfind("events.", 0) == 0) return "eventbridge";
  return "other";
}

// Every trigger that other resources give each function, by the function's logical id.
std::map<std::string, std::vector<ExternalTrigger>> external_triggers(Resources resources) {
  std::map<std::string, std::vector<ExternalTrigger>> out;
  for (const auto& [key, resource] : resources.entries) {
    const auto type = type_of(resource);
    const auto* properties = resource.is_map() ? resource.get("Properties") : nullptr;
    if (!properties || !properties->is_map()) continue;
    const std::string base = "Resources." + key.text + ".Properties";
    auto function_at = [&](std::string_view name) {
      const auto* node = properties->get(name);
      return node ? referenced_resource(*node) : std::string{};
    };
    if (type == "AWS::Lambda::EventSourceMapping") {
      const auto* source = properties->entry("EventSourceArn");
      if (source)
        out[function_at("FunctionName")].push_back(
            {std::string(trigger_of_source(source->second, resources)), &source->first, base + ".EventSourceArn"});
      else if (const auto* self_managed = properties->entry("SelfManagedEventSource"))
        out[function_at("FunctionName")].push_back({"kafka", &self_managed->first, base + ".SelfManagedEventSource"});
    } else if (type == "AWS::Lambda::Permission") {
      if (const auto* principal = properties->entry("Principal"); principal && principal->second.is_scalar())
        out[function_at("FunctionName")].push_back(
            {std::string(trigger_of_principal(principal->second.text)), &principal->first, base + ".Principal"});
    } else if (type == "AWS::Lambda::Url") {
      out[function_at("TargetFunctionArn")].push_back({"http", &key, "Resources." + key.text});
    } else if (type == "AWS::Events::Rule") {
      const auto* schedule = properties->entry("ScheduleExpression");
      const auto* targets = properties->get("Targets");
      if (!targets || !targets->is_sequence()) continue;
      for (const auto& target : targets->items) {
        const auto* arn = target.is_map() ? target.get("Arn") : nullptr;
        if (!arn) continue;
        if (schedule)
          out[referenced_resource(*arn)].push_back(
              {"schedule", &schedule->first, base + ".ScheduleExpression", &schedule->second});
        else
          out[referenced_resource(*arn)].push_back({"eventbridge", &key, "Resources." + key.text});
      }
    }
  }
  return out;
}

// A SAM function's events: triggers, schedules, and the errors SAM itself would report.
void map_sam_events(const SpecNode& events, WorkloadBuilder& builder, const std::string& path, double& runs,
                    bool& only_schedules) {
  std::vector<std::string_view> names;
  names.reserve(std::size(k_sam_events));
  for (const auto& e : k_sam_events) names.push_back(e.type);
  bool any = false;
  for (const auto& [key, event] : events.entries) {
    const auto event_path = path + "." + key.text;
    const auto* type = event.is_map() ? event.entry("Type") : nullptr;
    if (!type) {
      builder.error("event-without-type", "the event '" + key.text + "' has no Type", &key);
      continue;
    }
    const auto type_text = builder.scalar(&type->second, event_path + ".Type");
    if (!type_text) continue;
    const EventTrigger* known = nullptr;
    for (const auto& e : k_sam_events)
      if (e.type == *type_text) known = &e;
    if (!known) {
      auto message = "the event '" + key.text + "' has the unknown Type '" + *type_text + "'";
      if (const auto guess = util::did_you_mean(*type_text, names)) message += "; did you mean '" + *guess + "'?";
      builder.error("unknown-event-type", std::move(message), &type->second);
      continue;
    }
    any = true;
    const From from{&type->first, event_path + ".Type"};
    const auto* properties = event.get("Properties");
    if (known->trigger != "schedule") {
      only_schedules = false;
      builder.add_trigger(known->trigger, from, "event " + key.text + " of Type " + *type_text);
      continue;
    }
    if (properties && properties->get("State") && properties->get("Enabled")) {
      builder.error("schedule-state-and-enabled",
                    "the schedule event '" + key.text + "' sets both State and Enabled; SAM accepts only one",
                    properties->get("Enabled"));
      continue;
    }
    const auto* expression = properties ? properties->entry("Schedule") : nullptr;
    if (expression) {
      if (const auto r =
              add_schedule(builder, &expression->second, {&expression->first, event_path + ".Properties.Schedule"}))
        runs += *r;
    } else {
      builder.add_trigger("schedule", from);
    }
  }
  if (!any) only_schedules = false;
}

struct Template {
  const SpecNode& resources;
  const SpecNode* globals = nullptr;  // Globals.Function
  std::map<std::string, std::vector<ExternalTrigger>> triggers;
};

void add_external_triggers(const Template& t, const std::string& id, WorkloadBuilder& builder, double& runs,
                           bool& only_schedules, bool& any) {
  const auto found = t.triggers.find(id);
  if (found == t.triggers.end()) return;
  for (const auto& trigger : found->second) {
    any = true;
    const From from{trigger.key, trigger.path};
    if (trigger.trigger == "schedule") {
      if (const auto r = add_schedule(builder, trigger.schedule, from)) runs += *r;
      continue;
    }
    only_schedules = false;
    builder.add_trigger(trigger.trigger, from);
  }
}

void map_function(const Template& t, const SpecEntry& resource, bool serverless, const SourceFile& source,
                  ImportResult& result) {
  const auto& [key, value] = resource;
  WorkloadBuilder builder(source, key.text, key);
  const std::string base = "Resources." + key.text + ".Properties";
  static const SpecNode k_empty = SpecNode::of(NodeKind::map);
  const auto* props_node = value.get("Properties");
  const SpecNode& properties = props_node && props_node->is_map() ? *props_node : k_empty;
  // A property of the function, else of Globals.Function (SAM only).
  auto property = [&](std::string_view name) -> std::pair<const SpecEntry*, std::string> {
    if (const auto* own = properties.entry(name)) return {own, join_path(base, name)};
    if (serverless && t.globals && t.globals->is_map())
      if (const auto* shared = t.globals->entry(name)) return {shared, join_path("Globals.Function", name)};
    return {nullptr, {}};
  };
  const auto what = serverless ? std::string("an AWS::Serverless::Function") : std::string("an AWS::Lambda::Function");
  builder.set_text("runs_on", "lambda", {&key, "Resources." + key.text}, what + " runs on Lambda");
  if (const auto [e, p] = property("MemorySize"); e) set_lambda_memory(builder, &e->second, {&e->first, p});
  if (const auto [e, p] = property("Timeout"); e) set_lambda_timeout(builder, &e->second, {&e->first, p});
  const auto [runtime, runtime_path] = property("Runtime");
  if (runtime) set_lambda_runtime(builder, &runtime->second, {&runtime->first, runtime_path});
  if (const auto [e, p] = property("Architectures"); e) set_lambda_architecture(builder, &e->second, {&e->first, p});
  if (const auto [e, p] = property("EphemeralStorage"); e && e->second.is_map()) {
    if (const auto* size = e->second.entry("Size"))
      if (const auto text = builder.scalar(&size->second, p + ".Size"))
        if (const auto bytes = lambda_megabytes(*text))
          builder.set("resources.ephemeral_storage", util::Value::of_quantity(util::Kind::size, *bytes),
                      {&size->first, p + ".Size"}, *text + " MB (MiB)");
  }
  const auto [package_type, package_path] = property("PackageType");
  const auto [image_uri, image_path] = property(serverless ? "ImageUri" : "Code");
  const bool code_is_image =
      !serverless && image_uri && image_uri->second.is_map() && image_uri->second.get("ImageUri");
  if (package_type && package_type->second.is_scalar() && package_type->second.text == "Image") {
    builder.set_text("package.type", "image", {&package_type->first, package_path});
  } else if ((serverless && image_uri) || code_is_image) {
    builder.set_text("package.type", "image", {&image_uri->first, image_path});
  } else if (runtime) {
    builder.set_text("package.type", "zip", {&runtime->first, runtime_path}, "a runtime and code: a zip package");
  } else if (!package_type) {
    builder.error("function-without-runtime",
                  "the function '" + key.text +
                      "' has neither a Runtime nor PackageType: Image, so Lambda cannot run "
                      "its code",
                  &key);
  }
  double runs = 0;
  bool only_schedules = true;
  bool any = false;
  if (serverless) {
    if (const auto* events = properties.get("Events"); events && events->is_map() && !events->entries.empty()) {
      map_sam_events(*events, builder, base + ".Events", runs, only_schedules);
      any = true;
    }
    if (const auto [e, p] = property("FunctionUrlConfig"); e) {
      builder.add_trigger("http", {&e->first, p}, "a function URL");
      only_schedules = false;
    }
  }
  add_external_triggers(t, key.text, builder, runs, only_schedules, any);
  set_function_kind(builder, {&key, "Resources." + key.text}, runs, only_schedules && any, what);
  builder.finish_into(result);
}

void map_task_definition(const Template& t, const SpecEntry& resource, const SourceFile& source, ImportResult& result) {
  const auto& [key, value] = resource;
  WorkloadBuilder builder(source, key.text, key);
  const std::string base = "Resources." + key.text + ".Properties";
  // Where it runs: an AWS::ECS::Service of this template that runs this task definition says so.
  for (const auto& [service_key, service] : t.resources.entries) {
    if (type_of(service) != "AWS::ECS::Service") continue;
    const auto* properties = service.get("Properties");
    if (!properties || !properties->is_map()) continue;
    const auto* task = properties->get("TaskDefinition");
    const auto* launch = properties->entry("LaunchType");
    if (task && launch && referenced_resource(*task) == key.text)
      set_ecs_runs_on(builder, launch->second,
                      {&launch->first, "Resources." + service_key.text + ".Properties.LaunchType"});
  }
  if (const auto* properties = value.get("Properties"); properties && properties->is_map())
    map_ecs_task(*properties, builder, base);
  builder.set_text("kind", "service", {&key, "Resources." + key.text},
                   "an ECS task definition: long-running containers");
  builder.finish_into(result);
}

}  // namespace

bool detect_sam(const std::vector<SpecDocument>& documents) {
  if (documents.empty() || !documents.front().root.is_map()) return false;
  const auto& root = documents.front().root;
  if (const auto* transform = root.get("Transform")) {
    if (transform->is_scalar() && transform->text.rfind("AWS::Serverless", 0) == 0) return true;
    for (const auto& item : transform->items)
      if (item.is_scalar() && item.text.rfind("AWS::Serverless", 0) == 0) return true;
  }
  const auto* resources = root.get("Resources");
  if (!resources || !resources->is_map()) return false;
  for (const auto& [key, resource] : resources->entries)
    if (type_of(resource).rfind("AWS::Serverless::", 0) == 0) return true;
  return false;
}

bool detect_cloudformation(const std::vector<SpecDocument>& documents) {
  if (documents.empty() || !documents.front().root.is_map()) return false;
  const auto& root = documents.front().root;
  if (root.get("AWSTemplateFormatVersion")) return true;
  const auto* resources = root.get("Resources");
  if (!resources || !resources->is_map() || resources->entries.empty()) return false;
  for (const auto& [key, resource] : resources->entries)
    if (!resource.is_map() || !resource.get("Type")) return false;
  return true;
}

void map_cloudformation(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result) {
  auto& root = documents.front().root;
  resolve_parameter_refs(root);
  const auto* resources = root.get("Resources");
  if (!resources || !resources->is_map()) return;
  const auto* globals = root.get("Globals");
  Template t{*resources, globals && globals->is_map() ? globals->get("Function") : nullptr,
             external_triggers(*resources)};
  for (const auto& resource : resources->entries) {
    const auto& [key, value] = resource;
    const auto* type = value.is_map() ? value.get("Type") : nullptr;
    if (type && !type->is_scalar()) {
      auto problem = util::wrong_type("Resources." + key.text + ".Type",
                                      "a resource type name such as AWS::Lambda::Function", shape_of(*type));
      result.errors.push_back(util::make_error(problem.code, std::move(problem.message),
                                               {source.name, type->line, type->column}, source.text));
      continue;
    }
    const auto type_text = type ? type->text : std::string{};
    if (type_text == "AWS::Serverless::Function")
      map_function(t, resource, true, source, result);
    else if (type_text == "AWS::Lambda::Function")
      map_function(t, resource, false, source, result);
    else if (type_text == "AWS::ECS::TaskDefinition")
      map_task_definition(t, resource, source, result);
    else if (!type_text.empty())
      result.not_workloads.push_back(type_text);
  }
}

}  // namespace caas::import

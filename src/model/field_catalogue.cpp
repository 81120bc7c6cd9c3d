#include "caas/model/field_catalogue.hpp"

#include <algorithm>

namespace caas::model {

util::Kind kind_of(FieldType type) {
  switch (type) {
    case FieldType::text:
    case FieldType::name:
    case FieldType::enumeration: return util::Kind::string;
    case FieldType::enum_list: return util::Kind::list;
    case FieldType::boolean: return util::Kind::boolean;
    case FieldType::duration: return util::Kind::duration;
    case FieldType::size: return util::Kind::size;
    case FieldType::count: return util::Kind::count;
    case FieldType::rate:
    case FieldType::money:
    case FieldType::hours:
    case FieldType::cpu:
    case FieldType::integer: return util::Kind::number;
  }
  return util::Kind::unknown;
}

const std::vector<FieldSpec>& field_catalogue() {
  using T = FieldType;
  // One row per field; rows stay on their lines so the table reads as a table.
  // clang-format off
  static const std::vector<FieldSpec> k_fields = {
      {"apiVersion", T::enumeration, {"caas-advisor/v1"}, "", "format of the file; when present it must be `caas-advisor/v1`"},
      {"name", T::name, {}, "", "the workload's name: 1-63 characters of A-Z a-z 0-9 . _ -", false, true},
      {"description", T::text, {}, "", "free text"},
      {"kind", T::enumeration, {"service", "worker", "job", "function"}, "",
       "service: long-running server answering requests; worker: long-running consumer of a queue or stream; "
       "job: runs to completion; function: short handler invoked per event or request", false, true},
      {"runs_on", T::enumeration, {"ec2", "fargate", "lambda"}, "", "where it runs today or is planned to run; `check` judges this choice"},
      {"region", T::text, {}, "us-east-1", "pricing region"},
      {"triggers", T::enum_list,
       {"http", "websocket", "grpc", "s3", "sqs", "sns", "eventbridge", "dynamodb-stream", "kinesis", "kafka",
        "schedule", "manual", "tcp", "other"}, "", "what starts work"},
      {"runtime.language", T::enumeration,
       {"python", "nodejs", "java", "dotnet", "go", "ruby", "rust", "cpp", "php", "other"}, "", "main language"},
      {"runtime.version", T::text, {}, "", "language version, e.g. \"3.12\""},
      {"runtime.os", T::enumeration, {"linux", "windows"}, "linux", "operating system"},
      {"runtime.custom_environment", T::boolean, {}, "",
       "needs OS packages, system binaries or a runtime that a managed function runtime does not provide"},
      {"execution.duration.typical", T::duration, {}, "", "typical time to handle one request or event, or one whole run (job)", true},
      {"execution.duration.max", T::duration, {}, "", "longest time to handle one request or event, or one whole run; defaults to typical", true},
      {"execution.startup", T::duration, {}, "", "time from start to ready to serve (image pull not included)"},
      {"execution.payload_max", T::size, {}, "", "largest request or response body"},
      {"execution.concurrency", T::integer, {}, "1", "requests one instance serves at once", true},
      {"resources.cpu", T::cpu, {}, "", "vCPUs needed by one instance", true},
      {"resources.memory", T::size, {}, "", "memory needed by one instance", true},
      {"resources.ephemeral_storage", T::size, {}, "", "scratch disk needed by one instance"},
      {"resources.gpu", T::integer, {}, "0", "GPUs needed by one instance"},
      {"resources.architecture", T::enumeration, {"x86_64", "arm64", "any"}, "any", "CPU architecture"},
      {"package.type", T::enumeration, {"zip", "image"}, "", "deployment artifact: a zip archive or a container image"},
      {"package.size", T::size, {}, "", "compressed size of the zip, or the image size"},
      {"package.unpacked_size", T::size, {}, "", "zip contents unpacked, layers included"},
      {"traffic.pattern", T::enumeration, {"steady", "diurnal", "spiky", "unpredictable", "scheduled", "rare"}, "",
       "shape of demand"},
      {"traffic.requests_per_month", T::count, {}, "", "requests, events or messages handled per month (service, function, worker)"},
      {"traffic.peak_rps", T::rate, {}, "", "highest requests per second to serve"},
      {"traffic.runs_per_month", T::count, {}, "", "runs per month (job)"},
      {"traffic.request_size", T::size, {}, "", "average size of one request (or message) received"},
      {"traffic.response_size", T::size, {}, "", "average size of one response sent back to the client"},
      {"latency.p99", T::duration, {}, "", "end-to-end latency target at the 99th percentile"},
      {"latency.cold_start_sensitive", T::boolean, {}, "", "a start-up delay on some requests is not acceptable"},
      {"latency.provisioned_concurrency.count", T::integer, {}, "",
       "Lambda execution environments kept initialised while provisioned concurrency is on"},
      {"latency.provisioned_concurrency.hours_per_month", T::hours, {}, "",
       "hours a month provisioned concurrency is on (730 is all month)"},
      {"state.local_storage", T::enumeration, {"none", "scratch", "persistent"}, "",
       "persistent: data on the instance's own disk must survive restarts"},
      {"state.storage_intensive", T::boolean, {}, "", "heavy local disk I/O"},
      {"state.inter_container", T::boolean, {}, "", "several containers that talk to each other (sidecars, localhost)"},
      {"state.long_lived_connections", T::boolean, {}, "",
       "connections held open for long periods (WebSockets, streams over 15 minutes)"},
      {"network.front_door", T::enumeration,
       {"api-gateway-http", "api-gateway-rest", "function-url", "alb", "nlb", "none"}, "",
       "what clients reach: an API Gateway HTTP or REST API, a Lambda function URL, an Application or Network Load "
       "Balancer, or nothing in front"},
      {"network.nat_gateway", T::boolean, {}, "", "runs in private subnets and reaches the internet through a NAT gateway"},
      {"operations.ops_capacity", T::enumeration, {"low", "medium", "high"}, "",
       "the team's capacity and appetite to run servers: patching, images, scaling, fleet health"},
      {"operations.os_control", T::boolean, {}, "",
       "needs control of the instance: kernel or modules, custom machine image, root, privileged containers, host networking"},
      {"operations.dedicated_host", T::boolean, {}, "", "licensing or compliance requires dedicated hardware"},
      {"operations.availability", T::enumeration, {"standard", "high"}, "standard",
       "high: must survive the loss of an instance or zone"},
      {"cost.priority", T::enumeration, {"low", "medium", "high"}, "medium", "how much cost weighs against other criteria"},
      {"cost.monthly_budget", T::money, {}, "", "spending ceiling for this workload, US dollars"},
      {"cost.commitment", T::enumeration, {"none", "1y", "3y"}, "none",
       "willingness to commit to Savings Plans or reservations"},
      {"cost.interruptible", T::boolean, {}, "false", "may run on Spot capacity and be interrupted"},
  };
  // clang-format on
  return k_fields;
}

std::optional<std::size_t> find_field(std::string_view path) {
  const auto& fields = field_catalogue();
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].path == path) return i;
  return std::nullopt;
}

std::vector<std::string_view> keys_under(std::string_view prefix) {
  std::vector<std::string_view> keys;
  for (const auto& field : field_catalogue()) {
    std::string_view path = field.path;
    if (!prefix.empty()) {
      if (path.size() <= prefix.size() + 1 || path.substr(0, prefix.size()) != prefix || path[prefix.size()] != '.')
        continue;
      path.remove_prefix(prefix.size() + 1);
    }
    const auto key = path.substr(0, path.find('.'));
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

}  // namespace caas::model

#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace caas::import;
using namespace caas::import::test;

TEST_CASE("ecs: a task definition is a service; Fargate from requiresCompatibilities; task-level sizes", "[import]") {
  const auto result = import_text(
      "{\n\t\"family\": \"web\",\n\t\"requiresCompatibilities\": [\"FARGATE\"],\n"
      "\t\"cpu\": \"512\",\n\t\"memory\": \"2 GB\",\n"
      "\t\"runtimePlatform\": {\"cpuArchitecture\": \"ARM64\", \"operatingSystemFamily\": "
      "\"LINUX\"},\n\t\"ephemeralStorage\": {\"sizeInGiB\": 30},\n"
      "\t\"containerDefinitions\": [\n\t\t{\"name\": \"app\", \"image\": \"web:1\", "
      "\"portMappings\": [{\"containerPort\": 80, \"appProtocol\": \"http\"}]},\n"
      "\t\t{\"name\": \"log_router\", \"image\": \"fluent-bit\"}\n\t]\n}\n",
      "task.json");
  CHECK(result.format == SpecFormat::ecs);
  const auto& web = workload(result, "web");
  CHECK(text_of(web, "kind") == "service");
  CHECK(text_of(web, "runs_on") == "fargate");
  CHECK(number_of(web, "resources.cpu") == 0.5);
  CHECK(number_of(web, "resources.memory") == 2048 * k_mib);
  CHECK(provenance(web, "resources.memory").line == 5);
  CHECK(text_of(web, "resources.architecture") == "arm64");
  CHECK(text_of(web, "runtime.os") == "linux");
  CHECK(number_of(web, "resources.ephemeral_storage") == 30.0 * 1024 * k_mib);
  CHECK(web.profile.flag("state.inter_container"));
  CHECK(triggers_of(web) == "http");
}

TEST_CASE("ecs: the wrapped form, container sums, EC2 launch, GPUs and privileged containers", "[import]") {
  const auto result = import_text(R"({"taskDefinition": {
  "family": "gpu",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "host",
  "containerDefinitions": [
    {"name": "a", "image": "x", "cpu": 1024, "memory": 4096, "privileged": true,
     "resourceRequirements": [{"type": "GPU", "value": "2"}]},
    {"name": "b", "image": "y", "cpu": 512, "memory": 1024}
  ]
}})");
  const auto& gpu = workload(result, "gpu");
  CHECK(text_of(gpu, "runs_on") == "ec2");
  CHECK(number_of(gpu, "resources.cpu") == 1.5);
  CHECK(number_of(gpu, "resources.memory") == 5120 * k_mib);
  CHECK(number_of(gpu, "resources.gpu") == 2);
  CHECK(gpu.profile.flag("operations.os_control"));
  CHECK(provenance(gpu, "runs_on").original_key == "taskDefinition.requiresCompatibilities");
}

TEST_CASE("ecs: a bare array of container definitions is one task", "[import]") {
  const auto result = import_text(R"([
  {"name": "app", "image": "app:1", "memoryReservation": 256},
  {"name": "sidecar", "image": "envoy", "memoryReservation": 128}
])");
  REQUIRE(result.workloads.size() == 1);
  const auto& app = result.workloads[0];
  CHECK(app.profile.name == "app");
  CHECK(number_of(app, "resources.memory") == 384 * k_mib);
  CHECK(is_unknown(app, "runs_on"));
  CHECK(app.profile.flag("state.inter_container"));
}

TEST_CASE("ecs: both launch types leave runs_on unknown", "[import]") {
  const auto result = import_text(R"({"family": "f", "requiresCompatibilities": ["EC2", "FARGATE"],
  "containerDefinitions": [{"name": "a", "image": "x"}]})");
  CHECK(is_unknown(result.workloads.at(0), "runs_on"));
}

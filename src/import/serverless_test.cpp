#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace caas::import;
using namespace caas::import::test;

TEST_CASE("serverless: each function is a Lambda function with the provider's settings as defaults", "[import]") {
  const auto result = import_text(R"(service: shop
provider:
  name: aws
  runtime: python3.12
  memorySize: 512
  timeout: 20
  architecture: arm64
functions:
  api:
    handler: app.handler
    memorySize: 1536MB
    events:
      - httpApi: {method: get, path: /}
  worker:
    handler: worker.handler
    timeout: 900
    events:
      - sqs: arn:aws:sqs:us-east-1:1:q
)",
                                  "serverless.yml");
  CHECK(result.format == SpecFormat::serverless);
  REQUIRE(result.workloads.size() == 2);
  const auto& api = workload(result, "api");
  CHECK(api.profile.file == "serverless.yml#api");
  CHECK(api.profile.source_format == "serverless");
  CHECK(text_of(api, "kind") == "function");
  CHECK(text_of(api, "runs_on") == "lambda");
  CHECK(number_of(api, "resources.memory") == 1536 * k_mib);
  CHECK(provenance(api, "resources.memory").original_key == "functions.api.memorySize");
  CHECK(provenance(api, "resources.memory").line == 11);
  CHECK(number_of(api, "execution.duration.max") == 20);
  CHECK(provenance(api, "execution.duration.max").original_key == "provider.timeout");
  CHECK(is_unknown(api, "execution.duration.typical"));
  CHECK(text_of(api, "runtime.language") == "python");
  CHECK(text_of(api, "runtime.version") == "3.12");
  CHECK(text_of(api, "resources.architecture") == "arm64");
  CHECK(text_of(api, "package.type") == "zip");
  CHECK(triggers_of(api) == "http");
  const auto& worker = workload(result, "worker");
  CHECK(number_of(worker, "resources.memory") == 512 * k_mib);
  CHECK(number_of(worker, "execution.duration.max") == 900);
  CHECK(triggers_of(worker) == "sqs");
  CHECK(std::find(worker.unknown_but_useful.begin(), worker.unknown_but_useful.end(), "traffic.requests_per_month") !=
        worker.unknown_but_useful.end());
}

TEST_CASE("serverless: local variables resolve, others fall back to their default or are reported", "[import]") {
  const auto result = import_text(R"(service: vars
custom:
  memory: 2048
  sizes: {prod: 4096}
provider:
  name: aws
  stage: ${opt:stage, 'dev'}
  timeout: ${env:TIMEOUT, '45'}
functions:
  a:
    handler: a.h
    memorySize: ${self:custom.memory}
  b:
    handler: b.h
    memorySize: ${self:custom.sizes.${opt:stage, 'prod'}}
  c:
    handler: c.h
    memorySize: ${ssm:/app/memory}
    timeout: ${file(./config.yml):timeout}
)");
  const auto& a = workload(result, "a");
  CHECK(number_of(a, "resources.memory") == 2048 * k_mib);
  CHECK(number_of(a, "execution.duration.max") == 45);
  const auto& b = workload(result, "b");
  CHECK(number_of(b, "resources.memory") == 4096 * k_mib);
  const auto& c = workload(result, "c");
  CHECK(is_unknown(c, "resources.memory"));
  CHECK(is_unknown(c, "execution.duration.max"));
  CHECK(has_warning(c, "${ssm:/app/memory}"));
  CHECK(has_warning(c, "${file(./config.yml):timeout}"));
}

TEST_CASE("serverless: a function started only by schedules is a job with runs per month", "[import]") {
  const auto result = import_text(R"(service: cron
provider: {name: aws, runtime: nodejs18.x}
functions:
  tick:
    handler: h.tick
    events:
      - schedule: rate(10 minutes)
  mixed:
    handler: h.mixed
    events:
      - schedule:
          rate:
            - cron(0 12 * * ? *)
          enabled: true
      - http: {path: /, method: get}
)");
  const auto& tick = workload(result, "tick");
  CHECK(text_of(tick, "kind") == "job");
  CHECK(triggers_of(tick) == "schedule");
  CHECK(number_of(tick, "traffic.runs_per_month") == 4380);
  CHECK(tick.profile.at("traffic.runs_per_month").origin == caas::model::Origin::derived);
  CHECK(text_of(tick, "runtime.language") == "nodejs");
  CHECK(text_of(tick, "runtime.version") == "18");
  const auto& mixed = workload(result, "mixed");
  CHECK(text_of(mixed, "kind") == "function");
  CHECK(triggers_of(mixed) == "http, schedule");
  CHECK(is_unknown(mixed, "traffic.runs_per_month"));
}

TEST_CASE("serverless: events map to triggers, images to image packages", "[import]") {
  const auto result = import_text(R"(service: events
provider: {name: aws}
functions:
  f:
    image: 1234.dkr.ecr.us-east-1.amazonaws.com/f:latest
    events:
      - stream: {type: dynamodb, arn: x}
      - stream: arn:aws:kinesis:us-east-1:1:stream/s
      - s3: photos
      - sns: topic
      - websocket: $connect
      - eventBridge: {pattern: {}}
      - alexaSkill: amzn1.ask.skill.x
)");
  const auto& f = workload(result, "f");
  CHECK(text_of(f, "package.type") == "image");
  CHECK(triggers_of(f) == "dynamodb-stream, eventbridge, kinesis, other, s3, sns, websocket");
}

TEST_CASE("serverless: functions from a file that is not read are a located error", "[import]") {
  const auto result = import_text("service: x\nprovider: {name: aws}\nfunctions: ${file(./functions.yml)}\n");
  CHECK(result.workloads.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].where.line == 3);
  CHECK(result.errors[0].message.find("${file(./functions.yml)}") != std::string::npos);
}

TEST_CASE("serverless: another cloud's provider leaves runs_on unknown", "[import]") {
  const auto result = import_text(
      "service: g\nprovider: {name: google, runtime: nodejs18}\nfunctions:\n  f: {handler: f, memorySize: 256}\n");
  const auto& f = workload(result, "f");
  CHECK(is_unknown(f, "runs_on"));
  CHECK(number_of(f, "resources.memory") == 256 * k_mib);
  CHECK(has_warning(f, "not AWS"));
}

#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace caas::import;
using namespace caas::import::test;

TEST_CASE("sam: Globals.Function is merged into each function, its own properties winning", "[import]") {
  const auto result = import_text(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    MemorySize: 128
    Timeout: 10
    Runtime: python3.11
Resources:
  Small:
    Type: AWS::Serverless::Function
    Properties: {Handler: a.h, CodeUri: src/}
  Big:
    Type: AWS::Serverless::Function
    Properties:
      Handler: b.h
      MemorySize: 3008
      Architectures: [arm64]
      EphemeralStorage: {Size: 2048}
      Events:
        Upload: {Type: S3, Properties: {Bucket: !Ref B, Events: s3:ObjectCreated:*}}
        Api: {Type: HttpApi}
  B:
    Type: AWS::S3::Bucket
)");
  CHECK(result.format == SpecFormat::sam);
  REQUIRE(result.workloads.size() == 2);
  const auto& small = workload(result, "Small");
  CHECK(number_of(small, "resources.memory") == 128 * k_mib);
  CHECK(provenance(small, "resources.memory").original_key == "Globals.Function.MemorySize");
  CHECK(number_of(small, "execution.duration.max") == 10);
  CHECK(text_of(small, "runs_on") == "lambda");
  CHECK(text_of(small, "package.type") == "zip");
  const auto& big = workload(result, "Big");
  CHECK(number_of(big, "resources.memory") == 3008 * k_mib);
  CHECK(provenance(big, "resources.memory").original_key == "Resources.Big.Properties.MemorySize");
  CHECK(number_of(big, "execution.duration.max") == 10);
  CHECK(text_of(big, "resources.architecture") == "arm64");
  CHECK(number_of(big, "resources.ephemeral_storage") == 2048 * k_mib);
  CHECK(triggers_of(big) == "http, s3");
  CHECK(result.not_workloads == std::vector<std::string>{"AWS::S3::Bucket"});
}

TEST_CASE("cloudformation: !Ref to a parameter resolves to its default; other intrinsics are reported", "[import]") {
  const auto result = import_text(R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  MemoryParam: {Type: Number, Default: 1024}
  TimeoutParam: {Type: Number}
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: !Ref MemoryParam
      Timeout: !Ref TimeoutParam
      Runtime: !If [IsProd, java21, java17]
      Architectures: [{Ref: AWS::NoValue}]
      Code: {ZipFile: "exports.handler = () => 1"}
      Handler: index.handler
)");
  CHECK(result.format == SpecFormat::cloudformation);
  const auto& fn = workload(result, "Fn");
  CHECK(number_of(fn, "resources.memory") == 1024 * k_mib);
  CHECK(provenance(fn, "resources.memory").line == 9);
  CHECK(is_unknown(fn, "execution.duration.max"));
  CHECK(has_warning(fn, "!Ref TimeoutParam (a parameter without a default)"));
  CHECK(is_unknown(fn, "runtime.language"));
  CHECK(has_warning(fn, "!If"));
  CHECK(is_unknown(fn, "resources.architecture"));
}

TEST_CASE("cloudformation: triggers come from the resources that point at a function", "[import]") {
  const auto result = import_text(R"(Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Runtime: nodejs20.x, Handler: i.h, Code: {S3Bucket: b, S3Key: k}}
  Queue: {Type: AWS::SQS::Queue}
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: {FunctionName: !Ref Fn, EventSourceArn: !GetAtt Queue.Arn}
  Permission:
    Type: AWS::Lambda::Permission
    Properties: {FunctionName: !GetAtt [Fn, Arn], Principal: apigateway.amazonaws.com, Action: lambda:InvokeFunction}
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: cron(0 2 * * ? *)
      Targets: [{Arn: {"Fn::GetAtt": [Fn, Arn]}, Id: t}]
)");
  const auto& fn = workload(result, "Fn");
  CHECK(triggers_of(fn) == "http, schedule, sqs");
  CHECK(text_of(fn, "kind") == "function");
}

TEST_CASE("cloudformation: ECS task definitions with a Fargate service", "[import]") {
  const auto result = import_text(R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ContainerMemory: {Type: Number, Default: 2048}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Cpu: 1024
      Memory: !Ref ContainerMemory
      RequiresCompatibilities: [FARGATE, EC2]
      ContainerDefinitions:
        - {Name: web, Image: nginx}
  Service:
    Type: AWS::ECS::Service
    Properties: {LaunchType: FARGATE, TaskDefinition: !Ref Task}
)");
  const auto& task = workload(result, "Task");
  CHECK(text_of(task, "kind") == "service");
  CHECK(text_of(task, "runs_on") == "fargate");
  CHECK(provenance(task, "runs_on").original_key == "Resources.Service.Properties.LaunchType");
  CHECK(number_of(task, "resources.cpu") == 1.0);
  CHECK(number_of(task, "resources.memory") == 2048 * k_mib);
  CHECK(text_of(task, "package.type") == "image");
}

TEST_CASE("sam: the errors SAM itself reports are errors here, not advice", "[import]") {
  const auto result = import_text(R"(Resources:
  NoRuntime:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: s3://b/k.zip, Handler: h}
  BadEvent:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: h
      Events:
        Api: {Type: API}
        Missing: {Properties: {Path: /}}
  BothStates:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: h
      Events:
        Tick: {Type: Schedule, Properties: {Schedule: rate(1 minute), State: ENABLED, Enabled: true}}
  BadType:
    Type: {AWS::Serverless::Function: x}
  Good:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: h, PackageType: Zip}
)");
  REQUIRE(result.workloads.size() == 1);
  CHECK(result.workloads[0].profile.name == "Good");
  std::vector<std::string> codes;
  for (const auto& e : result.errors) codes.emplace_back(e.code.id());
  CHECK(codes == std::vector<std::string>{"function-without-runtime", "unknown-event-type", "event-without-type",
                                          "schedule-state-and-enabled", "bad-type"});
  CHECK(result.errors[1].hint.empty());
  CHECK(result.errors[1].message.find("did you mean 'Api'?") != std::string::npos);
  CHECK(result.errors[1].where.line == 11);
}

TEST_CASE("sam: image functions and schedule-only functions", "[import]") {
  const auto result = import_text(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Img:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: 1.dkr.ecr.us-east-1.amazonaws.com/x:1
      Timeout: 300
      Events:
        Every5: {Type: Schedule, Properties: {Schedule: rate(5 minutes)}}
)");
  const auto& img = workload(result, "Img");
  CHECK(text_of(img, "package.type") == "image");
  CHECK(text_of(img, "kind") == "job");
  CHECK(number_of(img, "traffic.runs_per_month") == 8760);
  CHECK(text_of(img, "traffic.pattern") == "scheduled");
}

#pragma once
// The importers, one per format, registered in one table (import_spec.cpp), and what they share.
#include <string>
#include <string_view>
#include <vector>

#include "spec_tree.hpp"
#include "workload_builder.hpp"

namespace caas::import {

struct Mapper {
  SpecFormat format;
  // True when the documents are this format (by content, never by file name).
  bool (*detect)(const std::vector<SpecDocument>& documents);
  void (*map)(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result);
};

// In detection order: SAM before CloudFormation (a SAM template is one), the rest cannot be confused.
const std::vector<Mapper>& mappers();

bool detect_serverless(const std::vector<SpecDocument>& documents);
void map_serverless(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result);
bool detect_sam(const std::vector<SpecDocument>& documents);
bool detect_cloudformation(const std::vector<SpecDocument>& documents);
void map_cloudformation(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result);
bool detect_compose(const std::vector<SpecDocument>& documents);
void map_compose(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result);
bool detect_kubernetes(const std::vector<SpecDocument>& documents);
void map_kubernetes(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result);
bool detect_ecs(const std::vector<SpecDocument>& documents);
void map_ecs(std::vector<SpecDocument>& documents, const SourceFile& source, ImportResult& result);

// Serverless variables (${self:...}, ${opt:stage, 'dev'}...) resolved in place where the file itself gives them;
// the others are marked unresolved (serverless_variables.cpp).
void resolve_serverless_variables(SpecNode& root);

// CloudFormation `!Ref Parameter` (and `{"Ref": ...}`) replaced by the parameter's default; refs to pseudo
// parameters and parameters without a default marked unresolved (cloudformation_refs.cpp).
void resolve_parameter_refs(SpecNode& root);
// The logical id a node refers to: !Ref X, !GetAtt X.Arn, {"Fn::GetAtt": [X, Arn]}, {"Ref": X}; empty when none.
std::string referenced_resource(const SpecNode& node);

// Lambda: "python3.12" -> language python, version 3.12, set with the key's provenance (lambda_common.cpp).
void set_lambda_runtime(WorkloadBuilder& builder, const SpecNode* value, const From& from);
void set_lambda_memory(WorkloadBuilder& builder, const SpecNode* value, const From& from);
void set_lambda_timeout(WorkloadBuilder& builder, const SpecNode* value, const From& from);
void set_lambda_architecture(WorkloadBuilder& builder, const SpecNode* value, const From& from);
// A schedule expression: the schedule trigger, and (for a job) runs per month derived from it. Returns the runs
// per month, or nullopt when the expression is not understood (a warning says so).
std::optional<double> add_schedule(WorkloadBuilder& builder, const SpecNode* value, const From& from);
// Sets kind: a job when the only triggers are schedules (with runs per month), else a function.
void set_function_kind(WorkloadBuilder& builder, const From& from, double scheduled_runs, bool only_schedules,
                       std::string_view what);

// An ECS task definition (ECS JSON in camelCase, or a CloudFormation AWS::ECS::TaskDefinition's Properties in
// PascalCase): resources, platform, containers, volumes (ecs.cpp).
void map_ecs_task(const SpecNode& task, WorkloadBuilder& builder, const std::string& path);
// ECS's launch type or compatibilities ("FARGATE", ["EC2"]) as runs_on.
void set_ecs_runs_on(WorkloadBuilder& builder, const SpecNode& value, const From& from);

// A key in either spelling: "cpu" or "Cpu" (ECS JSON and CloudFormation write the same fields differently).
const SpecEntry* entry_either(const SpecNode& map, std::string_view camel);
std::string join_path(const std::string& prefix, std::string_view key);

}  // namespace caas::import

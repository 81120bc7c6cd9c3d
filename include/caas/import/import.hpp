#pragma once
// Importers: the service specs teams already have (serverless.yml, SAM and CloudFormation templates, docker-compose
// files, Kubernetes manifests, ECS task definitions) read as workload profiles. A file is recognised by its content,
// one file may hold several workloads, and every imported value keeps where it came from. What a file does not say
// stays unknown. The mapping of each format is documented in docs/importers.md.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::import {

enum class SpecFormat { serverless, sam, cloudformation, compose, kubernetes, ecs };

// "serverless", "sam", "cloudformation", "compose", "kubernetes", "ecs": the profile's source_format.
std::string_view to_string(SpecFormat format);

// The same hardening limits as workload files (parse::ParseLimits), restated so that this module does not depend on
// the parser.
struct Limits {
  std::size_t max_bytes = std::size_t{1024} * 1024;
  int max_depth = 64;
  std::size_t max_nodes = 100000;  // aliases counted at each use
};

// One workload of an imported file. The profile has the rules' defaults applied; `warnings` (unresolved variables
// and intrinsics, guesses the reader should check) become findings.
struct ImportedWorkload {
  model::WorkloadProfile profile;
  util::Diagnostics warnings;
  std::vector<model::Provenance> provenance;    // one per imported field, in catalogue order
  std::vector<std::string> unknown_but_useful;  // workload paths left unknown that would sharpen the advice
};

struct ImportResult {
  SpecFormat format = SpecFormat::kubernetes;
  std::vector<ImportedWorkload> workloads;
  util::Diagnostics errors;  // the file's, or a workload's that could not be imported (that workload is left out)
  std::vector<std::string> not_workloads;  // what the file holds besides workloads ("Service", "AWS::S3::Bucket")
};

// Recognises and imports a spec. `file` is the name shown in reports; each workload's profile.file is
// "file#name". Returns nullopt when the text is not a recognised format (including YAML that does not parse, unless
// it is recognisably a template, such as a Helm chart, which gets a located error).
std::optional<ImportResult> import_spec(std::string_view text, const std::string& file, const Limits& limits = {});

// The workload file (workload-v1) equivalent to an imported workload, with a comment on each value saying where it
// came from, and the fields worth filling in as commented-out lines. `original` is the imported file's name.
std::string to_workload_yaml(const ImportedWorkload& workload, std::string_view original);

}  // namespace caas::import

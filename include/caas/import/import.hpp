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
#include "caas/util/raw_text.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::import {

enum class SpecFormat { serverless, sam, cloudformation, compose, kubernetes, ecs };

// "serverless", "sam", "cloudformation", "compose", "kubernetes", "ecs": the profile's source_format.
std::string_view to_string(SpecFormat format);

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

// Recognises and imports a spec, read with yaml::read_yaml (the one reader, with `limits`). `file` is the name shown
// in reports; each workload's profile.file is "file#name". Returns nullopt when the text is not a recognised format
// (including YAML that does not parse, unless it is recognisably a template, such as a Helm chart, which gets a
// located error).
std::optional<ImportResult> import_spec(std::string_view text, const std::string& file,
                                        const util::InputLimits& limits = {});
// The same from a read already done: a batch reads each file once (parse::parse_read, then this). `text` is what
// was read.
std::optional<ImportResult> import_read(const yaml::YamlRead& read, std::string_view text, const std::string& file);

// The workload file (workload-v1) equivalent to an imported workload, with a comment on each value saying where it
// came from, and the fields worth filling in as commented-out lines. `original` is the imported file's name.
std::string to_workload_yaml(const ImportedWorkload& workload, std::string_view original);

}  // namespace caas::import

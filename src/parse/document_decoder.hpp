#pragma once
// A YAML document to a workload profile: strict keys at every level, duplicates, merge keys, the top-level x-
// extensions and the two forms of execution.duration (private to the parse module).
#include "caas/model/workload_profile.hpp"
#include "caas/yaml/yaml_tree.hpp"
#include "reporter.hpp"

namespace caas::parse {

using yaml::k_no_node;
using yaml::NodeType;
using yaml::shape_of;
using yaml::YamlDocument;
using yaml::YamlNode;
using yaml::YamlTree;

// What a workload file is a map of, in messages.
inline constexpr std::string_view k_workload_keys = "keys such as 'name' and 'kind'";

// Fills `profile` from the document's fields (no defaults yet); every problem goes to `report`.
void decode_document(const YamlTree& tree, const YamlDocument& document, model::WorkloadProfile& profile,
                     Reporter& report);

}  // namespace caas::parse

#pragma once
// A YAML document to a workload profile: strict keys at every level, duplicates, merge keys, the top-level x-
// extensions and the two forms of execution.duration (private to the parse module).
#include "caas/model/workload_profile.hpp"
#include "reporter.hpp"
#include "yaml_tree.hpp"

namespace caas::parse {

// Fills `profile` from the document's fields (no defaults yet); every problem goes to `report`.
void decode_document(const YamlTree& tree, const YamlDocument& document, model::WorkloadProfile& profile,
                     Reporter& report);

}  // namespace caas::parse

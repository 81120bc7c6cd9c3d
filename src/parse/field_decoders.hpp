#pragma once
// One decoder per FieldType: the YAML node written for a field to a typed, located FieldValue, or located errors
// saying what was expected (private to the parse module).
#include <string_view>

#include "caas/model/field_catalogue.hpp"
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

// What one field's value is read from: its node, the key it stands under (errors about a missing value point at
// the key) and the path that messages name.
struct FieldSite {
  const YamlTree& tree;
  const YamlNode& key;
  const YamlNode& value;
  std::string_view path;
};

// Fills `out` (origin written) when the value is valid for `spec`; reports every problem otherwise and leaves
// `out` untouched. Returns whether it was filled.
bool decode_field(const FieldSite& site, const model::FieldSpec& spec, model::FieldValue& out, Reporter& report);

// A scalar as an extension (x-) value: bool, number or string by its YAML content; false after an error. `key` is
// the extension's key as written, for messages.
bool decode_extension_value(std::string_view key, const YamlNode& value, model::FieldValue& out, Reporter& report);

// What a field type is written as, for messages: "a size such as 512MiB".
std::string expected_form(const model::FieldSpec& spec);

}  // namespace caas::parse

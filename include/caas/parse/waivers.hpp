#pragma once
// The `waivers:` list, one reader for both places it is written: a workload file (the file's own workload) and a
// project configuration (each entry names a `workload`, by name or glob). docs/config.md describes the entries.
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/workload_profile.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::parse {

// Reads `list` (the value of a `waivers` key): strict keys, `rule` and `reason` required, `expires` a real date
// written YYYY-MM-DD, and `workload` required when `with_workload` (the configuration) and refused otherwise. Every
// problem is appended to `errors`, located in `file` (`text` is its text, for the caret).
std::vector<model::Waiver> decode_waivers(const yaml::YamlTree& tree, const yaml::YamlNode& list, std::string_view text,
                                          const std::string& file, bool with_workload, util::Diagnostics& errors);

// A real calendar date written YYYY-MM-DD (2027-02-29 is not).
bool is_calendar_date(std::string_view text);

}  // namespace caas::parse

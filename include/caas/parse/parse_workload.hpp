#pragma once
// Workload files (workload-v1) to profiles: strict keys, explicit units, every error of a file at once.
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/workload_profile.hpp"
#include "caas/util/raw_text.hpp"
#include "caas/util/result.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::parse {

// The result of parsing one workload file: the profile, plus warnings (contradictions) that do not stop it.
struct ParsedWorkload {
  model::WorkloadProfile profile;
  util::Diagnostics warnings;
};

// Parses a workload file's text. `file` is the name shown in diagnostics. On failure returns every error found.
// The profile has the rules' defaults applied (model::apply_defaults).
util::Result<ParsedWorkload> parse_workload(std::string_view text, const std::string& file,
                                            const util::InputLimits& limits = {});

// What a file is: a workload, something else that parses (a folder skips it), or broken.
enum class FileKind { workload, other, broken };

// One read of a file, for batches: classifies it ("Which files are workloads" in the workload spec) and parses it
// when it is a workload. A file can hold several workloads once importers exist; a workload file holds one.
struct FileParse {
  FileKind kind = FileKind::broken;
  std::vector<ParsedWorkload> workloads;
  util::Diagnostics errors;  // when broken, or a workload with errors
};
FileParse parse_file(std::string_view text, const std::string& file, const util::InputLimits& limits = {});
// The same from a read already done (yaml::read_yaml): a batch reads each file once, and hands the tree of a file
// that is not a workload to the importers. `text` is what was read.
FileParse parse_read(const yaml::YamlRead& read, std::string_view text, const std::string& file);

// Field values in a workload file's shape, none of them required (a project configuration's `workloads:` entries,
// docs/config.md): the fields written are marked written, the rest stay absent; `name`, `kind` and `waivers` are
// refused. The errors, located in `file`; empty when it reads.
util::Diagnostics decode_field_values(const yaml::YamlTree& tree, const yaml::YamlNode& map, std::string_view text,
                                      const std::string& file, model::WorkloadProfile& values);

}  // namespace caas::parse

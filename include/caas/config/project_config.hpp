#pragma once
// The project configuration, `.caas-advisor.yaml` (docs/config.md): the settings a team would otherwise repeat in
// every job, its accepted exceptions (waivers) and the field values its specs do not give. Read through the one YAML
// reader with the limits of every file that configures a run; strict keys with did-you-mean; every error located.
// Finding the file (the current folder up to the repository root) is the command line's business.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/util/diagnostic.hpp"
#include "caas/util/result.hpp"

namespace caas::config {

// The names a configuration is found by, in the order they are looked for in each folder.
inline constexpr std::string_view k_config_names[] = {".caas-advisor.yaml", ".caas-advisor.yml"};

// A value and where it is written.
template <class T>
struct Setting {
  T value{};
  int line = 0;
  int column = 0;
};

// Field values for the workloads whose name matches `workload` (a name or glob), filling what their files leave
// unknown.
struct WorkloadValues {
  std::string workload;
  model::WorkloadProfile values;  // only the fields written are known
  int line = 0;
  int column = 0;
};

struct ProjectConfig {
  std::string file;  // as found or given
  // Paths are as written, resolved against the configuration's folder.
  std::vector<Setting<std::string>> rules;
  std::vector<Setting<std::string>> disable;
  std::optional<Setting<std::string>> pricing;
  std::optional<Setting<std::string>> region;
  std::optional<Setting<std::string>> fail_on;  // error, warning, info or none
  std::vector<Setting<std::string>> include;
  std::vector<Setting<std::string>> exclude;
  std::optional<Setting<bool>> free_tier;
  std::optional<Setting<std::string>> baseline;
  std::vector<model::Waiver> waivers;
  std::vector<WorkloadValues> workloads;
};

// Every top-level key, in the order docs/config.md lists them.
const std::vector<std::string_view>& config_keys();

// Reads a configuration's text. `file` is the name shown in messages; `folder` is the configuration's folder, which
// relative paths (rules, pricing, baseline) are joined to. An empty file is a configuration with no settings.
util::Result<ProjectConfig> read_config(std::string_view text, const std::string& file, const std::string& folder);

// Fills what `profile` leaves unknown (absent, or only a default) from the entries of `workloads` whose pattern matches
// its name, the first entry that gives a field winning; never a field its file gives. Each value filled is marked
// Origin::configured, and returned as an assumption saying where it came from ("FILE:LINE, workloads 'resize-*'"),
// for every format to show.
std::vector<model::Assumption> fill_workload_values(model::WorkloadProfile& profile,
                                                    const std::vector<WorkloadValues>& workloads);

// `path` as seen from the current folder, when written relative to `folder`.
std::string resolve_path(const std::string& folder, const std::string& path);

}  // namespace caas::config

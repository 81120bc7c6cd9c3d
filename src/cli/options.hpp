#pragma once
// The command line's options, shared by the commands (cli-v1 "Shared options").
#include <string>
#include <vector>

#include "caas/cli/run.hpp"
#include "caas/config/project_config.hpp"
#include "caas/report/report.hpp"

namespace caas::cli {

// Where an effective setting came from, for `caas-advisor config`.
struct SettingOrigin {
  std::string key;     // the configuration's key: "fail_on", "rules"...
  std::string value;   // as shown
  std::string origin;  // "command line", "FILE:LINE" or "default"
};

struct Options {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // FMT or FMT=PATH
  std::vector<std::string> rule_files;
  std::vector<std::string> disabled;
  std::string pricing_file;
  std::string region;
  bool free_tier = false;  // --free-tier: a plain setting, which a project's configuration may also give
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string path_base;
  std::string max_file_size = "1MiB";
  int jobs = 0;         // 0: the number of CPUs
  std::string fail_on;  // empty: the command's default
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
  std::string baseline;     // --baseline FILE, or the configuration's
  std::string config_file;  // --config FILE
  bool no_config = false;   // --no-config
  // Filled from the project configuration (cli/project.cpp), when there is one.
  std::string config_used;  // the file read; empty when none
  std::vector<model::Waiver> waivers;
  std::vector<config::WorkloadValues> workload_values;
  std::vector<SettingOrigin> origins;  // every setting the configuration can hold, with where its value came from
};

}  // namespace caas::cli

#pragma once
// The project configuration in the shell (docs/config.md): finding `.caas-advisor.yaml` from the current folder up
// to the repository root, reading it, and merging it under the command line's options.
#include <filesystem>
#include <optional>
#include <string>

#include "cli/options.hpp"

namespace caas::cli {

// The configuration file that applies when --config is not given: `.caas-advisor.yaml` (or `.yml`) in `start`, else
// in each parent up to the folder holding `.git` (the repository root) or the filesystem's root. The path is relative
// to `start` ("../.caas-advisor.yaml") when found; nullopt when there is none.
std::optional<std::string> find_config(const std::filesystem::path& start);

// Reads the configuration that applies (--config, else the one found, none with --no-config) and merges it into
// `options`: the command line wins, list options add to the file's, paths are the file's own relative to it.
// Fills options.origins whether or not there is a file. false with the located errors when the file does not read
// (exit 2).
bool apply_project_config(Options& options, util::Diagnostics& errors);

}  // namespace caas::cli

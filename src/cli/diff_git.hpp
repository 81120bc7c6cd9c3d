#pragma once
// `diff --git-base REF [PATHS...]`: the base is PATHS as they are at REF, read through git (no checkout), the head
// is the working tree as git sees it (tracked files, and untracked ones unless ignored). Only files that differ
// between the two are evaluated twice; when a --rules or --pricing file in the repository differs, the base is
// judged with its version at REF and every file is evaluated on both sides.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/diff_sides.hpp"
#include "cli/options.hpp"

namespace caas::cli {

struct GitPlan {
  std::vector<FilePair> pairs;                     // sorted by path
  bool tables_changed = false;                     // a rule or price file in the repository differs at REF
  Options base_options;                            // the options with the table files that exist at REF
  std::map<std::string, std::string> base_tables;  // those files' text at REF, by the path given
  std::string label;                               // "REF (abbreviated commit)"
};

// Lists both versions and reads the base's blobs. A folder that is not a repository, a bad revision, a path outside
// the repository or on neither side are printed (git's own words for git's failures) and give nullopt: exit 2.
std::optional<GitPlan> plan_git_diff(const std::string& ref, const Options& options, Io& io);

// Reads the table files of the base: from `plan.base_tables`, or from disk for files outside the repository.
TableReader base_table_reader(const GitPlan& plan);

}  // namespace caas::cli

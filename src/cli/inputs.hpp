#pragma once
// Command-line paths to the list of files to read: files, folders (recursive, sorted, symlinks not followed,
// --include/--exclude) and "-" for standard input.
#include <filesystem>
#include <string>
#include <vector>

#include "caas/util/diagnostic.hpp"
#include "cli/options.hpp"

namespace caas::cli {

struct Input {
  std::string path;     // to open; "-" for standard input
  std::string display;  // relative to --path-base, as reports show it
  bool named = false;   // named on the command line (must be a workload) rather than found in a folder
  int folder = -1;      // found in Inputs::folders[folder]; -1 when named
};

// A folder named on the command line, and what its walk left out, so that a folder with no workload says why.
struct NamedFolder {
  std::string display;
  int not_selected = 0;     // left out by --include or --exclude
  int other_extension = 0;  // not .yaml, .yml or .json
  int symlinks = 0;         // never followed
  int unreadable = 0;       // folders that could not be read (each already an error)
};

struct Inputs {
  std::vector<Input> files;  // in report order: sorted within each folder, command-line order between arguments
  std::vector<NamedFolder> folders;
  util::Diagnostics errors;  // missing paths, unreadable folders
};

Inputs expand_inputs(const Options& options);

// A path as reports show it: relative to `base` (default: the current folder), "-" for standard input.
std::string display_path(const std::string& path, const std::string& base);

// Whether a folder walk reads a file of this name: .yaml, .yml or .json.
bool is_spec_extension(const std::filesystem::path& path);

// Whether --include and --exclude let a file (by its display path) through.
bool selected(const Options& options, const std::string& display);

// Shell-style glob; a pattern without '/' also matches the file name alone.
bool glob_matches(const std::string& pattern, const std::string& path);

}  // namespace caas::cli

#include "cli/inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

namespace caas::cli {

namespace fs = std::filesystem;

std::string display_path(const std::string& path, const std::string& base) {
  if (path == "-") return "-";
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path root = fs::absolute(base.empty() ? "." : base, ec).lexically_normal();
  auto relative = absolute.lexically_relative(root);
  if (relative.empty()) return fs::path(path).lexically_normal().generic_string();
  return relative.generic_string();
}

bool glob_matches(const std::string& pattern, const std::string& path) {
  if (pattern.find('/') == std::string::npos) {
    const auto name = fs::path(path).filename().string();
    return fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
  }
  // A pattern with a '/' matches the path or any tail of it that starts at a folder: `nested/*` matches
  // services/nested/a.yaml. `*` crosses folders.
  for (std::size_t start = 0; start != std::string::npos;) {
    if (fnmatch(pattern.c_str(), path.c_str() + start, 0) == 0) return true;
    start = path.find('/', start);
    if (start != std::string::npos) ++start;
  }
  return false;
}

bool is_spec_extension(const fs::path& path) {
  const auto ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool selected(const Options& options, const std::string& display) {
  if (!options.include.empty() && std::none_of(options.include.begin(), options.include.end(),
                                               [&](const std::string& p) { return glob_matches(p, display); }))
    return false;
  return std::none_of(options.exclude.begin(), options.exclude.end(),
                      [&](const std::string& p) { return glob_matches(p, display); });
}

namespace {

util::Diagnostic path_error(const std::string& display, std::string message) {
  util::Diagnostic d;
  d.code = "unreadable-path";
  d.message = std::move(message);
  d.where.file = display;
  return d;
}

// Whether a display path is only "..": a folder that holds the --path-base, so that a path below it may lead back
// into the base, where its display loses the "..".
bool above_base(std::string_view display) {
  while (!display.empty() && display.back() == '/') display.remove_suffix(1);  // "../" for a folder given as "."
  while (display.rfind("../", 0) == 0) display.remove_prefix(3);
  return display == "..";
}

// A path inside a folder whose display path is known, displayed as display_path would, without its cost per file
// (two absolute paths and a relative one).
std::string join_display(const std::string& folder_display, const fs::path& path, const std::string& name,
                         const Options& options) {
  if (above_base(folder_display)) return display_path(path.string(), options.path_base);
  if (folder_display == ".") return name;
  if (!folder_display.empty() && folder_display.back() == '/') return folder_display + name;
  return folder_display + "/" + name;
}

// Walks a folder in sorted order without following symlinks; unreadable folders become errors.
void walk(const fs::path& folder, const std::string& folder_display, const Options& options, Inputs& out, int root) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) {
    out.errors.push_back(path_error(folder_display, "cannot read folder: " + ec.message()));
    ++out.folders[static_cast<std::size_t>(root)].unreadable;
    return;
  }
  struct Entry {
    std::string name;
    fs::directory_entry entry;
  };
  std::vector<Entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {  // what was listed before the failure is still evaluated; the failure is not silent
      out.errors.push_back(path_error(folder_display, "cannot read folder: " + ec.message()));
      ++out.folders[static_cast<std::size_t>(root)].unreadable;
      break;
    }
    entries.push_back({it->path().filename().string(), *it});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  for (const auto& [name, entry] : entries) {
    std::error_code status_ec;
    if (entry.is_symlink(status_ec)) {  // never followed: a loop is harmless
      ++out.folders[static_cast<std::size_t>(root)].symlinks;
      continue;
    }
    if (entry.is_directory(status_ec)) {
      walk(entry.path(), join_display(folder_display, entry.path(), name, options), options, out, root);
      continue;
    }
    if (!entry.is_regular_file(status_ec)) continue;
    auto& folder_counts = out.folders[static_cast<std::size_t>(root)];
    if (!is_spec_extension(entry.path())) {
      ++folder_counts.other_extension;
      continue;
    }
    auto display = join_display(folder_display, entry.path(), name, options);
    if (!selected(options, display)) {
      ++folder_counts.not_selected;
      continue;
    }
    out.files.push_back({entry.path().string(), std::move(display), false, root});
  }
}

}  // namespace

Inputs expand_inputs(const Options& options) {
  Inputs out;
  for (const auto& path : options.paths) {
    if (path == "-") {
      out.files.push_back({"-", "-", true});
      continue;
    }
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    const auto display = display_path(path, options.path_base);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(path_error(display, "no such file or folder"));
      continue;
    }
    // A symlink to a folder named on the command line is the user's explicit choice, so it is walked (the links
    // inside it are not followed).
    if (fs::is_directory(status) || (fs::is_symlink(status) && fs::is_directory(fs::status(path, ec)))) {
      out.folders.push_back({display, 0, 0, 0, 0});
      walk(path, display, options, out, static_cast<int>(out.folders.size() - 1));
    } else {
      out.files.push_back({path, display, true});
    }
  }
  return out;
}

}  // namespace caas::cli

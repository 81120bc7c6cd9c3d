#include "cli/project.hpp"

#include <system_error>

#include "cli/context.hpp"

namespace caas::cli {

namespace {

namespace fs = std::filesystem;

std::string where(const std::string& file, int line) { return file + ":" + std::to_string(line); }

template <class T>
std::string origin_of(const config::Setting<T>& setting, const std::string& file) {
  return where(file, setting.line);
}

// A single value: the command line's when given, else the file's.
void merge_one(std::string& value, const std::optional<config::Setting<std::string>>& setting, const char* key,
               const std::string& file, const char* fallback, std::vector<SettingOrigin>& origins) {
  if (!value.empty()) {
    origins.push_back({key, value, "command line"});
  } else if (setting) {
    value = setting->value;
    origins.push_back({key, value, origin_of(*setting, file)});
  } else {
    origins.push_back({key, fallback, "default"});
  }
}

// A list: the file's entries first, then the command line's (which so win where order matters, as --rules).
void merge_list(std::vector<std::string>& values, const std::vector<config::Setting<std::string>>& settings,
                const char* key, const std::string& file, const char* fallback, std::vector<SettingOrigin>& origins) {
  std::vector<std::string> merged;
  for (const auto& s : settings) {
    merged.push_back(s.value);
    origins.push_back({key, s.value, origin_of(s, file)});
  }
  for (const auto& v : values) {
    merged.push_back(v);
    origins.push_back({key, v, "command line"});
  }
  if (merged.empty()) origins.push_back({key, fallback, "default"});
  values = std::move(merged);
}

std::string folder_of(const std::string& file) {
  const auto slash = file.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : file.substr(0, slash);
}

}  // namespace

std::optional<std::string> find_config(const fs::path& start) {
  std::string up;  // "../" per level climbed
  std::error_code ec;
  fs::path folder = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    for (const auto name : config::k_config_names) {
      if (fs::is_regular_file(folder / name, ec)) return up + std::string(name);
    }
    if (fs::exists(folder / ".git", ec) || !folder.has_parent_path() || folder.parent_path() == folder)
      return std::nullopt;
    folder = folder.parent_path();
    up += "../";
  }
}

bool apply_project_config(Options& options, util::Diagnostics& errors) {
  std::optional<config::ProjectConfig> read;
  std::string file;
  if (!options.config_file.empty()) {
    file = options.config_file;
  } else if (!options.no_config) {
    std::error_code ec;
    const auto here = fs::current_path(ec);
    if (!ec) file = find_config(here).value_or("");
  }
  if (!file.empty()) {
    ReadError error;
    const auto text = read_input(file, util::table_limits(), error);
    if (!text) {
      errors.push_back(util::make_error(error.too_large ? util::Code("too-large") : util::Code("unreadable-file"),
                                        "the configuration: " + error.message, {file, 0, 0}));
      return false;
    }
    auto config = config::read_config(*text, file, folder_of(file));
    if (!config) {
      errors.insert(errors.end(), config.error().begin(), config.error().end());
      return false;
    }
    read = std::move(*config);
  }
  options.config_used = file;
  const config::ProjectConfig empty;
  const auto& c = read ? *read : empty;
  auto& o = options.origins;
  o.clear();
  merge_list(options.rule_files, c.rules, "rules", file, "the built-in rule table", o);
  merge_list(options.disabled, c.disable, "disable", file, "nothing", o);
  merge_one(options.pricing_file, c.pricing, "pricing", file, "the built-in price table", o);
  merge_one(options.region, c.region, "region", file, "each workload's region, else the price file's", o);
  merge_one(options.fail_on, c.fail_on, "fail_on", file, "error for check, none otherwise", o);
  merge_list(options.include, c.include, "include", file, "every file", o);
  merge_list(options.exclude, c.exclude, "exclude", file, "nothing", o);
  if (options.free_tier) {
    o.push_back({"free_tier", "true", "command line"});
  } else if (c.free_tier) {
    options.free_tier = c.free_tier->value;
    o.push_back({"free_tier", c.free_tier->value ? "true" : "false", origin_of(*c.free_tier, file)});
  } else {
    o.push_back({"free_tier", "false", "default"});
  }
  merge_one(options.baseline, c.baseline, "baseline", file, "none", o);
  options.waivers = c.waivers;
  for (const auto& w : c.waivers)
    o.push_back({"waivers",
                 w.workload + ": " + w.rule + (w.expires.empty() ? "" : " until " + w.expires) + " (" + w.reason + ")",
                 where(file, w.line)});
  if (c.waivers.empty()) o.push_back({"waivers", "none", "default"});
  options.workload_values = c.workloads;
  for (const auto& w : c.workloads) {
    std::string fields;
    for (std::size_t i = 0; i < w.values.fields.size(); ++i) {
      if (w.values.fields[i].origin != model::Origin::written) continue;
      fields += (fields.empty() ? "" : ", ") + std::string(model::field_catalogue()[i].path) + " = " +
                w.values.fields[i].written;
    }
    o.push_back({"workloads", w.workload + ": " + fields, where(file, w.line)});
  }
  if (c.workloads.empty()) o.push_back({"workloads", "none", "default"});
  return true;
}

}  // namespace caas::cli

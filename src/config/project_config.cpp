#include "caas/config/project_config.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "caas/parse/parse_workload.hpp"
#include "caas/parse/waivers.hpp"
#include "caas/util/messages.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::config {

namespace {

using yaml::NodeType;
using yaml::YamlNode;
using yaml::YamlTree;

constexpr std::string_view k_what = "a caas-advisor configuration";
constexpr std::string_view k_keys_text = "settings such as 'rules', 'fail_on' and 'waivers'";

class ConfigReader {
 public:
  ConfigReader(const YamlTree& tree, std::string_view text, const std::string& file, const std::string& folder,
               ProjectConfig& config)
      : m_tree(tree), m_text(text), m_file(file), m_folder(folder), m_config(config) {}

  void read(const YamlNode& root) {
    const auto& keys = config_keys();
    std::vector<const YamlNode*> seen(keys.size(), nullptr);
    const auto entries = m_tree.children_of(root);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
      const auto& key = m_tree.node(entries[i]);
      const auto& value = m_tree.node(entries[i + 1]);
      if (key.type != NodeType::scalar) {
        report(
            {"unknown-key", "a key must be a name, not " + std::string(util::describe(yaml::shape_of(key.type))), ""},
            key);
        continue;
      }
      if (YamlTree::is_merge_key(key)) {
        report(util::merge_key(), key);
        continue;
      }
      const auto it = std::find(keys.begin(), keys.end(), key.text);
      if (it == keys.end()) {
        report(util::unknown_key(key.text, "", keys), key);
        continue;
      }
      auto& first = seen[static_cast<std::size_t>(it - keys.begin())];
      if (first) {
        report(util::duplicate_key(key.text, first->line), key);
        continue;
      }
      first = &key;
      read_key(key, value);
    }
  }

  util::Diagnostics& errors() { return m_errors; }

 private:
  void read_key(const YamlNode& key, const YamlNode& value) {
    const std::string& name = key.text;
    if (name == "rules") m_config.rules = strings(key, value, true);
    if (name == "disable") m_config.disable = strings(key, value, false);
    if (name == "include") m_config.include = strings(key, value, false);
    if (name == "exclude") m_config.exclude = strings(key, value, false);
    if (name == "pricing") m_config.pricing = one_string(key, value, true);
    if (name == "baseline") m_config.baseline = one_string(key, value, true);
    if (name == "region") m_config.region = one_string(key, value, false);
    if (name == "fail_on") {
      static const std::vector<std::string_view> k_levels = {"error", "warning", "info", "none"};
      auto level = one_string(key, value, false);
      if (level && std::find(k_levels.begin(), k_levels.end(), level->value) == k_levels.end()) {
        report(util::not_one_of("fail_on", k_levels, level->value), value);
        level.reset();
      }
      m_config.fail_on = level;
    }
    if (name == "free_tier") {
      if (value.type == NodeType::scalar && value.plain && (value.text == "true" || value.text == "false"))
        m_config.free_tier = Setting<bool>{value.text == "true", value.line, value.column};
      else
        report(value.type == NodeType::scalar
                   ? util::not_boolean("free_tier", value.text, !value.plain)
                   : util::wrong_type("free_tier", "true or false", yaml::shape_of(value.type)),
               value.type == NodeType::null ? key : value);
    }
    if (name == "waivers") m_config.waivers = parse::decode_waivers(m_tree, value, m_text, m_file, true, m_errors);
    if (name == "workloads") read_workloads(key, value);
  }

  std::optional<Setting<std::string>> one_string(const YamlNode& key, const YamlNode& value, bool path) {
    if (value.type != NodeType::scalar) {
      report(util::wrong_type(key.text, path ? "a path" : "a string", yaml::shape_of(value.type)),
             value.type == NodeType::null ? key : value);
      return std::nullopt;
    }
    if (value.text.empty()) {
      report(util::empty_value(key.text, path ? "a path" : "a string"), value);
      return std::nullopt;
    }
    return Setting<std::string>{path ? resolve_path(m_folder, value.text) : value.text, value.line, value.column};
  }

  // A list of strings, or one string as a list of one.
  std::vector<Setting<std::string>> strings(const YamlNode& key, const YamlNode& value, bool paths) {
    std::vector<Setting<std::string>> out;
    if (value.type == NodeType::scalar) {
      if (auto one = one_string(key, value, paths)) out.push_back(std::move(*one));
      return out;
    }
    if (value.type != NodeType::sequence) {
      report(util::wrong_type(key.text, paths ? "a list of paths" : "a list of names", yaml::shape_of(value.type)),
             value.type == NodeType::null ? key : value);
      return out;
    }
    for (const auto index : m_tree.children_of(value)) {
      const auto& item = m_tree.node(index);
      if (auto one = one_string(key, item, paths)) out.push_back(std::move(*one));
    }
    return out;
  }

  void read_workloads(const YamlNode& key, const YamlNode& value) {
    if (value.type != NodeType::map) {
      report(
          util::wrong_type("workloads", "a map of workload names or globs to field values", yaml::shape_of(value.type)),
          value.type == NodeType::null ? key : value);
      return;
    }
    const auto entries = m_tree.children_of(value);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
      const auto& name = m_tree.node(entries[i]);
      const auto& fields = m_tree.node(entries[i + 1]);
      if (name.type != NodeType::scalar || name.text.empty()) {
        report({"bad-type", "a key of 'workloads' is a workload name or glob", ""}, name);
        continue;
      }
      for (std::size_t j = 0; j < i; j += 2) {
        if (m_tree.node(entries[j]).text == name.text)
          report(util::duplicate_key(name.text, m_tree.node(entries[j]).line), name);
      }
      if (fields.type != NodeType::map) {
        report(util::wrong_type("workloads." + name.text, "a map of workload fields, as in a workload file",
                                yaml::shape_of(fields.type)),
               fields.type == NodeType::null ? name : fields);
        continue;
      }
      WorkloadValues values;
      values.workload = name.text;
      values.line = name.line;
      values.column = name.column;
      values.values.file = m_file;
      auto errors = parse::decode_field_values(m_tree, fields, m_text, m_file, values.values);
      if (!errors.empty()) {
        m_errors.insert(m_errors.end(), errors.begin(), errors.end());
        continue;
      }
      m_config.workloads.push_back(std::move(values));
    }
  }

  void report(util::Problem problem, const YamlNode& at) {
    auto d = util::make_error(problem.code, std::move(problem.message), {m_file, at.line, at.column}, m_text,
                              std::max(1, static_cast<int>(at.text.size())));
    d.hint = std::move(problem.hint);
    m_errors.push_back(std::move(d));
  }

  const YamlTree& m_tree;
  std::string_view m_text;
  const std::string& m_file;
  const std::string& m_folder;
  ProjectConfig& m_config;
  util::Diagnostics m_errors;
};

}  // namespace

const std::vector<std::string_view>& config_keys() {
  static const std::vector<std::string_view> k_keys = {"rules",    "disable", "pricing",  "region",
                                                       "fail_on",  "include", "exclude",  "free_tier",
                                                       "baseline", "waivers", "workloads"};
  return k_keys;
}

std::vector<model::Assumption> fill_workload_values(model::WorkloadProfile& profile,
                                                    const std::vector<WorkloadValues>& workloads) {
  std::vector<model::Assumption> filled;
  const auto& catalogue = model::field_catalogue();
  for (const auto& entry : workloads) {
    if (fnmatch(entry.workload.c_str(), profile.name.c_str(), 0) != 0) continue;
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
      const auto& value = entry.values.fields[i];
      auto& field = profile.fields[i];
      if (value.origin != model::Origin::written) continue;
      if (field.origin != model::Origin::absent && field.origin != model::Origin::defaulted) continue;
      field = value;
      field.origin = model::Origin::configured;
      field.line = 0;
      field.column = 0;
      filled.push_back({std::string(catalogue[i].path), value.written,
                        "from the project configuration, " + entry.values.file + ":" + std::to_string(value.line) +
                            " (workloads " + util::quoted(entry.workload) + ")",
                        entry.values.file, value.line, entry.workload});
    }
  }
  std::sort(filled.begin(), filled.end(),
            [](const model::Assumption& a, const model::Assumption& b) { return a.field < b.field; });
  return filled;
}

std::string resolve_path(const std::string& folder, const std::string& path) {
  if (path.empty() || path.front() == '/' || folder.empty() || folder == ".") return path;
  return folder.back() == '/' ? folder + path : folder + "/" + path;
}

util::Result<ProjectConfig> read_config(std::string_view text, const std::string& file, const std::string& folder) {
  ProjectConfig config;
  config.file = file;
  const auto read = yaml::read_yaml(text, file, util::table_limits());
  if (!read.errors.empty()) return util::fail(read.errors);
  if (auto merges = yaml::refuse_merge_keys(read.tree, text, file); !merges.empty()) return util::fail(merges);
  const auto& tree = read.tree;
  if (tree.documents.size() > 1) {
    const auto& second = tree.documents[1];
    const auto problem = util::multiple_documents("a configuration", tree.documents.size());
    auto d = util::make_error(problem.code, problem.message, {file, second.line, second.column}, text);
    return util::fail(util::Diagnostics{std::move(d)});
  }
  if (tree.documents.empty() || tree.documents.front().root == yaml::k_no_node ||
      tree.node(tree.documents.front().root).type == NodeType::null)
    return config;
  const auto& root = tree.node(tree.documents.front().root);
  if (root.type != NodeType::map) {
    const auto problem = util::not_a_map(k_what, k_keys_text, yaml::shape_of(root.type));
    return util::fail(
        util::Diagnostics{util::make_error(problem.code, problem.message, {file, root.line, root.column}, text)});
  }
  ConfigReader reader(tree, text, file, folder, config);
  reader.read(root);
  if (!reader.errors().empty()) {
    auto errors = std::move(reader.errors());
    std::stable_sort(errors.begin(), errors.end(), [](const util::Diagnostic& a, const util::Diagnostic& b) {
      return a.where.line != b.where.line ? a.where.line < b.where.line : a.where.column < b.where.column;
    });
    return util::fail(std::move(errors));
  }
  return config;
}

}  // namespace caas::config

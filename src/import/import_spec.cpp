#include <algorithm>
#include <map>
#include <set>

#include "caas/import/import.hpp"
#include "mappers.hpp"

namespace caas::import {

std::string_view to_string(SpecFormat format) {
  switch (format) {
    case SpecFormat::serverless: return "serverless";
    case SpecFormat::sam: return "sam";
    case SpecFormat::cloudformation: return "cloudformation";
    case SpecFormat::compose: return "compose";
    case SpecFormat::kubernetes: return "kubernetes";
    case SpecFormat::ecs: return "ecs";
  }
  return "unknown";
}

const std::vector<Mapper>& mappers() {
  static const std::vector<Mapper> k_table = {
      {SpecFormat::sam, detect_sam, map_cloudformation},
      {SpecFormat::cloudformation, detect_cloudformation, map_cloudformation},
      {SpecFormat::serverless, detect_serverless, map_serverless},
      {SpecFormat::kubernetes, detect_kubernetes, map_kubernetes},
      {SpecFormat::ecs, detect_ecs, map_ecs},
      {SpecFormat::compose, detect_compose, map_compose},
  };
  return k_table;
}

const SpecEntry* entry_either(const SpecNode& map, std::string_view camel) {
  if (const auto* e = map.entry(camel)) return e;
  if (camel.empty()) return nullptr;
  std::string pascal(camel);
  pascal[0] = static_cast<char>(pascal[0] >= 'a' && pascal[0] <= 'z' ? pascal[0] - 'a' + 'A' : pascal[0]);
  return map.entry(pascal);
}

std::string join_path(const std::string& prefix, std::string_view key) {
  if (prefix.empty()) return std::string(key);
  return prefix + "." + std::string(key);
}

namespace {

// Kubernetes-looking text: the keys every manifest has.
bool mentions_manifest_keys(std::string_view text) {
  return text.find("apiVersion:") != std::string_view::npos && text.find("kind:") != std::string_view::npos;
}

// Two workloads of one file with one name (a Deployment and a Job both called "web") become "web" and "web-2".
void name_uniquely(ImportResult& result, const std::string& file) {
  std::set<std::string> seen;
  std::map<std::string, int> next_suffix;  // per name: suffixes below it are taken, so a thousand "web"s stay fast
  for (auto& workload : result.workloads) {
    auto& profile = workload.profile;
    auto name = profile.name;
    int& n = next_suffix.try_emplace(profile.name, 2).first->second;
    for (; seen.count(name) != 0; ++n) {
      const auto suffix = "-" + std::to_string(n);
      name = profile.name.substr(0, 63 - suffix.size()) + suffix;
    }
    if (name != profile.name) {
      profile.name = name;
      profile.file = file;
      profile.file += "#" + name;
    }
    seen.insert(name);
  }
}

}  // namespace

std::optional<ImportResult> import_spec(std::string_view text, const std::string& file,
                                        const util::InputLimits& limits) {
  return import_read(yaml::read_yaml(text, file, limits), text, file);
}

std::optional<ImportResult> import_read(const yaml::YamlRead& read, std::string_view text, const std::string& file) {
  // A template (a Helm chart's, or one filled in by a script) is not YAML until it is rendered; say so where its
  // first placeholder is, whether or not the YAML reader happened to accept it.
  if (const auto [line, column] = find_template_marker(text);
      line > 0 && (!read.errors.empty() || mentions_manifest_keys(text))) {
    ImportResult result;
    result.format = SpecFormat::kubernetes;
    result.errors.push_back(util::make_error("template-not-yaml",
                                             "this looks like a template, not YAML: '{{' starts a value here; render "
                                             "it first (for a Helm chart, `helm template`) and import the output",
                                             {file, line, column}, text, 2));
    return result;
  }
  if (!read.errors.empty()) return std::nullopt;
  auto documents = to_spec_documents(read.tree);
  for (const auto& mapper : mappers()) {
    if (!mapper.detect(documents)) continue;
    ImportResult result;
    result.format = mapper.format;
    const SourceFile source{text, file, mapper.format};
    mapper.map(documents, source, result);
    name_uniquely(result, file);
    std::sort(result.not_workloads.begin(), result.not_workloads.end());
    result.not_workloads.erase(std::unique(result.not_workloads.begin(), result.not_workloads.end()),
                               result.not_workloads.end());
    return result;
  }
  return std::nullopt;
}

}  // namespace caas::import

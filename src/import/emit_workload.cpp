// An imported workload written back as a workload file (workload-v1), for `caas-advisor import`: the values the spec
// gave, each with a comment saying where it came from, then the fields worth filling in, commented out.
#include <algorithm>
#include <map>
#include <sstream>

#include "caas/import/import.hpp"
#include "caas/model/field_catalogue.hpp"
#include "caas/util/text.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::import {

namespace {

std::string yaml_value(const model::FieldSpec& spec, const util::Value& value) {
  switch (value.kind) {
    case util::Kind::boolean: return value.as_bool() ? "true" : "false";
    case util::Kind::duration:
    case util::Kind::size:
    case util::Kind::count: return util::format_quantity(value.number, value.kind);
    case util::Kind::number: return util::format_number(value.number);
    case util::Kind::string:
      return spec.type == model::FieldType::text ? yaml::double_quoted(value.text) : yaml::scalar_text(value.text);
    default: return "null";
  }
}

// "# from serverless.yml:12 functions.resize.timeout (timeout 30 s...)"
std::string comment_for(const model::Provenance& p, std::string_view original) {
  std::string out = "  # from " + std::string(original);
  if (p.line > 0) out += ":" + std::to_string(p.line);
  if (!p.original_key.empty()) out += " " + p.original_key;
  if (!p.note.empty()) out += " (" + p.note + ")";
  return util::escape_control(out);
}

// An example a user can start from, by field type.
std::string placeholder(const model::FieldSpec& spec) {
  switch (spec.type) {
    case model::FieldType::duration: return spec.path == "latency.p99" ? "200ms" : "100ms";
    case model::FieldType::size: return "512MiB";
    case model::FieldType::count: return "1M";
    case model::FieldType::rate: return "50";
    case model::FieldType::boolean: return "false";
    case model::FieldType::enumeration: return spec.values.empty() ? "" : std::string(spec.values.front());
    default: return "";
  }
}

struct Line {
  std::string path;  // catalogue path; for a list item, its list's path
  std::string text;  // "key: value  # comment", or "- item  # comment"
  bool commented = false;
  bool list_item = false;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// Writes lines in catalogue order as nested YAML. A section's header is commented out when nothing in it is
// written, so that uncommenting lines never makes a second copy of a section.
void write_nested(std::ostream& out, const std::vector<Line>& lines) {
  std::vector<std::string> written_sections;
  for (const auto& line : lines) {
    if (line.commented) continue;
    const auto parts = split_path(line.path);
    std::string prefix;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      prefix += (i ? "." : "") + parts[i];
      written_sections.push_back(prefix);
    }
  }
  std::vector<std::string> open;
  for (const auto& line : lines) {
    const auto parts = split_path(line.path);
    if (line.list_item) {
      out << (line.commented ? "# " : "") << std::string(2 * parts.size(), ' ') << line.text << '\n';
      continue;
    }
    std::size_t common = 0;
    while (common < open.size() && common + 1 < parts.size() && open[common] == parts[common]) ++common;
    open.resize(common);
    std::string prefix;
    for (std::size_t i = 0; i < common; ++i) prefix += (i ? "." : "") + parts[i];
    for (std::size_t i = common; i + 1 < parts.size(); ++i) {
      prefix += (i ? "." : "") + parts[i];
      const bool written =
          std::find(written_sections.begin(), written_sections.end(), prefix) != written_sections.end();
      out << (written ? "" : "# ") << std::string(2 * i, ' ') << parts[i] << ":\n";
      open.push_back(parts[i]);
    }
    out << (line.commented ? "# " : "") << std::string(2 * (parts.size() - 1), ' ') << line.text << '\n';
  }
}

}  // namespace

std::string to_workload_yaml(const ImportedWorkload& workload, std::string_view original) {
  const auto& profile = workload.profile;
  std::ostringstream out;
  out << "# " << util::escape_control(profile.name) << ".yaml: imported from " << util::escape_control(original) << " ("
      << util::escape_control(profile.source_format) << ") by caas-advisor import\n";
  for (const auto& w : workload.warnings)
    out << "# warning: line " << w.where.line << ": " << util::escape_control(w.message) << '\n';
  if (!workload.unknown_but_useful.empty())
    out << "# The commented-out lines are what " << util::escape_control(original)
        << " does not say: fill in what you know to sharpen the advice.\n";
  out << "apiVersion: caas-advisor/v1\n";
  out << "name: " << yaml::scalar_text(profile.name) << '\n';
  std::multimap<std::string, const model::Provenance*> sources;
  for (const auto& p : workload.provenance) sources.emplace(p.field, &p);
  std::vector<Line> lines;
  const auto& catalogue = model::field_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const auto& spec = catalogue[i];
    const auto& field = profile.at(i);
    const auto path = std::string(spec.path);
    const auto key = spec.path.substr(spec.path.rfind('.') + 1);
    if (spec.path == "name" || spec.path == "apiVersion") continue;
    if (field.origin != model::Origin::written && field.origin != model::Origin::derived) {
      if (std::find(workload.unknown_but_useful.begin(), workload.unknown_but_useful.end(), spec.path) !=
          workload.unknown_but_useful.end())
        lines.push_back({path,
                         std::string(key) + ": " + placeholder(spec) + "  # fill in: " + std::string(spec.description),
                         true});
      continue;
    }
    const auto [first, last] = sources.equal_range(path);
    if (spec.type == model::FieldType::enum_list) {
      lines.push_back({path, std::string(key) + ":"});
      for (const auto& item : field.value.items) {
        std::string comment;
        for (auto it = first; it != last; ++it)
          if (it->second->note.rfind(item.text, 0) == 0) {
            // The trigger's note starts with its name ("s3: event Upload of Type S3"); say it once.
            auto p = *it->second;
            p.note = p.note == item.text ? std::string() : p.note.substr(std::min(p.note.size(), item.text.size() + 2));
            comment = comment_for(p, original);
            break;
          }
        lines.push_back({path, "- " + yaml::scalar_text(item.text) + comment, false, true});
      }
      continue;
    }
    std::string text = std::string(key) + ": " + yaml_value(spec, field.value);
    if (first != last) text += comment_for(*first->second, original);
    lines.push_back({path, text});
  }
  write_nested(out, lines);
  return out.str();
}

}  // namespace caas::import

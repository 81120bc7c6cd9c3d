#include "caas/parse/parse_workload.hpp"

#include <algorithm>
#include <array>

#include "contradictions.hpp"
#include "document_decoder.hpp"
#include "reporter.hpp"

namespace caas::parse {

using yaml::k_no_node;
using yaml::NodeType;
using yaml::YamlDocument;
using yaml::YamlTree;

namespace {

constexpr std::string_view k_api_version = "caas-advisor/v1";
constexpr std::array<std::string_view, 4> k_workload_kinds = {"service", "worker", "job", "function"};

// Decodes the first document of a tree that read without errors; a workload file holds exactly one.
util::Result<ParsedWorkload> decode_workload(const YamlTree& tree, std::string_view text, const std::string& file) {
  Reporter report(text, file);
  ParsedWorkload parsed;
  parsed.profile.file = file;
  if (tree.documents.empty()) {
    report.report(util::not_a_map("a workload file", k_workload_keys, util::Shape::nothing), 1, 1);
    return util::fail(report.take_errors());
  }
  if (tree.documents.size() > 1) {
    const auto& second = tree.documents[1];
    report.report(util::multiple_documents("a workload file", tree.documents.size()), second.line, second.column, 3);
  }
  decode_document(tree, tree.documents.front(), parsed.profile, report);
  check_contradictions(parsed.profile, report);
  if (report.has_errors()) return util::fail(report.take_errors());
  parsed.warnings = report.take_warnings();
  model::apply_defaults(parsed.profile);
  return parsed;
}

// "Which files are workloads" in the workload spec: our apiVersion, or a workload kind together with a name.
bool looks_like_workload(const YamlTree& tree, const YamlDocument& document) {
  if (document.root == k_no_node) return false;
  const auto& root = tree.node(document.root);
  if (root.type != NodeType::map) return false;
  const auto* api_version = tree.find(root, "apiVersion");
  if (api_version && api_version->type == NodeType::scalar && api_version->text == k_api_version) return true;
  const auto* kind = tree.find(root, "kind");
  return kind && kind->type == NodeType::scalar &&
         std::find(k_workload_kinds.begin(), k_workload_kinds.end(), kind->text) != k_workload_kinds.end() &&
         tree.find(root, "name") != nullptr;
}

}  // namespace

util::Result<ParsedWorkload> parse_workload(std::string_view text, const std::string& file,
                                            const util::InputLimits& limits) {
  auto read = yaml::read_yaml(text, file, limits);
  if (!read.errors.empty()) return util::fail(std::move(read.errors));
  return decode_workload(read.tree, text, file);
}

FileParse parse_file(std::string_view text, const std::string& file, const util::InputLimits& limits) {
  return parse_read(yaml::read_yaml(text, file, limits), text, file);
}

FileParse parse_read(const yaml::YamlRead& read, std::string_view text, const std::string& file) {
  FileParse out;
  if (!read.errors.empty()) {
    out.kind = FileKind::broken;
    out.errors = read.errors;
    return out;
  }
  const auto& documents = read.tree.documents;
  const bool workload = std::any_of(documents.begin(), documents.end(), [&](const YamlDocument& document) {
    return looks_like_workload(read.tree, document);
  });
  if (!workload) {
    out.kind = FileKind::other;
    return out;
  }
  out.kind = FileKind::workload;
  auto parsed = decode_workload(read.tree, text, file);
  if (parsed) {
    out.workloads.push_back(std::move(*parsed));
  } else {
    out.errors = std::move(parsed.error());
  }
  return out;
}

}  // namespace caas::parse

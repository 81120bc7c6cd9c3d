#include "caas/report/baseline.hpp"

#include "caas/yaml/yaml_tree.hpp"

namespace caas::report {

namespace {

using yaml::NodeType;
using yaml::YamlNode;
using yaml::YamlTree;

constexpr std::string_view k_report_schema = "caas-advisor/report/v1";

class BaselineReader {
 public:
  BaselineReader(const YamlTree& tree, std::string_view text, const std::string& file)
      : m_tree(tree), m_text(text), m_file(file) {}

  std::vector<FindingKey> read(const YamlNode& root) {
    std::vector<FindingKey> keys;
    if (root.type != NodeType::map) {
      fail("a baseline is a JSON report of caas-advisor (-f json=FILE), an object, not " +
               std::string(util::describe(yaml::shape_of(root.type))),
           root);
      return keys;
    }
    const auto* schema = m_tree.find(root, "schema");
    if (schema == nullptr || schema->type != NodeType::scalar || schema->text != k_report_schema) {
      fail(schema == nullptr ? "not a caas-advisor report: it has no \"schema\": \"caas-advisor/report/v1\""
                             : "not a caas-advisor report: its schema is " + util::quoted(schema->text) +
                                   ", not 'caas-advisor/report/v1'",
           schema == nullptr ? root : *schema);
      return keys;
    }
    const auto* results = m_tree.find(root, "results");
    if (results == nullptr || results->type != NodeType::sequence) {
      fail("the report has no \"results\" list", results == nullptr ? root : *results);
      return keys;
    }
    for (const auto index : m_tree.children_of(*results)) read_result(m_tree.node(index), keys);
    return keys;
  }

  util::Diagnostics& errors() { return m_errors; }

 private:
  void read_result(const YamlNode& result, std::vector<FindingKey>& keys) {
    if (result.type != NodeType::map) return fail("a result is an object", result);
    const auto* workload = m_tree.find(result, "workload");
    if (workload == nullptr || workload->type != NodeType::map)
      return fail("a result has no \"workload\" object", result);
    const auto* name = text_of(*workload, "name");
    const auto* file = text_of(*workload, "file");
    if (name == nullptr || file == nullptr)
      return fail("a result's \"workload\" has no \"name\" and \"file\" strings", *workload);
    const auto* findings = m_tree.find(result, "findings");
    if (findings == nullptr || findings->type != NodeType::sequence)
      return fail("a result has no \"findings\" list", result);
    for (const auto index : m_tree.children_of(*findings)) {
      const auto& finding = m_tree.node(index);
      const auto* rule = finding.type == NodeType::map ? text_of(finding, "rule") : nullptr;
      if (rule == nullptr) {
        fail("a finding has no \"rule\" string", finding);
        continue;
      }
      // A finding's own file is null when it is the workload's (as the JSON report writes it).
      const auto* own_file = text_of(finding, "file");
      keys.push_back(
          {own_file != nullptr && !own_file->text.empty() ? own_file->text : file->text, name->text, rule->text});
    }
  }

  // A string value of `map`, or nullptr (absent, null or not a single value).
  const YamlNode* text_of(const YamlNode& map, std::string_view key) const {
    const auto* value = m_tree.find(map, key);
    return value != nullptr && value->type == NodeType::scalar ? value : nullptr;
  }

  void fail(std::string message, const YamlNode& at) {
    if (m_errors.size() >= 20) return;  // enough to see what is wrong
    auto d = util::make_error("bad-baseline", std::move(message), {m_file, at.line, at.column}, m_text);
    d.hint = "write the baseline with `caas-advisor check ... -f json=FILE`";
    m_errors.push_back(std::move(d));
  }

  const YamlTree& m_tree;
  std::string_view m_text;
  const std::string& m_file;
  util::Diagnostics m_errors;
};

}  // namespace

util::Result<std::vector<FindingKey>> read_baseline(std::string_view text, const std::string& file,
                                                    const util::InputLimits& limits) {
  const auto read = yaml::read_yaml(text, file, limits);
  if (!read.errors.empty()) return util::fail(read.errors);
  const auto& tree = read.tree;
  if (tree.documents.size() != 1 || tree.documents.front().root == yaml::k_no_node) {
    const int line = tree.documents.size() > 1 ? tree.documents[1].line : 1;
    return util::fail(util::make_error("bad-baseline",
                                       tree.documents.size() > 1
                                           ? "a baseline holds one JSON report, but another document starts here"
                                           : "the baseline is empty; expected a JSON report of caas-advisor",
                                       {file, line, 1}, text));
  }
  BaselineReader reader(tree, text, file);
  auto keys = reader.read(tree.node(tree.documents.front().root));
  if (!reader.errors().empty()) return util::fail(std::move(reader.errors()));
  return keys;
}

}  // namespace caas::report

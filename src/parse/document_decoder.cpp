#include "document_decoder.hpp"

#include <algorithm>

#include "caas/model/field_catalogue.hpp"
#include "caas/parse/waivers.hpp"
#include "field_decoders.hpp"
#include "schema_index.hpp"

namespace caas::parse {

namespace {

constexpr std::string_view k_duration_path = "execution.duration";

struct Extension {
  std::string name;
  const YamlNode* key;
  model::FieldValue value;
  bool stored;
};

int span_of(const YamlNode& node) { return std::max(1, static_cast<int>(node.text.size())); }

class DocumentDecoder {
 public:
  DocumentDecoder(const YamlTree& tree, model::WorkloadProfile& profile, Reporter& report, bool partial = false)
      : m_tree(tree), m_profile(profile), m_report(report), m_catalogue(model::field_catalogue()), m_partial(partial) {}

  // Field values without a document around them: none required, no waivers, and no name or kind (they say which
  // workload it is, which only its file can).
  void decode_values(const YamlNode& map) {
    decode_section(map, schema_root());
    store_extensions();
  }

  void decode(const YamlDocument& document) {
    if (document.root == k_no_node || m_tree.node(document.root).type == NodeType::null) {
      m_report.report(util::not_a_map("a workload file", k_workload_keys, util::Shape::nothing), document.line,
                      document.column);
      return;
    }
    const auto& root = m_tree.node(document.root);
    if (root.type != NodeType::map) {
      m_report.report(util::not_a_map("a workload file", k_workload_keys, shape_of(root.type)), root.line, root.column);
      return;
    }
    decode_section(root, schema_root());
    store_extensions();
    for (std::size_t i = 0; i < m_catalogue.size(); ++i) {
      if (!m_catalogue[i].required || m_profile.fields[i].origin != model::Origin::absent) continue;
      // A required key that is written but invalid has its own error already.
      if (m_tree.find(root, m_catalogue[i].path)) continue;
      const auto expected = m_catalogue[i].type == model::FieldType::enumeration
                                ? concat({"one of ", util::one_of(m_catalogue[i].values)})
                                : std::string();
      m_report.report(util::missing_field("the workload", m_catalogue[i].path, expected), document.line,
                      document.column);
    }
  }

 private:
  void decode_section(const YamlNode& map, const SchemaKey& section) {
    const bool top = section.path.empty();
    std::vector<const YamlNode*> seen(section.children.size(), nullptr);
    const auto entries = m_tree.children_of(map);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
      const auto& key = m_tree.node(entries[i]);
      const auto& value = m_tree.node(entries[i + 1]);
      if (key.type != NodeType::scalar) {
        m_report.error("unknown-key", concat({"a key must be a name, not ", util::describe(shape_of(key.type))}),
                       key.line, key.column);
        continue;
      }
      if (YamlTree::is_merge_key(key)) {
        m_report.report(util::merge_key(), key.line, key.column, 2);
        continue;
      }
      if (key.text.rfind("x-", 0) == 0) {
        if (top) {
          add_extension(key, value);
        } else {
          m_report.error(
              "unknown-key",
              concat({"extension keys (x-...) are only allowed at the top level, not in '", section.path, "'"}),
              key.line, key.column, span_of(key));
        }
        continue;
      }
      if (top && m_partial && (key.text == "name" || key.text == "kind" || key.text == "waivers")) {
        m_report.error("unknown-key",
                       concat({util::quoted(key.text), " says which workload this is; only its file can say it"}),
                       key.line, key.column, span_of(key));
        continue;
      }
      if (top && key.text == "waivers") {
        decode_waivers_key(key, value);
        continue;
      }
      const auto* child = section.find(key.text);
      if (!child) {
        report_unknown(key, section);
        continue;
      }
      auto& first = seen[static_cast<std::size_t>(child - section.children.data())];
      if (first) {
        m_report.report(util::duplicate_key(key.text, first->line), key.line, key.column, span_of(key));
        continue;
      }
      first = &key;
      decode_entry(key, value, *child);
    }
  }

  void decode_entry(const YamlNode& key, const YamlNode& value, const SchemaKey& child) {
    if (!child.is_section()) {
      const auto index = static_cast<std::size_t>(child.field);
      auto& field = m_profile.fields[index];
      const bool ok = decode_field({m_tree, key, value, child.path}, m_catalogue[index], field, m_report);
      if (child.path == "kind") {
        m_profile.line = key.line;
        m_profile.column = key.column;
      }
      if (ok && child.path == "name") m_profile.name = field.value.text;
      return;
    }
    if (child.path == k_duration_path && value.type != NodeType::map) {
      decode_duration_shorthand(key, value);
      return;
    }
    if (value.type != NodeType::map) {
      m_report.report(
          util::wrong_type(child.path, concat({"a map of ", util::one_of(child.names)}), shape_of(value.type)),
          value.type == NodeType::null ? key.line : value.line,
          value.type == NodeType::null ? key.column : value.column, value.type == NodeType::null ? span_of(key) : 1);
      return;
    }
    decode_section(value, child);
    // A map with other keys has an error for each of them already.
    if (child.path == k_duration_path && value.count == 0)
      m_report.error("missing-field", "'execution.duration' as a map needs 'typical', 'max' or both", value.line,
                     value.column);
  }

  // `duration: 30s` means typical = max = 30s, both written at that node.
  void decode_duration_shorthand(const YamlNode& key, const YamlNode& value) {
    static const auto k_typical_index = *model::find_field("execution.duration.typical");
    static const auto k_max_index = *model::find_field("execution.duration.max");
    auto& typical = m_profile.fields[k_typical_index];
    if (decode_field({m_tree, key, value, k_duration_path}, m_catalogue[k_typical_index], typical, m_report))
      m_profile.fields[k_max_index] = typical;
  }

  void report_unknown(const YamlNode& key, const SchemaKey& section) {
    auto names = section.names;
    if (section.path.empty()) names.emplace_back("waivers");
    m_report.report(util::unknown_key(key.text, section.path, names, section.path.empty() ? "an x- extension" : ""),
                    key.line, key.column, span_of(key));
  }

  // The file's accepted exceptions (docs/config.md), read as the configuration's are.
  void decode_waivers_key(const YamlNode& key, const YamlNode& value) {
    if (m_waivers_key) {
      m_report.report(util::duplicate_key(key.text, m_waivers_key->line), key.line, key.column, span_of(key));
      return;
    }
    m_waivers_key = &key;
    util::Diagnostics errors;
    m_profile.waivers = decode_waivers(m_tree, value, m_report.text(), m_report.file(), false, errors);
    for (auto& e : errors) m_report.add(std::move(e));
  }

  void add_extension(const YamlNode& key, const YamlNode& value) {
    std::string name = key.text.substr(2);
    if (name.empty()) {
      m_report.error("unknown-key", "an extension key needs a name after 'x-', as in x-team", key.line, key.column,
                     span_of(key));
      return;
    }
    std::replace(name.begin(), name.end(), '-', '_');
    Extension extension{std::move(name), &key, {}, false};
    // Nested values are the user's business; only scalars can be read by rules.
    if (value.type == NodeType::scalar)
      extension.stored = decode_extension_value(key.text, value, extension.value, m_report);
    m_extensions.push_back(std::move(extension));
  }

  void store_extensions() {
    std::stable_sort(m_extensions.begin(), m_extensions.end(),
                     [](const Extension& a, const Extension& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < m_extensions.size(); ++i) {
      const auto& extension = m_extensions[i];
      if (i > 0 && m_extensions[i - 1].name == extension.name) {
        const auto& first = *m_extensions[i - 1].key;
        const auto& key = *extension.key;
        const bool later = key.line > first.line || (key.line == first.line && key.column > first.column);
        const auto& at = later ? key : first;
        m_report.error("duplicate-key",
                       concat({"duplicate extension key ", util::quoted(at.text), " (it is also written as ",
                               util::quoted((later ? first : key).text), " at line ",
                               std::to_string((later ? first : key).line), ")"}),
                       at.line, at.column, span_of(at));
        continue;
      }
      if (extension.stored) m_profile.extensions.emplace_back(extension.name, extension.value);
    }
  }

  const YamlTree& m_tree;
  model::WorkloadProfile& m_profile;
  Reporter& m_report;
  const std::vector<model::FieldSpec>& m_catalogue;
  std::vector<Extension> m_extensions;
  bool m_partial;
  const YamlNode* m_waivers_key = nullptr;
};

}  // namespace

void decode_document(const YamlTree& tree, const YamlDocument& document, model::WorkloadProfile& profile,
                     Reporter& report) {
  DocumentDecoder(tree, profile, report).decode(document);
}

util::Diagnostics decode_field_values(const YamlTree& tree, const YamlNode& map, std::string_view text,
                                      const std::string& file, model::WorkloadProfile& values) {
  Reporter report(text, file);
  DocumentDecoder(tree, values, report, true).decode_values(map);
  return report.take_errors();
}

}  // namespace caas::parse

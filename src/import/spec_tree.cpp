#include "spec_tree.hpp"

#include <algorithm>

namespace caas::import {

const SpecEntry* SpecNode::entry(std::string_view key) const {
  for (const auto& e : entries)
    if (e.first.kind == NodeKind::scalar && e.first.text == key) return &e;
  return nullptr;
}

const SpecNode* SpecNode::get(std::string_view key) const {
  const auto* e = entry(key);
  return e ? &e->second : nullptr;
}

std::string SpecNode::text_at(std::string_view key) const {
  const auto* node = get(key);
  if (!node || !node->is_scalar() || !node->unresolved.empty() || !node->tag.empty()) return {};
  return node->text;
}

namespace {

// The reader's tree as the importers' owned tree. The reader has applied the limits already, aliases counted at
// each use, so this copy of every alias's value is bounded by the same node budget.
class Converter {
 public:
  explicit Converter(const yaml::YamlTree& tree) : m_tree(tree) {}

  SpecNode convert(const yaml::YamlNode& node) const {
    SpecNode out;
    out.line = node.line;
    out.column = node.column;
    out.tag = m_tree.tag_of(node);
    switch (node.type) {
      case yaml::NodeType::scalar:
        out.kind = NodeKind::scalar;
        out.text = node.text;
        out.quoted = !node.plain && out.tag.empty();
        break;
      case yaml::NodeType::sequence:
        out.kind = NodeKind::sequence;
        out.items.reserve(node.count);
        for (const auto index : m_tree.children_of(node)) out.items.push_back(convert(m_tree.node(index)));
        break;
      case yaml::NodeType::map: {
        out.kind = NodeKind::map;
        const auto entries = m_tree.children_of(node);
        out.entries.reserve(entries.size() / 2);
        for (std::size_t i = 0; i + 1 < entries.size(); i += 2)
          out.entries.emplace_back(convert(m_tree.node(entries[i])), convert(m_tree.node(entries[i + 1])));
        apply_merge_keys(out);
        break;
      }
      case yaml::NodeType::null: break;
    }
    return out;
  }

 private:
  // YAML merge keys (`<<: *base` or `<<: [*a, *b]`): the merged maps' keys, unless the map gives them itself; the
  // first merged map wins over later ones.
  static void apply_merge_keys(SpecNode& map) {
    auto is_merge = [](const SpecEntry& e) {
      return e.first.kind == NodeKind::scalar && !e.first.quoted && e.first.tag.empty() && e.first.text == "<<";
    };
    if (std::none_of(map.entries.begin(), map.entries.end(), is_merge)) return;
    std::vector<SpecEntry> own;
    std::vector<SpecNode> sources;
    for (auto& e : map.entries) {
      if (!is_merge(e)) {
        own.push_back(std::move(e));
      } else if (e.second.is_map()) {
        sources.push_back(std::move(e.second));
      } else if (e.second.is_sequence()) {
        for (auto& item : e.second.items)
          if (item.is_map()) sources.push_back(std::move(item));
      }
    }
    std::vector<SpecEntry> merged = std::move(own);
    for (auto& source : sources)
      for (auto& e : source.entries) {
        const bool present = std::any_of(merged.begin(), merged.end(), [&](const SpecEntry& m) {
          return m.first.kind == NodeKind::scalar && m.first.text == e.first.text;
        });
        if (!present) merged.push_back(std::move(e));
      }
    map.entries = std::move(merged);
  }

  const yaml::YamlTree& m_tree;
};

}  // namespace

std::vector<SpecDocument> to_spec_documents(const yaml::YamlTree& tree) {
  const Converter converter(tree);
  std::vector<SpecDocument> documents;
  documents.reserve(tree.documents.size());
  for (const auto& document : tree.documents) {
    SpecDocument out;
    if (document.root != yaml::k_no_node) out.root = converter.convert(tree.node(document.root));
    out.line = std::max(1, out.root.line > 0 ? out.root.line : document.line);
    documents.push_back(std::move(out));
  }
  return documents;
}

util::Shape shape_of(const SpecNode& node) {
  switch (node.kind) {
    case NodeKind::null: return util::Shape::nothing;
    case NodeKind::scalar: return util::Shape::scalar;
    case NodeKind::sequence: return util::Shape::list;
    case NodeKind::map: return util::Shape::map;
  }
  return util::Shape::nothing;
}

std::pair<int, int> find_template_marker(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      quote = 0;
      continue;
    }
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    const char previous = i == line_start ? '\n' : text[i - 1];
    const bool token_start = previous == '\n' || previous == ' ' || previous == '\t' || previous == '[';
    if (c == '#' && (previous == '\n' || previous == ' ' || previous == '\t')) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if ((c == '"' || c == '\'') && token_start) {
      quote = c;
      continue;
    }
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{' && token_start)
      return {line, static_cast<int>(i - line_start) + 1};
  }
  return {0, 0};
}

}  // namespace caas::import

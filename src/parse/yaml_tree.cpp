#include "yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>

#include "caas/util/raw_text.hpp"
#include "caas/util/yaml_guard.hpp"
#include "reporter.hpp"

namespace caas::parse {

const YamlNode* YamlTree::find(const YamlNode& map, std::string_view key) const {
  if (map.type != NodeType::map) return nullptr;
  const auto entries = children_of(map);
  for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
    const auto& k = nodes[entries[i]];
    if (k.type == NodeType::scalar && k.text == key) return &nodes[entries[i + 1]];
  }
  return nullptr;
}

namespace {

// Thrown from inside yaml-cpp's parse when a limit is passed, so that nothing more is read.
struct LimitHit {
  std::string code;
  std::string message;
  YAML::Mark mark;
};

// Lets yaml-cpp read the caller's text in place, without a copy.
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

int to_line(const YAML::Mark& mark) { return mark.line < 0 ? 0 : mark.line + 1; }
int to_column(const YAML::Mark& mark) { return mark.column < 0 ? 0 : mark.column + 1; }

// yaml-cpp tags a quoted or block scalar "!", a plain one "?"; an explicit !!str also makes a string.
bool is_plain_tag(const std::string& tag) { return tag != "!" && tag != "tag:yaml.org,2002:str"; }

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(YamlTree& tree, const ParseLimits& limits) : m_tree(tree), m_limits(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    // yaml-cpp 0.7 restarts a document at the same place forever on a ',' it cannot place (`[1],`).
    if (!m_tree.documents.empty() && mark.pos == m_document_pos)
      throw LimitHit{"yaml-syntax", std::string(util::k_stalled_document_message), mark};
    m_document_pos = mark.pos;
    m_tree.documents.push_back({to_line(mark), to_column(mark), k_no_node});
    m_anchors.clear();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    attach(new_leaf(NodeType::null, mark, anchor, {}, true));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    attach(new_leaf(NodeType::scalar, mark, anchor, value, is_plain_tag(tag)));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= m_anchors.size() || m_anchors[anchor] == k_no_node)
      throw LimitHit{"yaml-syntax", "an alias refers to an unknown anchor", mark};
    const auto target = m_anchors[anchor];
    if (!m_done[target])
      throw LimitHit{"yaml-syntax", "an alias refers to a node that contains it, which would never end", mark};
    // The alias stands for its whole subtree again: count it, and its depth, as if it were written out.
    count(m_weight[target], mark);
    if (static_cast<int>(m_open.size()) + m_height[target] > m_limits.max_depth) too_deep(mark);
    attach(target);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(NodeType::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(NodeType::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;
  };

  void count(std::size_t nodes, const YAML::Mark& mark) {
    m_visited += nodes;
    if (m_visited > m_limits.max_nodes)
      throw LimitHit{"too-many-nodes",
                     concat({"the YAML holds more than ", std::to_string(m_limits.max_nodes),
                             " nodes (an alias counts its whole anchored value each time it is used)"}),
                     mark};
  }

  [[noreturn]] void too_deep(const YAML::Mark& mark) const {
    throw LimitHit{"too-deep", util::too_deep_message(m_limits.max_depth), mark};
  }

  std::uint32_t new_node(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    count(1, mark);
    const auto index = static_cast<std::uint32_t>(m_tree.nodes.size());
    auto& node = m_tree.nodes.emplace_back();
    node.type = type;
    node.line = to_line(mark);
    node.column = to_column(mark);
    m_weight.push_back(1);
    m_height.push_back(0);
    m_done.push_back(type == NodeType::scalar || type == NodeType::null);
    if (anchor != YAML::NullAnchor) {
      if (anchor >= m_anchors.size()) m_anchors.resize(anchor + 1, k_no_node);
      m_anchors[anchor] = index;
    }
    return index;
  }

  std::uint32_t new_leaf(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor, const std::string& text,
                         bool plain) {
    const auto index = new_node(type, mark, anchor);
    m_tree.nodes[index].text = text;
    m_tree.nodes[index].plain = plain;
    return index;
  }

  void attach(std::uint32_t index) {
    if (!m_open.empty()) {
      m_pending.push_back(index);
    } else if (!m_tree.documents.empty() && m_tree.documents.back().root == k_no_node) {
      m_tree.documents.back().root = index;
    }
  }

  void open(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto index = new_node(type, mark, anchor);
    m_open.push_back({index, m_pending.size()});
    if (static_cast<int>(m_open.size()) > m_limits.max_depth) too_deep(mark);
  }

  void close() {
    if (m_open.empty()) return;
    const auto [index, first_pending] = m_open.back();
    m_open.pop_back();
    auto& node = m_tree.nodes[index];
    node.first = static_cast<std::uint32_t>(m_tree.children.size());
    node.count = static_cast<std::uint32_t>(m_pending.size() - first_pending);
    std::size_t weight = 1;
    int height = 0;
    for (std::size_t i = first_pending; i < m_pending.size(); ++i) {
      weight += m_weight[m_pending[i]];
      height = std::max(height, m_height[m_pending[i]]);
    }
    m_tree.children.insert(m_tree.children.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(first_pending),
                           m_pending.end());
    m_pending.resize(first_pending);
    m_weight[index] = weight;
    m_height[index] = height + 1;
    m_done[index] = true;
    attach(index);
  }

  YamlTree& m_tree;
  const ParseLimits& m_limits;
  std::vector<Open> m_open;
  std::vector<std::uint32_t> m_pending;  // children of the open containers, innermost last
  std::vector<std::uint32_t> m_anchors;  // yaml-cpp anchor id -> node
  std::vector<std::size_t> m_weight;     // nodes in a subtree, aliases expanded
  std::vector<int> m_height;             // nesting levels in a subtree
  std::vector<bool> m_done;
  std::size_t m_visited = 0;
  int m_document_pos = -1;
};

// yaml-cpp accepts a quoted scalar that is never closed, reading the rest of the file into it. Such a scalar is
// the last one read, so check that one from its opening quote: a missing quote is an error, not keys swallowed.
const YamlNode* find_unclosed_quote(const YamlTree& tree, std::string_view text) {
  const auto last = std::find_if(tree.nodes.rbegin(), tree.nodes.rend(),
                                 [](const YamlNode& node) { return node.type == NodeType::scalar; });
  if (last == tree.nodes.rend() || last->plain || last->line < 1 || last->column < 1) return nullptr;
  std::size_t open = 0;
  for (int line = 1; line < last->line && open != std::string_view::npos; ++line) {
    open = text.find('\n', open);
    if (open != std::string_view::npos) ++open;
  }
  if (open == std::string_view::npos) return nullptr;
  open += static_cast<std::size_t>(last->column - 1);
  if (open >= text.size() || (text[open] != '"' && text[open] != '\'')) return nullptr;  // a block scalar
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '"' || i + 1 >= text.size() || text[i + 1] != '\'') return nullptr;
      ++i;  // '' is a quote inside single quotes
    }
  }
  return &*last;
}

}  // namespace

YamlRead read_yaml(std::string_view text, const std::string& file, const ParseLimits& limits) {
  YamlRead read;
  Reporter report(text, file);
  auto stop = [&](std::string code, std::string message, int line, int column) {
    report.error(std::move(code), std::move(message), line, column);
    read.errors = report.take_errors();
    read.tree = {};
    return std::move(read);
  };
  if (auto problem = util::check_raw_text(text, file, {limits.max_bytes, limits.max_depth, "--max-file-size"})) {
    read.errors.push_back(std::move(*problem));
    return read;
  }
  try {
    ViewBuffer buffer(text);
    std::istream stream(&buffer);
    YAML::Parser parser(stream);
    TreeBuilder builder(read.tree, limits);
    while (parser.HandleNextDocument(builder)) {
    }
    if (const auto* open = find_unclosed_quote(read.tree, text))
      return stop("yaml-syntax", "not valid YAML: this quoted value is never closed", open->line, open->column);
  } catch (const LimitHit& hit) {
    return stop(hit.code, hit.message, to_line(hit.mark), to_column(hit.mark));
  } catch (const YAML::Exception& e) {
    return stop("yaml-syntax", concat({"not valid YAML: ", e.msg}), to_line(e.mark), to_column(e.mark));
  } catch (const std::exception& e) {
    return stop("yaml-syntax", concat({"the YAML could not be read: ", e.what()}), 0, 0);
  } catch (...) {
    return stop("yaml-syntax", "the YAML could not be read", 0, 0);
  }
  return read;
}

}  // namespace caas::parse

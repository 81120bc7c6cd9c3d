#include "caas/yaml/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "caas/util/messages.hpp"
#include "caas/util/raw_text.hpp"

namespace caas::yaml {

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

// A place in the text, 1-based; the column counts bytes, as every other location the tool reports does.
struct Mark {
  int line = 0;
  int column = 0;
};

// Thrown from the tree builder when a limit is passed, so that nothing more is read.
struct LimitHit {
  util::Code code;
  std::string message;
  Mark mark;
};

// libyaml counts columns in characters, and lines at every break YAML 1.1 knows: LF, CRLF, a lone CR, NEL (U+0085),
// LS and PS (U+2028, U+2029). The tool counts lines at LF and columns in bytes, like every other location it reports.
// The two agree on ASCII text whose CRs all end a CRLF, the common case; for any other text, marks are turned into
// byte offsets through an index of libyaml's lines, and byte offsets into lines and columns through an index of LFs.
class Columns {
 public:
  explicit Columns(std::string_view text) : m_text(text), m_simple(is_simple(text)) {}

  Mark at(const yaml_mark_t& mark) {
    if (m_simple) return {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
    return at_offset(offset_of(mark));
  }

  // The byte offset of a mark.
  std::size_t offset_of(const yaml_mark_t& mark) {
    index_lines();
    if (m_simple) {
      if (mark.line >= m_newlines.size()) return m_text.size();
      return std::min(m_newlines[mark.line] + mark.column, m_text.size());
    }
    if (mark.line >= m_yaml_lines.size()) return m_text.size();
    std::size_t byte = m_yaml_lines[mark.line];
    for (std::size_t seen = 0; byte < m_text.size() && seen < mark.column; ++seen) {
      ++byte;  // past the lead byte, then past any continuation bytes
      while (byte < m_text.size() && (static_cast<unsigned char>(m_text[byte]) & 0xC0) == 0x80) ++byte;
    }
    return byte;
  }

  // A byte offset as line and column (libyaml's reader errors give one).
  Mark at_offset(std::size_t offset) {
    index_lines();
    offset = std::min(offset, m_text.size());
    const auto next = std::upper_bound(m_newlines.begin(), m_newlines.end(), offset);
    const auto line = static_cast<int>(next - m_newlines.begin());
    return {line, static_cast<int>(offset - *(next - 1)) + 1};
  }

  // The byte at an offset, or 0 past the end.
  char byte_at(std::size_t offset) const { return offset < m_text.size() ? m_text[offset] : '\0'; }

 private:
  static bool is_simple(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte >= 0x80 || (byte == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) return false;
    }
    return true;
  }

  void index_lines() {
    if (!m_newlines.empty()) return;
    m_newlines.push_back(0);
    // libyaml skips a UTF-8 byte-order mark without counting it: its first line starts after the mark.
    m_yaml_lines.push_back(m_text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
    for (std::size_t i = 0; i < m_text.size(); ++i) {
      const char c = m_text[i];
      const auto rest = m_text.substr(i);
      std::size_t width = 0;  // of a line break libyaml counts, 0 for none
      if (c == '\n') {
        m_newlines.push_back(i + 1);
        width = 1;
      } else if (c == '\r') {
        width = rest.size() > 1 && rest[1] == '\n' ? 0 : 1;  // a CRLF is counted at its LF
      } else if (rest.rfind("\xC2\x85", 0) == 0) {
        width = 2;
      } else if (rest.rfind("\xE2\x80\xA8", 0) == 0 || rest.rfind("\xE2\x80\xA9", 0) == 0) {
        width = 3;
      }
      if (width > 0 && !m_simple) m_yaml_lines.push_back(i + width);
    }
  }

  std::string_view m_text;
  bool m_simple;
  std::vector<std::size_t> m_newlines;    // where each LF-ended line starts
  std::vector<std::size_t> m_yaml_lines;  // where each line libyaml counts starts
};

// The strings the YAML core schema reads as null when written plain and untagged.
bool is_null_text(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view to_view(const yaml_char_t* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

class TreeBuilder {
 public:
  TreeBuilder(YamlTree& tree, const util::InputLimits& limits) : m_tree(tree), m_limits(limits) {}

  void document_start(Mark mark) {
    m_tree.documents.push_back({mark.line, mark.column, k_no_node});
    m_anchors.clear();
  }
  void scalar(Mark mark, std::string_view anchor, std::string_view tag, const yaml_char_t* value, std::size_t length,
              yaml_scalar_style_t style) {
    const std::string_view text(reinterpret_cast<const char*>(value), length);
    // A quoted or block scalar is a string; so is a plain one tagged `!` or `!!str`.
    const bool plain = style == YAML_PLAIN_SCALAR_STYLE && tag != "!" && tag != "tag:yaml.org,2002:str";
    const auto index = plain && tag.empty() && is_null_text(text)
                           ? new_leaf(NodeType::null, mark, anchor, {}, true)
                           : new_leaf(NodeType::scalar, mark, anchor, text, plain);
    set_tag(index, tag);
    attach(index);
  }
  void alias(Mark mark, std::string_view anchor) {
    const auto found = m_anchors.find(std::string(anchor));
    if (found == m_anchors.end()) throw LimitHit{"yaml-syntax", "an alias refers to an unknown anchor", mark};
    const auto target = found->second;
    if (!m_done[target])
      throw LimitHit{"yaml-syntax", "an alias refers to a node that contains it, which would never end", mark};
    // The alias stands for its whole subtree again: count it, and its depth, as if it were written out.
    count(m_weight[target], mark);
    if (static_cast<int>(m_open.size()) + m_height[target] > m_limits.max_depth) too_deep(mark);
    attach(target);
  }
  void open(NodeType type, Mark mark, std::string_view anchor, std::string_view tag) {
    const auto index = new_node(type, mark, anchor);
    set_tag(index, tag);
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

 private:
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;
  };

  void count(std::size_t nodes, Mark mark) {
    m_visited += nodes;
    if (m_visited > m_limits.max_nodes)
      throw LimitHit{"too-many-nodes",
                     fmt::format("the YAML holds more than {} nodes (an alias counts its whole anchored value each "
                                 "time it is used)",
                                 m_limits.max_nodes),
                     mark};
  }

  // Tags are few and repeated (`!Ref`, `!GetAtt`...): each is kept once. "!" (the non-specific tag of a quoted
  // scalar) is no tag.
  void set_tag(std::uint32_t index, std::string_view tag) {
    if (tag.empty() || tag == "!") return;
    const auto [found, added] =
        m_tag_index.try_emplace(std::string(tag), static_cast<std::uint32_t>(m_tree.tags.size()));
    if (added) m_tree.tags.emplace_back(tag);
    m_tree.nodes[index].tag = found->second;
  }

  [[noreturn]] void too_deep(Mark mark) const {
    throw LimitHit{"too-deep", util::too_deep_message(m_limits.max_depth), mark};
  }

  std::uint32_t new_node(NodeType type, Mark mark, std::string_view anchor) {
    count(1, mark);
    const auto index = static_cast<std::uint32_t>(m_tree.nodes.size());
    auto& node = m_tree.nodes.emplace_back();
    node.type = type;
    node.line = mark.line;
    node.column = mark.column;
    m_weight.push_back(1);
    m_height.push_back(0);
    m_done.push_back(type == NodeType::scalar || type == NodeType::null);
    if (!anchor.empty()) m_anchors.insert_or_assign(std::string(anchor), index);  // a later anchor of a name wins
    return index;
  }

  std::uint32_t new_leaf(NodeType type, Mark mark, std::string_view anchor, std::string_view text, bool plain) {
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

  YamlTree& m_tree;
  const util::InputLimits& m_limits;
  std::vector<Open> m_open;
  std::vector<std::uint32_t> m_pending;  // children of the open containers, innermost last
  std::unordered_map<std::string, std::uint32_t> m_anchors;
  std::unordered_map<std::string, std::uint32_t> m_tag_index;
  std::vector<std::size_t> m_weight;  // nodes in a subtree, aliases expanded
  std::vector<int> m_height;          // nesting levels in a subtree
  std::vector<bool> m_done;
  std::size_t m_visited = 0;
};

// libyaml's parser and its current event, released however reading ends.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    if (yaml_parser_initialize(&m_parser) == 0) throw std::bad_alloc();
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() {
    if (m_has_event) yaml_event_delete(&m_event);
    yaml_parser_delete(&m_parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next event, or nullptr when the text is not valid YAML (see parser()).
  const yaml_event_t* next() {
    if (m_has_event) yaml_event_delete(&m_event);
    m_has_event = yaml_parser_parse(&m_parser, &m_event) != 0;
    return m_has_event ? &m_event : nullptr;
  }
  const yaml_parser_t& parser() const { return m_parser; }

 private:
  yaml_parser_t m_parser{};
  yaml_event_t m_event{};
  bool m_has_event = false;
};

// libyaml's reason, said the way the rest of the tool's messages are, at the place it gives.
LimitHit syntax_error(const yaml_parser_t& parser, Columns& columns) {
  const auto problem = to_view(reinterpret_cast<const yaml_char_t*>(parser.problem));
  const auto context = to_view(reinterpret_cast<const yaml_char_t*>(parser.context));
  if (parser.error == YAML_MEMORY_ERROR) return {"yaml-syntax", "the YAML could not be read: out of memory", {}};
  if (parser.error == YAML_READER_ERROR) {
    std::string message = fmt::format("not valid YAML: {}", problem);
    if (problem == "control characters are not allowed" && parser.problem_value >= 0)
      message = fmt::format("not valid YAML: a control character (U+{:04X}) is not allowed", parser.problem_value);
    return {"yaml-syntax", std::move(message), columns.at_offset(parser.problem_offset)};
  }
  const auto context_mark = columns.at(parser.context_mark);
  const auto problem_offset = columns.offset_of(parser.problem_mark);
  const auto problem_mark = columns.at_offset(problem_offset);
  // A quoted scalar that runs to the end of the file: the useful place is its opening quote.
  if (context == "while scanning a quoted scalar" && problem == "found unexpected end of stream")
    return {"yaml-syntax", "not valid YAML: this quoted value is never closed", context_mark};
  // libyaml's words for the common slips, said plainly.
  const char found = columns.byte_at(problem_offset);
  if (found == ',' && (problem == "did not find expected <document start>" || problem == "did not find expected key" ||
                       problem == "did not find expected '-' indicator"))
    return {"yaml-syntax", "not valid YAML: a ',' outside [ ] or { }", problem_mark};
  if (problem == "found character that cannot start any token") {
    if (found == '\t') return {"yaml-syntax", "not valid YAML: a tab; YAML indents with spaces only", problem_mark};
    if (found == '@' || found == '`')
      return {"yaml-syntax",
              fmt::format("not valid YAML: a value cannot start with '{}' (reserved in YAML): quote the value", found),
              problem_mark};
  }
  std::string message =
      fmt::format("not valid YAML: {}", problem.empty() ? std::string_view("unknown error") : problem);
  if (!context.empty() && context != "while scanning for the next token")
    message += fmt::format(" ({} that starts at line {}, column {})", context, context_mark.line, context_mark.column);
  return {"yaml-syntax", std::move(message), problem_mark};
}

void read_events(std::string_view text, TreeBuilder& builder) {
  Columns columns(text);
  Parser parser(text);
  while (true) {
    const auto* event = parser.next();
    if (event == nullptr) throw syntax_error(parser.parser(), columns);
    const auto mark = [&] { return columns.at(event->start_mark); };
    switch (event->type) {
      case YAML_STREAM_END_EVENT: return;
      case YAML_DOCUMENT_START_EVENT: builder.document_start(mark()); break;
      case YAML_SCALAR_EVENT: {
        const auto& s = event->data.scalar;
        builder.scalar(mark(), to_view(s.anchor), to_view(s.tag), s.value, s.length, s.style);
        break;
      }
      case YAML_ALIAS_EVENT: builder.alias(mark(), to_view(event->data.alias.anchor)); break;
      case YAML_SEQUENCE_START_EVENT:
        builder.open(NodeType::sequence, mark(), to_view(event->data.sequence_start.anchor),
                     to_view(event->data.sequence_start.tag));
        break;
      case YAML_MAPPING_START_EVENT:
        builder.open(NodeType::map, mark(), to_view(event->data.mapping_start.anchor),
                     to_view(event->data.mapping_start.tag));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: builder.close(); break;
      default:  // stream start, document end, no event
        break;
    }
  }
}

}  // namespace

YamlRead read_yaml(std::string_view text, const std::string& file, const util::InputLimits& limits) {
  YamlRead read;
  auto stop = [&](util::Code code, std::string message, Mark mark) {
    read.errors.push_back(util::make_error(code, std::move(message), {file, mark.line, mark.column}, text));
    read.tree = {};
    return std::move(read);
  };
  if (auto problem = util::check_raw_text(text, file, limits)) {
    read.errors.push_back(std::move(*problem));
    return read;
  }
  try {
    TreeBuilder builder(read.tree, limits);
    read_events(text, builder);
  } catch (const LimitHit& hit) {
    return stop(hit.code, hit.message, hit.mark);
  } catch (const std::exception& e) {
    return stop("yaml-syntax", fmt::format("the YAML could not be read: {}", e.what()), {});
  }
  return read;
}

util::Diagnostics refuse_merge_keys(const YamlTree& tree, std::string_view text, const std::string& file) {
  util::Diagnostics errors;
  for (const auto& node : tree.nodes) {
    if (node.type != NodeType::map) continue;
    const auto entries = tree.children_of(node);
    for (std::size_t i = 0; i < entries.size(); i += 2) {
      const auto& key = tree.node(entries[i]);
      if (YamlTree::is_merge_key(key)) {
        auto problem = util::merge_key();
        errors.push_back(
            util::make_error(problem.code, std::move(problem.message), {file, key.line, key.column}, text, 2));
      }
    }
  }
  std::sort(errors.begin(), errors.end(), [](const util::Diagnostic& a, const util::Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return errors;
}

}  // namespace caas::yaml

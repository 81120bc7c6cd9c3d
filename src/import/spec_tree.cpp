#include "spec_tree.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "caas/util/yaml_guard.hpp"

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

// Thrown while converting when a limit is passed.
struct LimitHit {
  util::Code code;
  std::string message;
  int line = 0;
  int column = 0;
};

class Converter {
 public:
  explicit Converter(const Limits& limits) : m_limits(limits) {}

  SpecNode convert(const YAML::Node& node, int depth) {
    const auto mark = node.Mark();
    const int line = mark.line < 0 ? 0 : mark.line + 1;
    const int column = mark.column < 0 ? 0 : mark.column + 1;
    if (++m_count > m_limits.max_nodes)
      throw LimitHit{"too-many-nodes",
                     "the YAML holds more than " + std::to_string(m_limits.max_nodes) +
                         " nodes (an alias counts its whole anchored value each time it is used)",
                     line, column};
    if (depth > m_limits.max_depth)
      throw LimitHit{"too-deep",
                     "maps and lists are nested more than " + std::to_string(m_limits.max_depth) + " levels deep", line,
                     column};
    SpecNode out;
    out.line = line;
    out.column = column;
    const auto& tag = node.Tag();
    if (!tag.empty() && tag != "?" && tag != "!") out.tag = tag;
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = NodeKind::scalar;
        out.text = node.Scalar();
        out.quoted = tag == "!";
        break;
      case YAML::NodeType::Sequence:
        out.kind = NodeKind::sequence;
        for (const auto& item : node) out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = NodeKind::map;
        for (const auto& pair : node) {
          auto key = convert(pair.first, depth + 1);
          auto value = convert(pair.second, depth + 1);
          out.entries.emplace_back(std::move(key), std::move(value));
        }
        apply_merge_keys(out);
        break;
      default: break;
    }
    return out;
  }

 private:
  // YAML merge keys (`<<: *base` or `<<: [*a, *b]`): the merged maps' keys, unless the map gives them itself; the
  // first merged map wins over later ones. yaml-cpp leaves `<<` as an ordinary key.
  static void apply_merge_keys(SpecNode& map) {
    auto is_merge = [](const SpecEntry& e) {
      return e.first.kind == NodeKind::scalar && !e.first.quoted && e.first.text == "<<";
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

  const Limits& m_limits;
  std::size_t m_count = 0;
};

util::Diagnostic located(util::Code code, std::string message, const std::string& file, std::string_view text, int line,
                         int column) {
  return util::make_error(code, std::move(message), {file, line, column}, text);
}

}  // namespace

SpecRead read_spec(std::string_view text, const std::string& file, const Limits& limits) {
  SpecRead read;
  if (text.size() > limits.max_bytes) {
    read.errors.push_back(located("too-large",
                                  "the file is " + std::to_string(text.size()) + " bytes, larger than the limit of " +
                                      util::format_quantity(static_cast<double>(limits.max_bytes), util::Kind::size) +
                                      " (--max-file-size)",
                                  file, text, 0, 0));
    return read;
  }
  if (!util::is_valid_utf8(text)) {
    read.errors.push_back(located("not-utf8", "the file is not valid UTF-8", file, text, 0, 0));
    return read;
  }
  try {
    if (auto stalled = util::find_stalled_document(text)) {
      read.errors.push_back(located("yaml-syntax", std::string(util::k_stalled_document_message), file, text,
                                    stalled->first, stalled->second));
      return read;
    }
    const auto nodes = YAML::LoadAll(std::string(text));
    Converter converter(limits);
    for (const auto& node : nodes) {
      SpecDocument document;
      document.root = converter.convert(node, 0);
      document.line = std::max(1, document.root.line);
      read.documents.push_back(std::move(document));
    }
  } catch (const LimitHit& hit) {
    read.documents.clear();
    read.errors.push_back(located(hit.code, hit.message, file, text, hit.line, hit.column));
  } catch (const YAML::Exception& e) {
    read.documents.clear();
    read.errors.push_back(located("yaml-syntax", "not valid YAML: " + e.msg, file, text,
                                  e.mark.line < 0 ? 0 : e.mark.line + 1, e.mark.column < 0 ? 0 : e.mark.column + 1));
  } catch (const std::exception& e) {
    read.documents.clear();
    read.errors.push_back(
        located("yaml-syntax", std::string("the YAML could not be read: ") + e.what(), file, text, 0, 0));
  }
  return read;
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

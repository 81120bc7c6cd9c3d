#pragma once
// The one reader of YAML (and JSON) text: every file of a batch — workloads and the specs of other formats — and the
// table files go through read_yaml, so that one file reads the same, with the same limits and the same messages,
// whoever reads it. It builds a small read-only tree from libyaml's parser events: duplicate keys survive (a reader
// reports them), quoted and plain scalars differ, tags are kept (`!Ref`, `!!str`), merge keys (`<<`) are left as
// keys for the reader to refuse or apply, and an alias is a reference to its anchored node, never a copy, so an alias
// bomb costs nothing to hold and is refused by counting.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "caas/util/diagnostic.hpp"
#include "caas/util/messages.hpp"
#include "caas/util/raw_text.hpp"

namespace caas::yaml {

enum class NodeType : std::uint8_t { null, scalar, sequence, map };

inline constexpr std::uint32_t k_no_node = 0xFFFFFFFF;

// A node type as the shared messages name it ("a list", "a map"...).
constexpr util::Shape shape_of(NodeType type) {
  switch (type) {
    case NodeType::null: return util::Shape::nothing;
    case NodeType::scalar: return util::Shape::scalar;
    case NodeType::sequence: return util::Shape::list;
    case NodeType::map: return util::Shape::map;
  }
  return util::Shape::nothing;
}

struct YamlNode {
  NodeType type = NodeType::null;
  bool plain = true;        // a scalar written without quotes and untagged or tagged with a local tag (`!Ref x`)
  int line = 0;             // 1-based, where the node starts (the opening quote of a quoted scalar)
  int column = 0;           // 1-based, in bytes
  std::uint32_t tag = 0;    // index in YamlTree::tags; 0 when the node has no tag
  std::uint32_t first = 0;  // children in YamlTree::children: items, or keys and values alternating
  std::uint32_t count = 0;
  std::string text;  // a scalar's value
};

struct YamlDocument {
  int line = 1;  // where the document starts
  int column = 1;
  std::uint32_t root = k_no_node;
};

struct YamlTree {
  std::vector<YamlNode> nodes;
  std::vector<std::uint32_t> children;
  std::vector<YamlDocument> documents;
  std::vector<std::string> tags{std::string()};  // tags[0] is "no tag"

  const YamlNode& node(std::uint32_t index) const { return nodes[index]; }
  std::span<const std::uint32_t> children_of(const YamlNode& node) const {
    return {children.data() + node.first, node.count};
  }
  // The node's tag as written, resolved: "!Ref", "tag:yaml.org,2002:str"; empty when none.
  const std::string& tag_of(const YamlNode& node) const { return tags[node.tag]; }
  // The value of a key in a map, or nullptr (the first one when a key is repeated).
  const YamlNode* find(const YamlNode& map, std::string_view key) const;
  // A plain `<<` key: a YAML merge key.
  static bool is_merge_key(const YamlNode& key) {
    return key.type == NodeType::scalar && key.plain && key.text == "<<";
  }
};

// The tree, or the one error that stopped reading: too-large, not-utf8, nul-byte, too-deep, too-many-nodes or
// yaml-syntax, located and worded as for every file the tool reads.
struct YamlRead {
  YamlTree tree;
  util::Diagnostics errors;
};
YamlRead read_yaml(std::string_view text, const std::string& file, const util::InputLimits& limits);

// The plain `<<` keys of every map of the tree, in file order, as merge-key errors: for the tool's own files, which
// do not take merge keys ("write the keys out").
util::Diagnostics refuse_merge_keys(const YamlTree& tree, std::string_view text, const std::string& file);

// A string as a YAML scalar the tool may write into a file: as it is when that reads back as the same string, else
// double-quoted, with every control character, DEL, C1 character and line or paragraph separator escaped. Nothing
// written through it holds a raw control character.
std::string scalar_text(std::string_view text);
// Always double-quoted, with the same escapes.
std::string double_quoted(std::string_view text);

}  // namespace caas::yaml

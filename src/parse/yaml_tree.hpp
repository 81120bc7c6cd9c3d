#pragma once
// YAML text to a small read-only tree, with the hardening limits applied while reading (private to the parse
// module). Built from libyaml's parser events (libyaml is a C library several times faster than yaml-cpp, which the
// other loaders use; docs/performance.md), so that duplicate keys survive, quoted and plain scalars differ, and an
// alias is a reference to its anchored node, never a copy: an alias bomb costs nothing to hold and is refused
// by counting.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "caas/parse/parse_workload.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::parse {

enum class NodeType : std::uint8_t { null, scalar, sequence, map };

inline constexpr std::uint32_t k_no_node = 0xFFFFFFFF;

struct YamlNode {
  NodeType type = NodeType::null;
  bool plain = true;  // a scalar written without quotes (so `true` is a boolean, `"true"` a string)
  int line = 0;       // 1-based, where the node starts (the opening quote of a quoted scalar)
  int column = 0;
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

  const YamlNode& node(std::uint32_t index) const { return nodes[index]; }
  std::span<const std::uint32_t> children_of(const YamlNode& node) const {
    return {children.data() + node.first, node.count};
  }
  // The value of a plain-named key in a map, or nullptr (the first one when a key is repeated).
  const YamlNode* find(const YamlNode& map, std::string_view key) const;
};

// The tree, or the one error that stopped reading: too-large, not-utf8, too-deep, too-many-nodes, yaml-syntax.
struct YamlRead {
  YamlTree tree;
  util::Diagnostics errors;
};
YamlRead read_yaml(std::string_view text, const std::string& file, const ParseLimits& limits);

}  // namespace caas::parse

#pragma once
// A spec's YAML (or JSON) as a small owned tree that the importers may resolve in place, made from the one reader's
// tree (yaml::read_yaml, with its limits): tags are kept (CloudFormation's `!Ref`, `!Sub`...), merge keys (`<<`) are
// applied, and every node knows where it was written.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "caas/import/import.hpp"
#include "caas/util/diagnostic.hpp"
#include "caas/util/messages.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::import {

enum class NodeKind { null, scalar, sequence, map };

struct SpecEntry;

struct SpecNode {
  NodeKind kind = NodeKind::null;
  std::string tag;      // a local tag such as "!Ref"; empty when none
  bool quoted = false;  // a scalar written in quotes
  std::string text;     // a scalar's value
  int line = 0;         // 1-based
  int column = 0;
  std::vector<SpecNode> items;     // a sequence's items
  std::vector<SpecEntry> entries;  // a map's keys and values, in file order
  std::string resolved_from;       // set when a variable or !Ref was replaced by its value: what was written
  std::string unresolved;          // set when the value is a variable or intrinsic that cannot be resolved here

  // A node made by an importer (not read from a file), such as an empty map to stand for a missing section.
  static SpecNode of(NodeKind kind, std::string text = {});

  bool is_map() const { return kind == NodeKind::map; }
  bool is_sequence() const { return kind == NodeKind::sequence; }
  bool is_scalar() const { return kind == NodeKind::scalar; }
  // The entry with this key, or nullptr (the first when a key is repeated).
  const SpecEntry* entry(std::string_view key) const;
  // The value at this key, or nullptr.
  const SpecNode* get(std::string_view key) const;
  // A scalar's text at this key when it is a plain value (not an unresolved expression); empty otherwise.
  std::string text_at(std::string_view key) const;
};

// A map's key and value. (A struct, not std::pair: a pair of a type that is not yet complete is not portable C++.)
struct SpecEntry {
  SpecNode first;   // the key
  SpecNode second;  // the value

  SpecEntry() = default;
  SpecEntry(SpecNode key, SpecNode value) : first(std::move(key)), second(std::move(value)) {}
};

inline SpecNode SpecNode::of(NodeKind kind, std::string text) {
  SpecNode node;
  node.kind = kind;
  node.text = std::move(text);
  return node;
}

struct SpecDocument {
  SpecNode root;
  int line = 1;
};

// The documents of a tree the reader read without errors, merge keys applied.
std::vector<SpecDocument> to_spec_documents(const yaml::YamlTree& tree);

// The shape of a node, for the shared messages (caas/util/messages.hpp).
util::Shape shape_of(const SpecNode& node);

// Where a text looks like a template rather than YAML (`{{` starting a value or a line, as Helm writes): the 1-based
// line and column of the first such `{{`, or {0, 0}. `{{` inside quotes or inside a word is not counted.
std::pair<int, int> find_template_marker(std::string_view text);

}  // namespace caas::import

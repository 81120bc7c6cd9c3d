#pragma once
// The field catalogue as a tree of keys, built once, so that each key of a file is looked up among its section's
// few keys instead of by scanning the catalogue (private to the parse module).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caas::parse {

struct SchemaKey {
  std::string_view key;  // "memory"
  std::string path;      // "resources.memory"
  int field = -1;        // index in model::field_catalogue(), or -1 for a section (a map of keys)
  std::vector<SchemaKey> children;
  std::vector<std::string_view> names;  // the children's keys, for did-you-mean and messages

  bool is_section() const { return field < 0; }
  const SchemaKey* find(std::string_view name) const;
};

// The top level of a workload file.
const SchemaKey& schema_root();

}  // namespace caas::parse

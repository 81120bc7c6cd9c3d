#include "schema_index.hpp"

#include "caas/model/field_catalogue.hpp"

namespace caas::parse {

namespace {

void fill(SchemaKey& section) {
  for (const auto key : model::keys_under(section.path)) {
    SchemaKey child;
    child.key = key;
    child.path = section.path.empty() ? std::string(key) : section.path + "." + std::string(key);
    if (const auto index = model::find_field(child.path)) {
      child.field = static_cast<int>(*index);
    } else {
      fill(child);
    }
    section.names.push_back(key);
    section.children.push_back(std::move(child));
  }
}

}  // namespace

const SchemaKey* SchemaKey::find(std::string_view name) const {
  for (const auto& child : children)
    if (child.key == name) return &child;
  return nullptr;
}

const SchemaKey& schema_root() {
  static const SchemaKey k_root = [] {
    SchemaKey top;
    fill(top);
    return top;
  }();
  return k_root;
}

}  // namespace caas::parse

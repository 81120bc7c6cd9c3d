// The link between the condition language and the workload schema.
#include <string>

#include "caas/model/field_catalogue.hpp"
#include "caas/rules/rule_set.hpp"

namespace caas::rules {

const expr::Schema& workload_schema() {
  static const expr::Schema k_schema = [] {
    expr::Schema s;
    s.resolve = [](std::string_view path) -> std::optional<expr::FieldType> {
      if (path.size() > 2 && path.substr(0, 2) == "x.") return expr::FieldType{};  // typed at evaluation
      const auto index = model::find_field(path);
      if (!index) return std::nullopt;
      const auto& spec = model::field_catalogue()[*index];
      expr::FieldType type;
      type.slot = static_cast<int>(*index);
      type.kind = model::kind_of(spec.type);
      if (spec.type == model::FieldType::enum_list) type.item_kind = util::Kind::string;
      for (auto value : spec.values) type.values.emplace_back(value);
      return type;
    };
    for (const auto& spec : model::field_catalogue()) s.paths.emplace_back(spec.path);
    return s;
  }();
  return k_schema;
}

const util::Value* ProfileEnvironment::field(int slot) const {
  if (slot < 0 || static_cast<std::size_t>(slot) >= m_profile.fields.size()) return nullptr;
  return &m_profile.fields[static_cast<std::size_t>(slot)].value;
}

const util::Value* ProfileEnvironment::extension(std::string_view name) const {
  const auto* value = m_profile.extension(name);
  return value != nullptr ? &value->value : nullptr;
}

std::string interpolate(std::string_view message, const model::WorkloadProfile& profile) {
  std::string out;
  out.reserve(message.size() + 16);
  std::size_t i = 0;
  while (i < message.size()) {
    const auto open = message.find('{', i);
    if (open == std::string_view::npos) break;
    const auto close = message.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(message.substr(i, open - i));
    const auto path = message.substr(open + 1, close - open - 1);
    const model::FieldValue* field = nullptr;
    if (path.size() > 2 && path.substr(0, 2) == "x.")
      field = profile.extension(path.substr(2));
    else if (const auto index = model::find_field(path))
      field = &profile.at(*index);
    if (field != nullptr && field->value.is_known())
      out += field->written.empty() ? util::display(field->value) : field->written;
    else
      out += "unknown";
    i = close + 1;
  }
  out.append(message.substr(i));
  return out;
}

}  // namespace caas::rules

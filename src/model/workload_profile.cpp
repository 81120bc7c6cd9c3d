#include "caas/model/workload_profile.hpp"

#include <algorithm>
#include <stdexcept>

namespace caas::model {

WorkloadProfile::WorkloadProfile() : fields(field_catalogue().size()) {}

const FieldValue& WorkloadProfile::at(std::string_view path) const {
  const auto index = find_field(path);
  if (!index) throw std::logic_error("no workload field " + std::string(path));
  return fields[*index];
}

FieldValue& WorkloadProfile::at(std::string_view path) {
  return const_cast<FieldValue&>(std::as_const(*this).at(path));
}

std::optional<double> WorkloadProfile::number(std::string_view path) const {
  const auto& f = at(path);
  if (!f.value.is_known() || f.value.kind == util::Kind::string || f.value.kind == util::Kind::list)
    return std::nullopt;
  return f.value.number;
}

std::optional<std::string_view> WorkloadProfile::text(std::string_view path) const {
  const auto& f = at(path);
  if (f.value.kind != util::Kind::string) return std::nullopt;
  return std::string_view(f.value.text);
}

bool WorkloadProfile::flag(std::string_view path) const {
  const auto& f = at(path);
  return f.value.kind == util::Kind::boolean && f.value.as_bool();
}

bool WorkloadProfile::has_trigger(std::string_view trigger) const {
  const auto& f = at("triggers");
  return std::any_of(f.value.items.begin(), f.value.items.end(),
                     [&](const util::Value& v) { return v.text == trigger; });
}

const FieldValue* WorkloadProfile::extension(std::string_view key_name) const {
  for (const auto& [key, value] : extensions)
    if (key == key_name) return &value;
  return nullptr;
}

void apply_defaults(WorkloadProfile& profile) {
  const auto& catalogue = field_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    auto& field = profile.fields[i];
    const auto& spec = catalogue[i];
    if (field.origin != Origin::absent || spec.default_value.empty()) continue;
    field.origin = Origin::defaulted;
    field.written = std::string(spec.default_value);
    switch (spec.type) {
      case FieldType::boolean: field.value = util::Value::of_bool(spec.default_value == "true"); break;
      case FieldType::integer: field.value = util::Value::of_number(std::stod(std::string(spec.default_value))); break;
      default: field.value = util::Value::of_string(std::string(spec.default_value)); break;
    }
  }
  // The longest run is at least the typical one.
  auto& max = profile.at("execution.duration.max");
  const auto& typical = profile.at("execution.duration.typical");
  if (max.origin == Origin::absent && typical.origin == Origin::written) {
    max.value = typical.value;
    max.origin = Origin::derived;
    max.written = typical.written;
    max.line = typical.line;
    max.column = typical.column;
  }
}

}  // namespace caas::model

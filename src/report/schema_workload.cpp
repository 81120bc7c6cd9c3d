// The workload file's JSON Schema, generated from the field catalogue: sections become objects, each field's type
// its JSON type with enum values, unit patterns (from the unit tables) and minimums; unknown keys are refused as the
// parser refuses them, except the user's own x- keys at the top level.
#include <sstream>

#include "caas/model/field_catalogue.hpp"
#include "caas/report/schemas.hpp"
#include "caas/util/embedded_file.hpp"
#include "caas/util/quantity.hpp"
#include "json_writer.hpp"

namespace caas::report {

const std::vector<util::EmbeddedFile>& embedded_schema_files();

namespace {

constexpr std::string_view k_draft = "https://json-schema.org/draft/2020-12/schema";
// The one section that may also be written as a single value: a bare duration means typical = max.
constexpr std::string_view k_duration_shorthand = "execution.duration";

// A number as YAML writes it ("30", "1.5", ".5", "1e3"), as the parser reads it.
constexpr std::string_view k_number = "\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

std::string quantity_pattern(util::Kind kind) {
  std::string units;
  for (const auto& unit : util::units_of(kind)) units += (units.empty() ? "" : "|") + std::string(unit.symbol);
  // Counts may be written without a unit.
  const std::string unit_part = kind == util::Kind::count ? "( *(" + units + "))?" : " *(" + units + ")";
  return "^" + std::string(k_number) + unit_part + "$";
}

void write_types(JsonWriter& json, std::initializer_list<std::string_view> types) {
  json.key("type");
  if (types.size() == 1) return json.string(*types.begin());
  json.begin_array();
  for (const auto type : types) json.string(type);
  json.end_array();
}

void write_enum(JsonWriter& json, const std::vector<std::string_view>& values) {
  json.key("enum");
  json.begin_array();
  for (const auto value : values) json.string(value);
  json.end_array();
}

void write_default(JsonWriter& json, const model::FieldSpec& spec) {
  if (spec.default_value.empty()) return;
  json.key("default");
  if (spec.type == model::FieldType::integer)
    json.integer(std::stoll(std::string(spec.default_value)));
  else if (spec.type == model::FieldType::boolean)
    json.boolean(spec.default_value == "true");
  else
    json.string(spec.default_value);
}

// The schema of one field's value (without the braces).
void write_field_body(JsonWriter& json, const model::FieldSpec& spec) {
  using T = model::FieldType;
  json.key("description");
  json.string(spec.description);
  switch (spec.type) {
    case T::text: write_types(json, {"string", "number", "boolean"}); break;
    case T::name:
      write_types(json, {"string", "integer"});
      json.key("pattern");
      json.string("^[A-Za-z0-9._-]{1,63}$");
      break;
    case T::enumeration: write_enum(json, spec.values); break;
    case T::enum_list:
      write_types(json, {"array"});
      json.key("items");
      json.begin_object();
      write_enum(json, spec.values);
      json.end_object();
      break;
    case T::boolean: write_types(json, {"boolean"}); break;
    case T::duration:
    case T::size:
      write_types(json, {"string"});
      json.key("pattern");
      json.string(quantity_pattern(model::kind_of(spec.type)));
      break;
    case T::count:
      write_types(json, {"number", "string"});
      json.key("minimum");
      json.integer(0);
      json.key("pattern");
      json.string(quantity_pattern(util::Kind::count));
      break;
    case T::cpu:
      write_types(json, {"number", "string"});
      json.key(spec.positive ? "exclusiveMinimum" : "minimum");
      json.integer(0);
      json.key("pattern");
      json.string("^[0-9]+m$");  // Kubernetes millicores
      break;
    case T::rate:
    case T::money:
    case T::hours:
      write_types(json, {"number"});
      json.key("minimum");
      json.integer(0);
      break;
    case T::integer:
      write_types(json, {"integer"});
      json.key("minimum");
      json.integer(spec.positive ? 1 : 0);
      break;
  }
  write_default(json, spec);
}

std::string join(std::string_view prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : std::string(prefix) + "." + std::string(key);
}

void write_node(JsonWriter& json, const std::string& path);

// The file's accepted exceptions (docs/config.md), read by parse/waivers.cpp.
void write_waivers(JsonWriter& json) {
  json.key("waivers");
  json.begin_object();
  json.key("description");
  json.string("accepted exceptions: findings reported as waived, with the reason, never counting for --fail-on");
  json.key("type");
  json.string("array");
  json.key("items");
  json.begin_object();
  json.key("type");
  json.string("object");
  json.key("required");
  json.begin_array();
  json.string("rule");
  json.string("reason");
  json.end_array();
  json.key("properties");
  json.begin_object();
  for (const auto* key : {"rule", "reason", "expires"}) {
    json.key(key);
    json.begin_object();
    json.key("type");
    json.string("string");
    if (std::string_view(key) == "expires") {
      json.key("pattern");
      json.string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    } else {
      json.key("minLength");
      json.integer(1);
    }
    json.end_object();
  }
  json.end_object();
  json.key("additionalProperties");
  json.boolean(false);
  json.end_object();
  json.end_object();
}

void write_properties(JsonWriter& json, std::string_view prefix) {
  json.key("properties");
  json.begin_object();
  for (const auto key : model::keys_under(prefix)) {
    json.key(key);
    write_node(json, join(prefix, key));
  }
  if (prefix.empty()) write_waivers(json);
  json.end_object();
}

// A section: a map of the fields under `prefix`, and nothing else.
void write_section(JsonWriter& json, std::string_view prefix) {
  json.begin_object();
  json.key("type");
  json.string("object");
  write_properties(json, prefix);
  json.key("additionalProperties");
  json.boolean(false);
  json.end_object();
}

// The value at `path`: a field, a section, or (the shorthand) either a duration or its section.
void write_node(JsonWriter& json, const std::string& path) {
  if (const auto index = model::find_field(path)) {
    json.begin_object();
    write_field_body(json, model::field_catalogue()[*index]);
    json.end_object();
    return;
  }
  if (path != k_duration_shorthand) return write_section(json, path);
  json.begin_object();
  json.key("description");
  json.string("a duration (typical and max alike), or a map of typical and max");
  json.key("anyOf");
  json.begin_array();
  json.begin_object();
  write_types(json, {"string"});
  json.key("pattern");
  json.string(quantity_pattern(util::Kind::duration));
  json.end_object();
  write_section(json, path);
  json.end_array();
  json.end_object();
}

}  // namespace

std::string workload_schema() {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("$schema");
  json.string(k_draft);
  json.key("$id");
  json.string("urn:caas-advisor:schema:workload:v1");
  json.key("title");
  json.string("caas-advisor workload file (caas-advisor/v1)");
  json.key("description");
  json.string(
      "What a piece of software does, for caas-advisor to rank EC2, Fargate and Lambda. Generated from "
      "the field catalogue by `caas-advisor schema workload`.");
  json.key("type");
  json.string("object");
  json.key("required");
  json.begin_array();
  for (const auto& field : model::field_catalogue())
    if (field.required) json.string(field.path);
  json.end_array();
  write_properties(json, "");
  json.key("patternProperties");
  json.begin_object();
  json.key("^x-");
  json.begin_object();
  json.key("description");
  json.string("the user's own keys: never change advice by themselves; a user's rule can read a scalar one as x.NAME");
  json.end_object();
  json.end_object();
  json.key("additionalProperties");
  json.boolean(false);
  json.end_object();
  out << '\n';
  return out.str();
}

std::string_view report_schema() { return embedded_schema_files().at(0).text; }

std::string_view diff_schema() { return embedded_schema_files().at(1).text; }

std::string_view config_schema() { return embedded_schema_files().at(1).text; }

}  // namespace caas::report

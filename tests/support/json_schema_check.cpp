#include "support/json_schema_check.hpp"

#include <cmath>
#include <regex>
#include <set>

namespace caas::test {

namespace {

using nlohmann::json;

const std::set<std::string> k_annotations = {"$schema", "$id", "$defs", "title", "description", "default"};
const std::set<std::string> k_keywords = {"$ref",
                                          "type",
                                          "const",
                                          "enum",
                                          "required",
                                          "properties",
                                          "patternProperties",
                                          "additionalProperties",
                                          "items",
                                          "anyOf",
                                          "minimum",
                                          "exclusiveMinimum",
                                          "pattern"};

bool has_type(const json& value, const std::string& type) {
  if (type == "null") return value.is_null();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "number") return value.is_number();
  if (type == "integer")
    return value.is_number_integer() ||
           (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
  return false;
}

class Checker {
 public:
  explicit Checker(const json& root) : m_root(root) {}

  void check(const json& schema, const json& value, const std::string& where) {
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) fail(where, "no value is allowed here");
      return;
    }
    for (const auto& item : schema.items())
      if (k_annotations.count(item.key()) == 0 && k_keywords.count(item.key()) == 0)
        fail(where, "the schema uses '" + item.key() + "', which this validator does not check");
    if (schema.contains("$ref")) check(resolve(schema["$ref"].get<std::string>()), value, where);
    check_type(schema, value, where);
    if (schema.contains("const") && value != schema["const"]) fail(where, "expected " + schema["const"].dump());
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& option : schema["enum"]) found = found || option == value;
      if (!found) fail(where, value.dump() + " is not one of " + schema["enum"].dump());
    }
    if (schema.contains("anyOf")) check_any_of(schema["anyOf"], value, where);
    if (value.is_number()) check_number(schema, value, where);
    if (value.is_string() && schema.contains("pattern") &&
        !std::regex_search(value.get<std::string>(), std::regex(schema["pattern"].get<std::string>())))
      fail(where, value.dump() + " does not match " + schema["pattern"].get<std::string>());
    if (value.is_object()) check_object(schema, value, where);
    if (value.is_array() && schema.contains("items"))
      for (std::size_t i = 0; i < value.size(); ++i) check(schema["items"], value[i], where + "/" + std::to_string(i));
  }

  std::vector<std::string> errors;

 private:
  void fail(const std::string& where, const std::string& what) {
    errors.push_back((where.empty() ? "/" : where) + ": " + what);
  }

  const json& resolve(const std::string& ref) {
    if (ref.rfind("#/", 0) != 0) throw std::runtime_error("only local references are supported: " + ref);
    return m_root.at(json::json_pointer(ref.substr(1)));
  }

  void check_type(const json& schema, const json& value, const std::string& where) {
    if (!schema.contains("type")) return;
    const json& type = schema["type"];
    bool ok = false;
    if (type.is_string())
      ok = has_type(value, type.get<std::string>());
    else
      for (const auto& t : type) ok = ok || has_type(value, t.get<std::string>());
    if (!ok) fail(where, value.dump() + " is not of type " + type.dump());
  }

  void check_any_of(const json& options, const json& value, const std::string& where) {
    for (const auto& option : options) {
      Checker trial(m_root);
      trial.check(option, value, where);
      if (trial.errors.empty()) return;
    }
    fail(where, "matches none of anyOf");
  }

  void check_number(const json& schema, const json& value, const std::string& where) {
    const double number = value.get<double>();
    if (schema.contains("minimum") && number < schema["minimum"].get<double>())
      fail(where, value.dump() + " is below the minimum " + schema["minimum"].dump());
    if (schema.contains("exclusiveMinimum") && number <= schema["exclusiveMinimum"].get<double>())
      fail(where, value.dump() + " is not above " + schema["exclusiveMinimum"].dump());
  }

  void check_object(const json& schema, const json& value, const std::string& where) {
    if (schema.contains("required"))
      for (const auto& key : schema["required"])
        if (!value.contains(key.get<std::string>())) fail(where, "missing required key " + key.dump());
    for (const auto& item : value.items()) {
      const std::string at = where + "/" + item.key();
      bool known = false;
      if (schema.contains("properties") && schema["properties"].contains(item.key())) {
        known = true;
        check(schema["properties"][item.key()], item.value(), at);
      }
      if (schema.contains("patternProperties"))
        for (const auto& pattern : schema["patternProperties"].items())
          if (std::regex_search(item.key(), std::regex(pattern.key()))) {
            known = true;
            check(pattern.value(), item.value(), at);
          }
      if (!known && schema.contains("additionalProperties")) check(schema["additionalProperties"], item.value(), at);
    }
  }

  const json& m_root;
};

}  // namespace

std::vector<std::string> check_json_schema(const nlohmann::json& schema, const nlohmann::json& instance) {
  Checker checker(schema);
  checker.check(schema, instance, "");
  return checker.errors;
}

}  // namespace caas::test

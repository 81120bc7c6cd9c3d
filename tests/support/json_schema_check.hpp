#pragma once
// A small JSON Schema validator for the tests: the keywords the project's schemas use, and an error for any other
// keyword, so a schema cannot silently rely on something this does not check. Keywords: $ref (to #/...), type
// (a name or a list), const, enum, required, properties, patternProperties, additionalProperties (a boolean or a
// schema), items, anyOf, minimum, exclusiveMinimum, pattern; annotations ($schema, $id, $defs, title, description,
// default) are ignored.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace caas::test {

// Every place `instance` breaks `schema`, as "JSON pointer: what is wrong"; empty when it is valid.
std::vector<std::string> check_json_schema(const nlohmann::json& schema, const nlohmann::json& instance);

}  // namespace caas::test

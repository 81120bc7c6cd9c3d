#pragma once
// The workload schema as one table: every field a workload file may hold, its type, allowed values, default and
// meaning. The parser, the condition type checker, `schema workload` and the docs all read this table.
#include <optional>
#include <string_view>
#include <vector>

#include "caas/util/quantity.hpp"

namespace caas::model {

// How a field is written in a workload file.
enum class FieldType {
  text,  // free string
  name,  // 1-63 chars of A-Z a-z 0-9 . _ -
  enumeration,
  enum_list,  // a list of enumeration values
  boolean,
  duration,
  size,
  count,
  rate,     // number (requests per second)
  money,    // number (US dollars)
  cpu,      // vCPUs, or Kubernetes millicores ("500m")
  integer,  // whole number >= 0
  hours,    // number of hours (provisioned concurrency's schedule)
};

struct FieldSpec {
  std::string_view path;  // "execution.duration.max"
  FieldType type;
  std::vector<std::string_view> values;  // allowed values of an enumeration or enum_list
  std::string_view default_value;        // default seen by rules, as written in a file; empty when none
  std::string_view description;
  bool positive = false;  // zero is a contradiction (memory, cpu, duration, concurrency)
  bool required = false;
};

// The kind a condition sees for a field type (cpu, rate, money and integer are numbers).
util::Kind kind_of(FieldType type);

// Every field, in the order of the workload spec. `execution.duration` itself is not a field: it is written as a
// duration or a {typical, max} map and fills the two fields below it.
const std::vector<FieldSpec>& field_catalogue();

// Index of a field in field_catalogue(), or nullopt.
std::optional<std::size_t> find_field(std::string_view path);

// The sections (maps) a workload file may hold at the top level, and the keys of a map at `prefix`.
std::vector<std::string_view> keys_under(std::string_view prefix);

}  // namespace caas::model

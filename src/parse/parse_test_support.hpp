#pragma once
// Shared by the parse module's tests: parse a string and get its profile, its errors or its one error.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "caas/parse/parse_workload.hpp"

namespace caas::parse::test {

using caas::model::Origin;
using caas::parse::FileKind;
using caas::parse::ParsedWorkload;
using caas::util::Diagnostic;
using caas::util::Diagnostics;
using caas::util::InputLimits;
using caas::util::Kind;

inline constexpr double k_mib = 1024.0 * 1024.0;
inline constexpr double k_gib = 1024.0 * k_mib;

// The smallest valid workload, to which a test appends the lines it is about.
inline const std::string k_head = "name: api\nkind: service\n";

inline ParsedWorkload parse_ok(std::string_view text) {
  auto result = caas::parse::parse_workload(text, "w.yaml");
  if (!result) {
    for (const auto& error : result.error()) UNSCOPED_INFO(caas::util::format_diagnostic(error));
  }
  REQUIRE(result.has_value());
  return std::move(*result);
}

inline Diagnostics parse_errors(std::string_view text, const InputLimits& limits = {}) {
  auto result = caas::parse::parse_workload(text, "w.yaml", limits);
  REQUIRE_FALSE(result.has_value());
  return result.error();
}

// The file's one error; fails when there are more or fewer.
inline Diagnostic only_error(std::string_view text, const InputLimits& limits = {}) {
  auto errors = parse_errors(text, limits);
  for (const auto& error : errors)
    UNSCOPED_INFO(std::string(error.code.id()) + " " + std::to_string(error.where.line) + ":" +
                  std::to_string(error.where.column) + " " + error.message);
  REQUIRE(errors.size() == 1);
  return errors.front();
}

inline const Diagnostic* find_code(const Diagnostics& diagnostics, std::string_view code) {
  for (const auto& d : diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

inline double number_at(const ParsedWorkload& parsed, std::string_view path) {
  const auto& field = parsed.profile.at(path);
  REQUIRE(field.value.is_known());
  return field.value.number;
}

}  // namespace caas::parse::test

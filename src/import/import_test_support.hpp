#pragma once
// Helpers for the importers' unit tests: import a text, find a workload, read a field, find where it came from.
#include <catch2/catch.hpp>

#include <string>

#include "caas/import/import.hpp"

namespace caas::import::test {

inline ImportResult import_text(const std::string& text, const std::string& file = "spec.yaml") {
  auto result = import_spec(text, file);
  REQUIRE(result.has_value());
  return *result;
}

inline const ImportedWorkload& workload(const ImportResult& result, const std::string& name) {
  for (const auto& w : result.workloads)
    if (w.profile.name == name) return w;
  FAIL("no workload named " << name);
  throw std::logic_error("unreachable");
}

inline std::string text_of(const ImportedWorkload& w, std::string_view field) {
  return std::string(w.profile.text(field).value_or("<unknown>"));
}

inline double number_of(const ImportedWorkload& w, std::string_view field) {
  const auto value = w.profile.number(field);
  REQUIRE(value.has_value());
  return *value;
}

// Not imported: absent, or only the rules' default.
inline bool is_unknown(const ImportedWorkload& w, std::string_view field) {
  const auto origin = w.profile.at(field).origin;
  return origin == model::Origin::absent || origin == model::Origin::defaulted;
}

inline std::string triggers_of(const ImportedWorkload& w) { return util::display(w.profile.at("triggers").value); }

inline const model::Provenance& provenance(const ImportedWorkload& w, std::string_view field) {
  for (const auto& p : w.provenance)
    if (p.field == field) return p;
  FAIL("no provenance for " << field);
  throw std::logic_error("unreachable");
}

inline bool has_warning(const ImportedWorkload& w, std::string_view fragment) {
  for (const auto& d : w.warnings)
    if (d.message.find(fragment) != std::string::npos) return true;
  return false;
}

constexpr double k_mib = 1024.0 * 1024.0;

}  // namespace caas::import::test

#pragma once
// What the ids that do not come from the rule table mean — check ids (check-*), contradiction codes
// (contradiction-*) and input error codes (unknown-key, yaml-syntax, ...) — for formats that declare every id they
// report (SARIF's driver rules).
#include <string_view>

#include "caas/util/diagnostic.hpp"

namespace caas::report {

struct CodeDescription {
  std::string_view id;
  util::Severity severity;
  std::string_view summary;  // one line
  std::string_view detail;   // a few sentences
  std::string_view help;     // what to do about it
};

// The row for `id`, or nullptr when the id is not one of them (a rule-table id, or a code added later).
const CodeDescription* find_code_description(std::string_view id);

}  // namespace caas::report

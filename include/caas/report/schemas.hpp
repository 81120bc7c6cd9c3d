#pragma once
// JSON Schemas for `caas-advisor schema`: the workload file (generated from the field catalogue, so it never
// disagrees with the parser), the JSON report and the JSON diff (docs/schemas/report.schema.json and
// diff.schema.json, compiled into the binary).
#include <string>
#include <string_view>

namespace caas::report {

// The workload file's schema (draft 2020-12), pretty-printed, ending with a newline.
std::string workload_schema();

// The JSON report's schema (draft 2020-12), exactly as the file in the repository holds it.
std::string_view report_schema();

// The JSON diff's schema (`diff -f json`, caas-advisor/diff/v1), exactly as the file in the repository holds it.
std::string_view diff_schema();
// The project configuration's schema (docs/schemas/config.schema.json, compiled into the binary).
std::string_view config_schema();

}  // namespace caas::report

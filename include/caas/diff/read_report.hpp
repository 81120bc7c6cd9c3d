#pragma once
// A JSON report written earlier (`recommend` or `check` with -f json, schema caas-advisor/report/v1) read back as one
// side of `diff`: each result becomes a workload's advice again, with the parts diff compares. Untrusted text, read
// with the one YAML reader under input limits; every problem is located in the report, and a result that cannot be
// read is an error for its file while the rest of the report is still read (docs/diff.md).
#include <string>
#include <string_view>
#include <vector>

#include "caas/diff/compare.hpp"
#include "caas/model/recommendation.hpp"
#include "caas/util/diagnostic.hpp"
#include "caas/util/raw_text.hpp"

namespace caas::diff {

inline constexpr std::string_view k_report_schema = "caas-advisor/report/v1";

// The workloads of one file as the report gives them, and the errors it records for that file.
struct ReportFile {
  std::string file;  // as the report wrote it
  std::vector<model::Recommendation> workloads;
  util::Diagnostics errors;
};

struct ReportRead {
  std::string rules_version;  // the tables that judged the report
  std::string pricing_date;
  std::vector<ReportFile> files;  // sorted by file
  util::Diagnostics errors;       // problems of the report itself, located in it
};

// The limits of a report: a report is much larger than the workloads it describes (a few kilobytes per workload),
// so it gets its own size, raised further by --max-file-size when that is larger.
util::InputLimits report_limits(std::size_t max_file_size);

// Whether a file given as a side is a report rather than a spec: JSON whose opening names a caas-advisor schema.
bool looks_like_report(std::string_view text);

ReportRead read_report(std::string_view text, const std::string& file, const util::InputLimits& limits);

// The report as a side of the comparison, its files keyed to match the other side's keys (`other_keys`: a folder's
// paths in it, or {""} for a lone file): the report's paths start at the folder it was written for, found as the
// prefix that makes most of its paths end in one of the other side's. Without one, the paths are taken from the
// report's common folder. The report's own errors are a file of their own, `display` (the report's path).
Side report_side(ReportRead&& report, const std::vector<std::string>& other_keys, const std::string& display);

}  // namespace caas::diff

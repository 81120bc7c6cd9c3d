#pragma once
// A baseline: a JSON report the tool wrote earlier (`-f json=FILE`), read back as the identities of its findings
// (caas/report/finding_identity.hpp), for `--baseline` (docs/config.md). Read by the one YAML reader with the limits
// it is given; a file that is not such a report is a located error (bad-baseline).
#include <string>
#include <string_view>
#include <vector>

#include "caas/report/finding_identity.hpp"
#include "caas/util/raw_text.hpp"
#include "caas/util/result.hpp"

namespace caas::report {

// The limits of a baseline: a report of tens of thousands of workloads is tens of megabytes of JSON.
inline util::InputLimits baseline_limits() { return {64 * util::k_mebibyte, 64, 4000000, ""}; }

// The finding keys of the report, in its order. Fails with every problem found: not JSON or YAML (yaml-syntax and
// the limits' errors), or not a caas-advisor report (bad-baseline: another tool's file, a cost report, a report
// whose results or findings lack the fields a key needs).
util::Result<std::vector<FindingKey>> read_baseline(std::string_view text, const std::string& file,
                                                    const util::InputLimits& limits);

}  // namespace caas::report

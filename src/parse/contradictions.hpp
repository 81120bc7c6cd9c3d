#pragma once
// Checks that compare fields with each other (workload spec, "Contradictions are reported"): errors for the
// impossible, warnings for the suspicious (private to the parse module).
#include "caas/model/workload_profile.hpp"
#include "reporter.hpp"

namespace caas::parse {

// Reads only written fields, so call it before model::apply_defaults.
void check_contradictions(const model::WorkloadProfile& profile, Reporter& report);

}  // namespace caas::parse

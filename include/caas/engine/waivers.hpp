#pragma once
// Accepted exceptions (waivers) and the ids they and --disable name (docs/config.md). A waived finding stays in the
// result, marked waived with its reason, so every format shows it; it never counts for --fail-on.
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::engine {

// Every id a finding can carry, sorted: the rule table's rules and the registered codes that are findings (check-
// judgements, contradiction and import warnings, waiver-expired...).
std::vector<std::string> finding_ids(const rules::RuleSet& rules);

// Whether `id` is a finding's id that is not a rule of the table (a check id such as check-runs-on-not-recommended).
bool is_check_id(std::string_view id);

// unknown-rule for each waiver whose rule is none of `ids`, located at the waiver, with did-you-mean.
util::Diagnostics check_waiver_rules(const std::vector<model::Waiver>& waivers, const std::vector<std::string>& ids);

// Whether a waiver's `workload` (a name or a shell glob) names the workload `name`.
bool waiver_names(std::string_view pattern, std::string_view name);

// Which findings a run reports, so that a waiver is called stale only where its finding could have been reported:
// `validate` evaluates no rules, and only `check` judges runs_on (the check- ids).
struct Reported {
  bool rules = true;
  bool checks = true;
};
bool can_report(const Reported& reported, std::string_view id);

// Applies waivers to one result. `own` are the workload file's waivers (they apply to it alone); `shared` are the
// project configuration's, each applying where its `workload` pattern matches the result's name. A finding is waived
// by the first waiver in force that names its id (the file's first). `today` is YYYY-MM-DD: a waiver whose
// `expires` is before it waives nothing, and a warning finding (waiver-expired, with the date) says so where it
// would have applied; a waiver of the file's own that waives nothing adds a waiver-stale warning (when the run could
// have reported its finding). For each shared
// waiver, `shared_uses` (as long as `shared`) counts the findings it matched, expired or not: one still at zero after
// the batch is stale.
void apply_waivers(model::Recommendation& rec, const std::vector<model::Waiver>& own,
                   const std::vector<model::Waiver>& shared, std::string_view today, std::vector<int>& shared_uses,
                   const Reported& reported = {});

// The stale warning of a configuration's waiver that matched no finding of the batch (its file and line).
util::Diagnostic stale_waiver(const model::Waiver& waiver);

// Removes the findings whose id is in `ids` (--disable of a check id), before anything else sees them.
void drop_findings(model::Recommendation& rec, const std::vector<std::string>& ids);

}  // namespace caas::engine

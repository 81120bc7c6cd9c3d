#pragma once
// Findings: contradiction warnings, note rules, `check`'s judgement of runs_on, and the limits that keep a target
// out ("what would change this").
#include "caas/engine/engine.hpp"

namespace caas::engine {

// Turns the parser's contradiction warnings into findings, located at the field they name.
void add_warning_findings(const model::WorkloadProfile& profile, const util::Diagnostics& warnings,
                          model::Recommendation& rec);

// For each infeasible target, the value of each blocking field that would lift its limit.
void explain_limits(const rules::RuleSet& rules, const model::WorkloadProfile& profile, model::Recommendation& rec);

// `check`: an error when runs_on is infeasible or nothing is, a warning when it is not the recommendation, an info
// finding when there is no runs_on to judge.
void judge_runs_on(const model::WorkloadProfile& profile, model::Recommendation& rec);

// Errors first, then warnings, then info; within a severity by line, column and rule.
void sort_findings(model::Recommendation& rec);

}  // namespace caas::engine

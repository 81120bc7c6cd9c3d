#pragma once
// Words every diff format shares, so text, markdown, json messages and annotations say the same thing the same way.
#include <optional>
#include <string>
#include <string_view>

#include "caas/model/portfolio_diff.hpp"
#include "caas/report/diff_report.hpp"

namespace caas::report {

// "3 changed · 1 added · 1 removed · 1 moved · 17 unchanged", leaving out what is zero (unchanged always shown).
std::string diff_counts(const model::PortfolioDiff& diff);

// A target's display name from the change's targets ("AWS Lambda"); "no target" for nullopt; the id when unknown.
std::string target_name(const model::WorkloadChange& change, const std::optional<std::string>& id);

// "recommended", "fits, not recommended", "cannot run it", "no target fits", "nothing to judge".
std::string_view verdict_words(model::Verdict verdict);

// "+$9.99", "−$9.99", "$0.00".
std::string signed_usd(double value);
// "$27.07", or "unknown" / "—" (not a feasible target) when there is no cost.
std::string usd_or(const std::optional<double>& value, std::string_view absent);

// A value as a change shows it: the value, or "(not set)".
std::string field_value(std::string_view value);

// The changed inputs a rule read ("execution.duration.max"), comma-separated; empty when it read none of them: the
// cause beside the effect.
std::string changed_fields_read(const model::WorkloadChange& change, const model::Reason& reason);

// What the change does to a workload in one line: "AWS Lambda → AWS Fargate; monthly cost +$x" (annotations, the
// markdown summary line).
std::string change_summary(const model::WorkloadChange& change);

}  // namespace caas::report

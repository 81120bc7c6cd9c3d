#pragma once
// The pieces of the markdown report, each a self-contained string so the renderer can weigh it against GitHub's
// comment limit before keeping it. Split from render_markdown.cpp to keep each file small.
#include <string>
#include <string_view>

#include "caas/model/recommendation.hpp"
#include "caas/report/report.hpp"

namespace caas::report {

// Inline text: one line, control characters visible, Markdown punctuation escaped — `$` too, which GitHub would
// otherwise take for mathematics in "$27.07 ... ($8.54)".
std::string markdown_text(std::string_view text);

// The first line of the report, so that a job can find and update its own pull-request comment.
constexpr std::string_view k_markdown_marker = "<!-- caas-advisor -->";

// The marker; "## caas-advisor check: ❌ failed — 2 errors, 5 warnings, 0 waived, 0 known"; then the workloads and
// where they run, from the batch's summary.
std::string heading(const Summary& summary, Command command);

// One error or warning of a workload, for the list before the table: severity, location, workload, message, rule.
std::string problem_line(const model::Recommendation& recommendation, const model::Finding& finding);

// The portfolio table: its head, and one row per workload (service, recommendation, runs on, monthly cost, status).
std::string portfolio_header(Command command);
std::string portfolio_row(const model::Recommendation& recommendation, Command command);

// One workload's collapsible section: its ranking, main reasons, blockers and findings.
std::string service_details(const model::Recommendation& recommendation, Command command);

// One line of the list of errors: an input that could not be evaluated, with its location and code.
std::string error_line(const util::Diagnostic& error);

}  // namespace caas::report

#pragma once
// The parts of a workload's text report below its answer line and table: one block per target with the reasons
// for and against it (+ −), its cost (~), notes (·) and blockers (✗); then assumptions, what would change the
// answer, and findings. Split from render_text.cpp to keep each file small.
#include <ostream>

#include "caas/model/recommendation.hpp"
#include "caas/report/report.hpp"
#include "text_layout.hpp"

namespace caas::report {

struct TextContext {
  Painter paint{false};
  bool verbose = false;
  Command command = Command::recommend;
  // Lines stay within this many columns, except for a word longer than a line (a URL, a file path), which is never
  // cut.
  std::size_t width = k_text_width;
};

// A target's operational burden in words, as every format says it: low, medium or high.
std::string_view ops_label(int ops_burden);

// "AWS Lambda", or the id when the rule table gives no name; safe to print.
std::string target_label(const model::Target& target);

void write_target_blocks(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context);
void write_assumptions(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context);
void write_changes(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context);
// A count as people read it: "2,000,000"; fractions and exponents as format_number writes them.
std::string grouped(double value);
// The line items of one target's cost, for `cost` and -v: item, quantity, unit, unit price, amount; then the total.
void write_cost_items(std::ostream& out, const model::CostEstimate& cost, const TextContext& context);
void write_findings(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context);
// For a workload imported from another format: each field and the key it came from, then what the file leaves unknown.
void write_imported(std::ostream& out, const model::Recommendation& recommendation, const TextContext& context);

}  // namespace caas::report

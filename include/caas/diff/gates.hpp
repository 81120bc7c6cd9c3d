#pragma once
// The gates of `caas-advisor diff`: what in a change makes the exit code 1 (docs/diff.md "Gates").
#include <optional>
#include <string>
#include <string_view>

#include "caas/model/portfolio_diff.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::diff {

// --fail-on-cost-increase: a monthly amount in dollars ("50USD", "$50", "12.5 USD") or a share of the base's
// monthly total ("10%").
struct CostThreshold {
  enum class Unit { usd, percent };
  Unit unit = Unit::usd;
  double amount = 0;
  std::string text;  // as given
};

// The threshold, or nullopt with `error` saying what is accepted.
std::optional<CostThreshold> parse_cost_threshold(std::string_view text, std::string& error);

struct Gates {
  bool target_change = false;                  // --fail-on-target-change
  std::optional<CostThreshold> cost_increase;  // --fail-on-cost-increase
  std::optional<util::Severity> new_findings;  // --fail-on: a new finding this severe or worse; nullopt: none
};

// Fills diff.gates (one entry per gate given, reached or not, with what reached it) and diff.exit_code: 2 when an
// input of either side could not be evaluated, else 1 when a gate was reached, else 0. A percentage needs the
// base's total (PortfolioDiff::cost.base_total).
void evaluate_gates(model::PortfolioDiff& diff, const Gates& gates);

}  // namespace caas::diff

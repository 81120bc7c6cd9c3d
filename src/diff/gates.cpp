#include "caas/diff/gates.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "caas/util/text.hpp"

namespace caas::diff {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// A plain decimal: digits with at most one dot, nothing else.
std::optional<double> plain_decimal(std::string_view text) {
  if (text.empty() || std::any_of(text.begin(), text.end(), [](char c) { return (c < '0' || c > '9') && c != '.'; }) ||
      std::count(text.begin(), text.end(), '.') > 1 || text.front() == '.' || text.back() == '.')
    return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

std::string signed_usd(double value) {
  const auto text = util::format_usd(value);
  return value > 0 && text != "$0.00" ? "+" + text : text;
}

model::GateResult target_gate(const model::PortfolioDiff& diff) {
  model::GateResult gate{"target-change", "", false, ""};
  std::string names;
  int shown = 0;
  for (const auto& change : diff.changes) {
    if (!change.target_changed()) continue;
    gate.reached = true;
    if (++shown > 5) continue;
    names += (names.empty() ? "" : ", ") + change.name + " (" + change.recommended_before.value_or("none") + " → " +
             change.recommended_after.value_or("none") + ")";
  }
  const int count = diff.target_changes();
  if (!gate.reached) {
    gate.message = "no workload changes target";
  } else {
    gate.message = plural(count, "workload changes", "workloads change") + " target: " + names;
    if (count > 5) gate.message += " and " + std::to_string(count - 5) + " more";
  }
  return gate;
}

model::GateResult cost_gate(const model::PortfolioDiff& diff, const CostThreshold& threshold) {
  model::GateResult gate{"cost-increase", threshold.text, false, ""};
  const double change = std::round(diff.cost.change * 100.0) / 100.0;  // as printed: cents decide
  const std::string moved = "the monthly cost changes by " + signed_usd(change);
  if (threshold.unit == CostThreshold::Unit::usd) {
    gate.reached = change > threshold.amount;
    gate.message = moved + (gate.reached ? ", more than " : ", not more than ") + util::format_usd(threshold.amount);
    return gate;
  }
  if (!diff.cost.base_total) {  // a caller's bug: the percentage needs every base file priced
    gate.message = moved + "; the base's total is not known, so no percentage";
    return gate;
  }
  const double base = *diff.cost.base_total;
  const double limit = base * threshold.amount / 100.0;
  gate.reached = change > 0 && change > std::round(limit * 100.0) / 100.0;
  gate.message = moved + " on a base of " + util::format_usd(base) + " a month";
  if (base > 0) {
    const double percent = change * 100.0 / base;
    gate.message += std::string(" (") + (percent > 0 ? "+" : "") + util::format_fixed2(percent) + "%)";
  }
  gate.message += (gate.reached ? ", more than " : ", not more than ") + util::format_number(threshold.amount) + "%";
  return gate;
}

model::GateResult findings_gate(const model::PortfolioDiff& diff, util::Severity worst) {
  model::GateResult gate{"new-findings", std::string(util::to_string(worst)), false, ""};
  std::string named;
  int count = 0;
  for (const auto& change : diff.changes)
    for (const auto& finding : change.new_findings) {
      // A waived finding (an accepted exception) never fails, as for check's --fail-on.
      if (finding.severity > worst || !model::counts_for_fail_on(finding)) continue;
      if (++count <= 5)
        named += (named.empty() ? "" : ", ") + change.name + ": " + finding.rule + " (" +
                 std::string(util::to_string(finding.severity)) + ")";
    }
  gate.reached = count > 0;
  const std::string level =
      worst == util::Severity::error ? "error" : std::string(util::to_string(worst)) + " or worse";
  if (!gate.reached) {
    gate.message = "the change introduces no finding of severity " + level;
  } else {
    gate.message =
        "the change introduces " + plural(count, "finding", "findings") + " of severity " + level + ": " + named;
    if (count > 5) gate.message += " and " + std::to_string(count - 5) + " more";
  }
  return gate;
}

}  // namespace

std::optional<CostThreshold> parse_cost_threshold(std::string_view text, std::string& error) {
  CostThreshold threshold;
  threshold.text = std::string(text);
  std::string_view number = trimmed(text);
  if (!number.empty() && number.back() == '%') {
    threshold.unit = CostThreshold::Unit::percent;
    number.remove_suffix(1);
  } else if (!number.empty() && number.front() == '$') {
    number.remove_prefix(1);
  } else if (number.size() > 3 &&
             (number.substr(number.size() - 3) == "USD" || number.substr(number.size() - 3) == "usd")) {
    number.remove_suffix(3);
  } else {
    error = "'" + std::string(text) +
            "' is not an amount: write dollars a month as 50USD (or $50), or a share of the "
            "base's monthly total as 10%";
    return std::nullopt;
  }
  const auto value = plain_decimal(trimmed(number));
  if (!value) {
    error = "'" + std::string(text) +
            "' is not an amount: the number must be a plain decimal, such as 50USD, 12.5USD "
            "or 10%";
    return std::nullopt;
  }
  threshold.amount = *value;
  return threshold;
}

void evaluate_gates(model::PortfolioDiff& diff, const Gates& gates) {
  diff.gates.clear();
  if (gates.target_change) diff.gates.push_back(target_gate(diff));
  if (gates.cost_increase) diff.gates.push_back(cost_gate(diff, *gates.cost_increase));
  if (gates.new_findings) diff.gates.push_back(findings_gate(diff, *gates.new_findings));
  const bool reached = std::any_of(diff.gates.begin(), diff.gates.end(), [](const auto& g) { return g.reached; });
  diff.exit_code = !diff.errors.empty() ? 2 : reached ? 1 : 0;
}

}  // namespace caas::diff

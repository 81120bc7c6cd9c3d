#include "caas/model/portfolio_diff.hpp"

#include <algorithm>

namespace caas::model {

namespace {

const TargetResult* find_target(const Recommendation& recommendation, std::string_view id) {
  for (const auto& result : recommendation.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::none: return "none";
    case Verdict::recommended: return "recommended";
    case Verdict::not_recommended: return "not-recommended";
    case Verdict::infeasible: return "infeasible";
    case Verdict::no_target: return "no-target";
  }
  return "none";
}

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::changed: return "changed";
    case ChangeKind::added: return "added";
    case ChangeKind::removed: return "removed";
    case ChangeKind::moved: return "moved";
    case ChangeKind::not_compared: return "not-compared";
  }
  return "changed";
}

// As check judges it (docs/ci.md): nothing fits, runs_on infeasible, runs_on not the recommendation, or fine.
Verdict verdict_of(const Recommendation& recommendation) {
  if (!recommendation.recommended) return Verdict::no_target;
  if (recommendation.runs_on.empty()) return Verdict::none;
  const auto* chosen = find_target(recommendation, recommendation.runs_on);
  if (chosen == nullptr || !chosen->feasible) return Verdict::infeasible;
  return recommendation.runs_on == *recommendation.recommended ? Verdict::recommended : Verdict::not_recommended;
}

std::string costed_target(const Recommendation& recommendation) {
  if (const auto* chosen = find_target(recommendation, recommendation.runs_on); chosen != nullptr && chosen->feasible)
    return recommendation.runs_on;
  return recommendation.recommended.value_or("");
}

std::optional<double> costed_usd(const Recommendation& recommendation) {
  const auto* result = find_target(recommendation, costed_target(recommendation));
  if (result == nullptr || !result->feasible || !result->cost) return std::nullopt;
  return result->cost->monthly_usd;
}

std::optional<double> WorkloadChange::cost_change() const {
  switch (kind) {
    case ChangeKind::added: return cost_after;
    case ChangeKind::removed:
      if (cost_before) return -*cost_before;
      return std::nullopt;
    case ChangeKind::not_compared: return std::nullopt;
    case ChangeKind::changed:
    case ChangeKind::moved:
      if (cost_before && cost_after) return *cost_after - *cost_before;
      return std::nullopt;
  }
  return std::nullopt;
}

int PortfolioDiff::count(ChangeKind kind) const {
  return static_cast<int>(
      std::count_if(changes.begin(), changes.end(), [&](const WorkloadChange& c) { return c.kind == kind; }));
}

int PortfolioDiff::target_changes() const {
  return static_cast<int>(
      std::count_if(changes.begin(), changes.end(), [](const WorkloadChange& c) { return c.target_changed(); }));
}

}  // namespace caas::model

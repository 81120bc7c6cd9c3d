#include "engine/judge.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caas/util/text.hpp"

namespace caas::engine {

namespace {

// The catalogue path written at a line and column, for locating a parser warning.
std::string field_at_location(const model::WorkloadProfile& profile, int line, int column) {
  const auto& catalogue = model::field_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const auto& field = profile.at(i);
    if (field.origin == model::Origin::written && field.line == line && field.column == column)
      return std::string(catalogue[i].path);
  }
  return {};
}

const model::TargetResult* find_result(const model::Recommendation& rec, std::string_view id) {
  for (const auto& result : rec.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

std::string money(double usd) { return "$" + util::format_fixed2(usd); }

// What the bound's field would have to be for the condition to be false. Strings lose their quotes: a user
// writes `windows`, not `"windows"`.
std::string lifted_value(const rules::expr::Bound& bound) {
  const bool quoted = bound.literal.size() >= 2 && bound.literal.front() == '"' && bound.literal.back() == '"';
  auto literal = quoted ? bound.literal.substr(1, bound.literal.size() - 2) : bound.literal;
  if (bound.op == ">") return "at most " + literal;
  if (bound.op == ">=") return "below " + literal;
  if (bound.op == "<") return "at least " + literal;
  if (bound.op == "<=") return "above " + literal;
  if (bound.op == "==") return bound.literal == "true" ? "false" : bound.literal == "false" ? "true" : "not " + literal;
  if (bound.op == "!=") return literal;
  return {};
}

}  // namespace

void add_warning_findings(const model::WorkloadProfile& profile, const util::Diagnostics& warnings,
                          model::Recommendation& rec) {
  for (const auto& warning : warnings)
    rec.findings.push_back({warning.severity, std::string(warning.code.id()), warning.message, profile.file,
                            warning.where.line, warning.where.column,
                            field_at_location(profile, warning.where.line, warning.where.column)});
}

void explain_limits(const rules::RuleSet& rules, const model::WorkloadProfile& profile, model::Recommendation& rec) {
  (void)profile;
  for (const auto& result : rec.ranking) {
    if (result.feasible) continue;
    for (const auto& blocker : result.blockers) {
      const auto* rule = rules.find_rule(blocker.rule);
      if (rule == nullptr) continue;
      const auto bound = rule->when.bound();
      if (!bound) continue;
      const auto value = lifted_value(*bound);
      if (value.empty()) continue;
      std::string message = result.blockers.size() == 1
                                ? fmt::format("{} would fit if {} were {}", result.target.name, bound->path, value)
                                : fmt::format("this limit lifts if {} were {}; {} fits only with all {} lifted",
                                              bound->path, value, result.target.name, result.blockers.size());
      rec.what_would_change.push_back({"limit", result.target.id, bound->path, value, std::move(message)});
    }
  }
}

void judge_runs_on(const model::WorkloadProfile& profile, model::Recommendation& rec) {
  const auto& runs_on = profile.at("runs_on");
  const std::string file = profile.file;
  if (!rec.recommended) {
    std::string blockers;
    for (const auto& result : rec.ranking)
      for (const auto& b : result.blockers)
        blockers += (blockers.empty() ? "" : "; ") + result.target.id + ": " + b.rule;
    rec.findings.push_back({util::Severity::error, std::string(util::registered("check-no-feasible-target")),
                            "no target can run this workload (" + blockers + ")", file, profile.line, profile.column,
                            "kind"});
    return;
  }
  const auto* best = find_result(rec, *rec.recommended);
  if (!runs_on.value.is_known()) {
    rec.findings.push_back({util::Severity::info, std::string(util::registered("check-no-runs-on")),
                            "no runs_on to judge; the advice is " + best->target.name, file, profile.line,
                            profile.column, "kind"});
    return;
  }
  const auto* chosen = find_result(rec, runs_on.value.text);
  if (chosen == nullptr) return;
  if (!chosen->feasible) {
    std::string why;
    for (const auto& b : chosen->blockers) why += (why.empty() ? "" : "; ") + b.message + " [" + b.rule + "]";
    rec.findings.push_back(
        {util::Severity::error, std::string(util::registered("check-runs-on-infeasible")),
         "runs_on " + chosen->target.id + ": " + chosen->target.name + " cannot run this workload: " + why, file,
         runs_on.line, runs_on.column, "runs_on"});
    return;
  }
  if (chosen->target.id == best->target.id) return;
  std::string message =
      fmt::format("runs_on {}: {} is recommended instead (score {} against {}, {} points ahead)", chosen->target.id,
                  best->target.name, util::format_fixed2(best->score), util::format_fixed2(chosen->score),
                  util::format_fixed2(best->score - chosen->score));
  if (chosen->cost && best->cost) {
    const double diff = chosen->cost->monthly_usd - best->cost->monthly_usd;
    message += diff >= 0 ? fmt::format("; it would save {} a month", money(diff))
                         : fmt::format("; it would cost {} a month more", money(-diff));
  }
  rec.findings.push_back({util::Severity::warning, std::string(util::registered("check-runs-on-not-recommended")),
                          std::move(message), file, runs_on.line, runs_on.column, "runs_on"});
}

void sort_findings(model::Recommendation& rec) {
  std::stable_sort(rec.findings.begin(), rec.findings.end(), [](const model::Finding& a, const model::Finding& b) {
    if (a.severity != b.severity) return a.severity < b.severity;
    if (a.line != b.line) return a.line < b.line;
    if (a.column != b.column) return a.column < b.column;
    return a.rule < b.rule;
  });
}

}  // namespace caas::engine

// Evaluate every rule, price every target, score and rank.
#include "caas/engine/engine.hpp"

#include <algorithm>
#include <map>

#include "caas/engine/break_even.hpp"
#include "caas/engine/cost_curve.hpp"
#include "engine/cost_term.hpp"
#include "engine/judge.hpp"

namespace caas::engine {

namespace {

// Effects in the order reasons are listed: for, against, then notes.
int effect_order(model::Effect effect) {
  switch (effect) {
    case model::Effect::prefer: return 0;
    case model::Effect::avoid: return 1;
    case model::Effect::note: return 2;
    case model::Effect::exclude: return 3;
  }
  return 3;
}

bool given(const model::FieldValue& field) {
  return field.origin == model::Origin::written || field.origin == model::Origin::derived ||
         field.origin == model::Origin::configured;
}

const model::FieldValue* field_at(const model::WorkloadProfile& profile, std::string_view path) {
  if (path.size() > 2 && path.substr(0, 2) == "x.") return profile.extension(path.substr(2));
  const auto index = model::find_field(path);
  return index ? &profile.at(*index) : nullptr;
}

// A rule that fired becomes a reason: its message filled in, and the fields it read that the workload gives.
model::Reason make_reason(const rules::Rule& rule, const rules::expr::Outcome& outcome,
                          const model::WorkloadProfile& profile, std::map<std::string, model::Assumption>& assumed) {
  model::Reason reason;
  reason.rule = rule.info.id;
  reason.effect = rule.info.effect;
  reason.weight = rule.info.weight;
  reason.message = rules::interpolate(rule.info.message, profile);
  reason.source = rule.info.source;
  for (const auto& path : outcome.fields_read) {
    const auto* field = field_at(profile, path);
    if (field == nullptr) continue;
    if (given(*field)) {
      reason.fields.emplace_back(path);
      if (reason.line == 0 && field->line > 0) {
        reason.line = field->line;
        reason.column = field->column;
      }
    }
    if (field->origin == model::Origin::defaulted || field->origin == model::Origin::derived) {
      const char* why = field->origin == model::Origin::derived
                            ? "not given; the longest run is taken as the typical one"
                            : "default";
      assumed.emplace(path, model::Assumption{std::string(path), field->written, why});
    }
  }
  if (reason.line == 0) {
    reason.line = profile.line;
    reason.column = profile.column;
  }
  return reason;
}

std::vector<model::InputValue> written_inputs(const model::WorkloadProfile& profile) {
  std::vector<model::InputValue> inputs;
  const auto& catalogue = model::field_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const auto& field = profile.at(i);
    if (field.origin == model::Origin::written)
      inputs.push_back({std::string(catalogue[i].path), field.written, field.line, field.column});
  }
  for (const auto& [name, field] : profile.extensions)
    if (field.origin == model::Origin::written)
      inputs.push_back({"x." + name, field.written, field.line, field.column});
  return inputs;
}

bool reason_before(const model::Reason& a, const model::Reason& b) {
  if (effect_order(a.effect) != effect_order(b.effect)) return effect_order(a.effect) < effect_order(b.effect);
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.rule < b.rule;
}

}  // namespace

model::Recommendation recommend(const model::WorkloadProfile& profile, const util::Diagnostics& warnings,
                                const rules::RuleSet& rules, const EngineOptions& options) {
  model::Recommendation rec;
  rec.name = profile.name;
  rec.file = profile.file;
  if (const auto& runs_on = profile.at("runs_on"); runs_on.value.is_known()) rec.runs_on = runs_on.value.text;
  if (const auto& text = profile.at("description"); text.value.is_known()) rec.description = text.value.text;
  rec.inputs = written_inputs(profile);
  std::vector<model::TargetResult> results;
  results.reserve(rules.targets.size());
  for (const auto& target : rules.targets) {
    model::TargetResult result;
    result.target = target;
    results.push_back(std::move(result));
  }

  std::map<std::string, model::Assumption> assumed;
  const rules::ProfileEnvironment env(profile);
  for (const auto& rule : rules.rules) {
    if (!rule.info.enabled) continue;
    const auto outcome = rule.when.evaluate(env);
    if (outcome.truth != rules::expr::Truth::true_) continue;
    const auto reason = make_reason(rule, outcome, profile, assumed);
    for (auto& result : results) {
      if (std::find(rule.info.targets.begin(), rule.info.targets.end(), result.target.id) == rule.info.targets.end())
        continue;
      if (rule.info.effect == model::Effect::exclude)
        result.blockers.push_back(reason);
      else
        result.reasons.push_back(reason);
    }
    if (rule.info.effect == model::Effect::note)
      rec.findings.push_back(model::Finding{util::Severity::info, reason.rule, reason.message, profile.file,
                                            reason.line, reason.column,
                                            reason.fields.empty() ? std::string("kind") : reason.fields.front()});
  }
  for (auto& result : results) {
    result.feasible = result.blockers.empty();
    for (const auto& reason : result.reasons) {
      if (reason.effect == model::Effect::prefer) result.score += reason.weight;
      if (reason.effect == model::Effect::avoid) result.score -= reason.weight;
    }
  }

  apply_cost(profile, options, results, rec, assumed);

  for (auto& result : results) {
    std::sort(result.reasons.begin(), result.reasons.end(), reason_before);
    std::sort(result.blockers.begin(), result.blockers.end(), reason_before);
  }
  // Feasible first; then score (exact), lower ops burden, id.
  std::sort(results.begin(), results.end(), [](const model::TargetResult& a, const model::TargetResult& b) {
    if (a.feasible != b.feasible) return a.feasible;
    if (a.feasible && a.score != b.score) return a.score > b.score;
    if (a.target.ops_burden != b.target.ops_burden) return a.target.ops_burden < b.target.ops_burden;
    return a.target.id < b.target.id;
  });
  for (std::size_t i = 0; i < results.size(); ++i) results[i].rank = static_cast<int>(i) + 1;
  if (!results.empty() && results.front().feasible) rec.recommended = results.front().target.id;
  rec.ranking = std::move(results);

  for (auto& [path, assumption] : assumed) rec.assumptions.push_back(std::move(assumption));
  add_warning_findings(profile, warnings, rec);
  if (options.explain_changes) explain_limits(rules, profile, rec);
  if (options.explain_changes) explain_break_even(profile, options, rec);
  if (options.judge_runs_on) judge_runs_on(profile, rec);
  if (options.cost_curve) rec.cost_curve = cost_curve(profile, rec, options);
  sort_findings(rec);
  return rec;
}

}  // namespace caas::engine

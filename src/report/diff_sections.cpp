#include "diff_sections.hpp"

#include <algorithm>
#include <cmath>

#include "caas/util/text.hpp"

namespace caas::report {

namespace {

std::string plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

bool has_cost_change(const model::PortfolioDiff& diff) { return std::round(diff.cost.change * 100.0) != 0; }

}  // namespace

std::string diff_headline(const model::PortfolioDiff& diff) {
  const int flips = diff.target_changes();
  std::string text;
  if (flips > 0)
    text = plural(flips, "workload changes", "workloads change") + " target";
  else if (!diff.changes.empty())
    text = "No workload changes target";
  else
    text = "No change to the advice";
  if (has_cost_change(diff))
    text += ", " + signed_usd(diff.cost.change) + " a month";
  else if (!diff.changes.empty())
    text += ", no change in monthly cost";
  if (!diff.errors.empty()) text += " (" + plural(static_cast<int>(diff.errors.size()), "error", "errors") + ")";
  return text;
}

std::string diff_counts(const model::PortfolioDiff& diff) {
  std::string text;
  auto add = [&](int count, std::string_view what) {
    if (count == 0) return;
    text += (text.empty() ? "" : " · ") + std::to_string(count) + " " + std::string(what);
  };
  add(diff.count(model::ChangeKind::changed), "changed");
  add(diff.count(model::ChangeKind::added), "added");
  add(diff.count(model::ChangeKind::removed), "removed");
  add(diff.count(model::ChangeKind::moved), "moved");
  add(diff.count(model::ChangeKind::not_compared), "not compared");
  text += (text.empty() ? "" : " · ") + std::to_string(diff.unchanged) + " unchanged";
  return text;
}

std::string target_name(const model::WorkloadChange& change, const std::optional<std::string>& id) {
  if (!id) return "no target";
  for (const auto& target : change.targets)
    if (target.target == *id) return target.name.empty() ? target.target : target.name;
  return *id;
}

std::string_view verdict_words(model::Verdict verdict) {
  switch (verdict) {
    case model::Verdict::none: return "nothing to judge";
    case model::Verdict::recommended: return "recommended";
    case model::Verdict::not_recommended: return "fits, not recommended";
    case model::Verdict::infeasible: return "cannot run it";
    case model::Verdict::no_target: return "no target fits";
  }
  return "nothing to judge";
}

std::string signed_usd(double value) {
  const auto text = util::format_usd(value);
  return value > 0 && text != "$0.00" ? "+" + text : text;
}

std::string usd_or(const std::optional<double>& value, std::string_view absent) {
  return value ? util::format_usd(*value) : std::string(absent);
}

std::string field_value(std::string_view value) { return value.empty() ? "(not set)" : std::string(value); }

std::string changed_fields_read(const model::WorkloadChange& change, const model::Reason& reason) {
  std::string out;
  for (const auto& field : reason.fields)
    if (std::any_of(change.fields.begin(), change.fields.end(),
                    [&](const model::FieldChange& f) { return f.field == field; }))
      out += (out.empty() ? "" : ", ") + field;
  return out;
}

std::string change_summary(const model::WorkloadChange& change) {
  std::string text;
  switch (change.kind) {
    case model::ChangeKind::added: text = "added: " + target_name(change, change.recommended_after); break;
    case model::ChangeKind::removed: text = "removed: was " + target_name(change, change.recommended_before); break;
    case model::ChangeKind::moved: text = "moved from " + change.file_before + "; the advice is unchanged"; return text;
    case model::ChangeKind::not_compared:
      text = "not compared: its file could not be evaluated on the other side";
      return text;
    case model::ChangeKind::changed:
      text = change.target_changed() ? target_name(change, change.recommended_before) + " → " +
                                           target_name(change, change.recommended_after)
                                     : "still " + target_name(change, change.recommended_after);
      break;
  }
  if (change.kind == model::ChangeKind::changed && change.verdict_before != change.verdict_after &&
      !change.runs_on_after.empty())
    text += "; runs_on " + change.runs_on_after + ": " + std::string(verdict_words(change.verdict_after));
  if (const auto delta = change.cost_change(); delta && std::round(*delta * 100.0) != 0)
    text += "; " + signed_usd(*delta) + " a month";
  return text;
}

}  // namespace caas::report

#include "caas/engine/waivers.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "caas/util/suggest.hpp"
#include "engine/judge.hpp"

namespace caas::engine {

namespace {

std::string place(const model::Waiver& waiver) {
  return waiver.file + (waiver.line > 0 ? ":" + std::to_string(waiver.line) : std::string());
}

bool expired(const model::Waiver& waiver, std::string_view today) {
  return !waiver.expires.empty() && std::string_view(waiver.expires) < today;
}

model::Finding waiver_finding(util::Severity severity, std::string_view id, std::string message,
                              const model::Waiver& waiver) {
  return {severity, std::string(id), std::move(message), waiver.file, waiver.line, waiver.column, "waivers"};
}

}  // namespace

bool is_check_id(std::string_view id) {
  const auto* code = util::find_code(id);
  return code != nullptr && (code->severity != util::Severity::error || id.rfind("check-", 0) == 0);
}

std::vector<std::string> finding_ids(const rules::RuleSet& rules) {
  std::vector<std::string> ids;
  for (const auto id : rules.rule_ids()) ids.emplace_back(id);
  for (const auto& code : util::k_codes)
    if (is_check_id(code.id)) ids.emplace_back(code.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

util::Diagnostics check_waiver_rules(const std::vector<model::Waiver>& waivers, const std::vector<std::string>& ids) {
  util::Diagnostics errors;
  std::vector<std::string_view> candidates(ids.begin(), ids.end());
  for (const auto& waiver : waivers) {
    if (std::binary_search(ids.begin(), ids.end(), waiver.rule)) continue;
    auto d = util::make_error("unknown-rule",
                              "the waiver names an unknown rule or check '" + waiver.rule +
                                  "'; `caas-advisor rules list` lists the rules, docs/diagnostics.md the checks",
                              {waiver.file, waiver.line, waiver.column});
    if (auto guess = util::did_you_mean(waiver.rule, candidates)) d.hint = "did you mean '" + *guess + "'?";
    errors.push_back(std::move(d));
  }
  return errors;
}

bool waiver_names(std::string_view pattern, std::string_view name) {
  return fnmatch(std::string(pattern).c_str(), std::string(name).c_str(), 0) == 0;
}

bool can_report(const Reported& reported, std::string_view id) {
  if (id.rfind("check-", 0) == 0) return reported.checks;
  return util::find_code(id) != nullptr || reported.rules;
}

void apply_waivers(model::Recommendation& rec, const std::vector<model::Waiver>& own,
                   const std::vector<model::Waiver>& shared, std::string_view today, std::vector<int>& shared_uses,
                   const Reported& reported) {
  if (own.empty() && shared.empty()) return;
  std::vector<const model::Waiver*> applicable;
  std::vector<int*> uses;
  std::vector<int> own_uses(own.size(), 0);
  for (std::size_t i = 0; i < own.size(); ++i) {
    applicable.push_back(&own[i]);
    uses.push_back(&own_uses[i]);
  }
  for (std::size_t i = 0; i < shared.size(); ++i) {
    if (!waiver_names(shared[i].workload, rec.name)) continue;
    applicable.push_back(&shared[i]);
    uses.push_back(&shared_uses[i]);
  }
  std::vector<bool> expired_matched(applicable.size(), false);
  const std::size_t original = rec.findings.size();
  for (std::size_t f = 0; f < original; ++f) {
    auto& finding = rec.findings[f];
    if (finding.status == model::FindingStatus::waived) continue;  // by the file's own waiver already
    for (std::size_t w = 0; w < applicable.size(); ++w) {
      const auto& waiver = *applicable[w];
      if (waiver.rule != finding.rule) continue;
      ++*uses[w];
      if (expired(waiver, today)) {
        expired_matched[w] = true;
        continue;
      }
      finding.status = model::FindingStatus::waived;
      finding.waiver_reason = waiver.reason;
      finding.waiver_at = place(waiver);
      break;
    }
  }
  for (std::size_t w = 0; w < applicable.size(); ++w) {
    const auto& waiver = *applicable[w];
    const bool is_own = w < own.size();
    if (expired(waiver, today) && (expired_matched[w] || is_own)) {
      rec.findings.push_back(waiver_finding(util::Severity::warning, util::registered("waiver-expired"),
                                            "the waiver of '" + waiver.rule + "' expired on " + waiver.expires +
                                                " and no longer applies (its reason: " + waiver.reason + ")",
                                            waiver));
    } else if (is_own && own_uses[w] == 0 && can_report(reported, waiver.rule)) {
      rec.findings.push_back(
          waiver_finding(util::Severity::warning, util::registered("waiver-stale"),
                         "the waiver of '" + waiver.rule + "' matches no finding of this workload; remove it", waiver));
    }
  }
  sort_findings(rec);
}

util::Diagnostic stale_waiver(const model::Waiver& waiver) {
  auto d = util::make_error("waiver-stale",
                            "the waiver of '" + waiver.rule + "' for workload '" + waiver.workload +
                                "' matches no finding in this run; remove it",
                            {waiver.file, waiver.line, waiver.column});
  d.severity = util::Severity::warning;
  return d;
}

void drop_findings(model::Recommendation& rec, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  std::erase_if(rec.findings,
                [&](const model::Finding& f) { return std::find(ids.begin(), ids.end(), f.rule) != ids.end(); });
}

}  // namespace caas::engine

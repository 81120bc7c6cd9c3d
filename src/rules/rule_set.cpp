// Rule sets: lookup, merging users' tables over the built-in one, disabling by id.
#include <algorithm>

#include "caas/rules/rule_set.hpp"
#include "caas/util/suggest.hpp"

namespace caas::rules {

const model::Target* RuleSet::find_target(std::string_view id) const {
  for (const auto& target : targets)
    if (target.id == id) return &target;
  return nullptr;
}

const Rule* RuleSet::find_rule(std::string_view id) const {
  const auto it = std::lower_bound(rules.begin(), rules.end(), id,
                                   [](const Rule& rule, std::string_view key) { return rule.info.id < key; });
  return it != rules.end() && it->info.id == id ? &*it : nullptr;
}

std::vector<std::string_view> RuleSet::rule_ids() const {
  std::vector<std::string_view> ids;
  ids.reserve(rules.size());
  for (const auto& rule : rules) ids.push_back(rule.info.id);
  return ids;
}

namespace {
bool is_disable_marker(const Rule& rule) { return !rule.info.enabled && rule.when.text().empty(); }
}  // namespace

void merge(RuleSet& base, RuleSet overlay) {
  for (auto& target : overlay.targets) {
    auto it = std::find_if(base.targets.begin(), base.targets.end(),
                           [&](const model::Target& t) { return t.id == target.id; });
    if (it != base.targets.end())
      *it = std::move(target);
    else
      base.targets.push_back(std::move(target));
  }
  for (auto& rule : overlay.rules) {
    auto it = std::lower_bound(base.rules.begin(), base.rules.end(), rule.info.id,
                               [](const Rule& r, const std::string& key) { return r.info.id < key; });
    const bool exists = it != base.rules.end() && it->info.id == rule.info.id;
    if (is_disable_marker(rule)) {
      if (exists) it->info.enabled = false;
      continue;
    }
    if (exists)
      *it = std::move(rule);
    else
      base.rules.insert(it, std::move(rule));
  }
  if (!overlay.revision.empty() && overlay.revision != base.revision) base.revision += "+" + overlay.revision;
}

util::Result<bool> disable(RuleSet& rules, const std::vector<std::string>& ids) {
  util::Diagnostics errors;
  for (const auto& id : ids) {
    auto* rule = const_cast<Rule*>(rules.find_rule(id));
    if (rule != nullptr) {
      rule->info.enabled = false;
      continue;
    }
    util::Diagnostic d;
    d.code = "unknown-rule";
    d.message = "--disable names an unknown rule '" + id + "'";
    if (auto guess = util::did_you_mean(id, rules.rule_ids())) d.hint = "did you mean '" + *guess + "'?";
    errors.push_back(std::move(d));
  }
  if (!errors.empty()) return util::fail(std::move(errors));
  return true;
}

}  // namespace caas::rules

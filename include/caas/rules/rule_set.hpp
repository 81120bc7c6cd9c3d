#pragma once
// Rule tables: loading (built-in and users' files), merging by id, and the link between the condition language
// and the workload schema.
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/rule_info.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/rules/expr/expr.hpp"
#include "caas/util/result.hpp"

namespace caas::rules {

// A workload fragment from a rule's `examples`, completed with `name` and `kind` where missing, as YAML text.
struct RuleExample {
  std::string yaml;
  bool should_match = true;
  int line = 0;  // in the rule file
};

struct Rule {
  model::RuleInfo info;
  expr::Expression when;
  std::vector<RuleExample> examples;
};

struct RuleSet {
  std::string revision;                // reported as rules_version
  std::vector<model::Target> targets;  // in the table's order
  std::vector<Rule> rules;             // sorted by id, so file order never matters

  const model::Target* find_target(std::string_view id) const;
  const Rule* find_rule(std::string_view id) const;
  std::vector<std::string_view> rule_ids() const;
};

struct LoadOptions {
  bool keep_examples = false;     // the rule-examples test needs them; a normal run does not
  const RuleSet* base = nullptr;  // targets a user's file may name without defining them
};

// Loads one rule file. Every error is located (file, line, column): unknown keys with did-you-mean, a bad condition,
// an unknown target, a duplicate id, a bad {path} in a message.
util::Result<RuleSet> load_rules(std::string_view text, const std::string& file, const LoadOptions& options = {});

// Adds `overlay`'s targets and rules to `base`, replacing those with the same id; a rule with `enabled: false`
// disables the base rule. A later overlay wins.
void merge(RuleSet& base, RuleSet overlay);

// Disables rules by id; an unknown id is an error with did-you-mean.
util::Result<bool> disable(RuleSet& rules, const std::vector<std::string>& ids);

// The workload schema as the condition language sees it: catalogue paths (slot = catalogue index) and x.NAME.
const expr::Schema& workload_schema();

// Reads a profile for conditions.
class ProfileEnvironment final : public expr::Environment {
 public:
  explicit ProfileEnvironment(const model::WorkloadProfile& profile) : m_profile(profile) {}
  const util::Value* field(int slot) const override;
  const util::Value* extension(std::string_view name) const override;

 private:
  const model::WorkloadProfile& m_profile;
};

// Fills `{path}` placeholders with the profile's values as the user wrote them ("unknown" when absent).
std::string interpolate(std::string_view message, const model::WorkloadProfile& profile);

}  // namespace caas::rules

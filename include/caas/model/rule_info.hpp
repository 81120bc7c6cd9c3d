#pragma once
// What renderers and the engine need to know about targets and rules, without the condition machinery.
#include <string>
#include <string_view>
#include <vector>

namespace caas::model {

// A place a workload can run: EC2, Fargate, Lambda (defined by the rule table, not in code).
struct Target {
  std::string id;      // "lambda"
  std::string name;    // "AWS Lambda"
  std::string model;   // FaaS | CaaS | IaaS
  int ops_burden = 1;  // 1 (least) .. 3 (most)

  bool operator==(const Target&) const = default;
};

enum class Effect { exclude, prefer, avoid, note };

std::string_view to_string(Effect effect);
// One row per effect, in this order; the loader and `rules list` read it.
const std::vector<Effect>& all_effects();

struct RuleInfo {
  std::string id;
  std::vector<std::string> targets;
  Effect effect = Effect::note;
  double weight = 0;      // prefer/avoid only
  std::string condition;  // the `when` text
  std::string message;    // with {path} placeholders
  std::string source;     // URL or "seed: ..."
  std::string origin;     // rule file and line: "rules/aws.yaml:42"
  bool enabled = true;

  bool operator==(const RuleInfo&) const = default;
};

}  // namespace caas::model

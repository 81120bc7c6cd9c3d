#pragma once
// The engine's answer for one workload: every target ranked, with reasons, blockers, cost, assumptions and
// findings. Renderers map this to each output format.
#include <optional>
#include <string>
#include <vector>

#include "caas/model/rule_info.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::model {

// A rule that fired for a target.
struct Reason {
  std::string rule;
  Effect effect = Effect::note;
  double weight = 0;
  std::string message;  // interpolated, ready to show
  std::string source;
  std::vector<std::string> fields;  // paths read that the workload gives, in condition order
  int line = 0;                     // location of the first field (or the workload's kind line)
  int column = 0;
};

struct CostItem {
  std::string item;  // "requests", "compute (GB-seconds, arm64)"
  double quantity = 0;
  std::string unit;  // "request", "GB-second"
  double unit_price_usd = 0;
  double usd = 0;
};

struct Assumption {
  std::string field;  // a workload path, or a cost-model name such as "pricing.free_tier"
  std::string value;
  std::string why;
  // A value the project configuration's `workloads:` filled in (docs/config.md): where it is written and the name
  // or glob it is given for. Empty for the cost model's own assumptions.
  std::string config_file{};
  int config_line = 0;
  std::string config_workloads{};
};

struct CostEstimate {
  double monthly_usd = 0;
  std::vector<CostItem> items;
  std::vector<Assumption> assumptions;
  std::string summary;  // "2 × 0.5 vCPU / 1 GiB tasks, all month"
};

struct TargetResult {
  Target target;
  int rank = 0;
  bool feasible = true;
  double score = 0;                  // meaningful when feasible
  double cost_points = 0;            // the cost term's share of the score
  std::optional<CostEstimate> cost;  // nullopt when it cannot be estimated
  std::string cost_unknown_reason;   // why cost is nullopt
  std::vector<Reason> reasons;       // prefer, avoid and note rules that fired, in rule order
  std::vector<Reason> blockers;      // exclude rules that fired
};

// "What would change this": a break-even in traffic, or a limit that keeps a target out.
struct Change {
  std::string kind;  // "break_even" | "limit"
  std::string target;
  std::string field;
  std::string value;  // the value that would do it, as a user would write it
  std::string message;
};

// What a team has decided about a finding, set once for every format to show the same way (docs/config.md):
// open (no baseline given), new (not in the baseline), known (in the baseline) or waived (an accepted exception).
// Only open and new findings count for --fail-on.
enum class FindingStatus { open, new_finding, known, waived };
std::string_view to_string(FindingStatus status);  // "open", "new", "known", "waived"

struct Finding {
  util::Severity severity = util::Severity::info;
  std::string rule;  // rule or check id
  std::string message;
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;
  FindingStatus status = FindingStatus::open;
  std::string waiver_reason = std::string();  // when waived: the waiver's reason
  std::string waiver_at = std::string();      // when waived: where the waiver is written, "file:line"
};

// Whether a finding counts for --fail-on: a known or waived one never does.
inline bool counts_for_fail_on(const Finding& finding) {
  return finding.status == FindingStatus::open || finding.status == FindingStatus::new_finding;
}

// Where an imported value came from in a spec the user already has (serverless.yml, a Kubernetes manifest...):
// the workload field it filled, the key path in the original file and where that key is.
struct Provenance {
  std::string field;         // workload path, "resources.memory"
  std::string value;         // as the workload file would write it: "1536MiB", "lambda"
  std::string original_key;  // "functions.resize.memorySize"
  int line = 0;
  int column = 0;
  std::string note;  // how it was read: "1536MB (MiB, as AWS means it)"; empty when plain
};

// The monthly cost of each target against traffic, for charts (-f html, cost --chart): traffic scaled by one factor
// from a tenth to ten times today's, everything else held, as the break-even search does (docs/cost-model.md).
struct CostCurvePoint {
  double scale = 0;                        // multiple of today's traffic
  std::vector<std::optional<double>> usd;  // one per CostCurve::targets; nullopt where the model cannot price it
};

// Where the cheapest of the compared targets changes (the break-even search's crossings, 0.001× to 1000×).
struct CostCurveCrossing {
  double scale = 0;
  double events_per_month = 0;
  std::string below;  // cheapest just under the crossing
  std::string above;  // cheapest just over it
  bool at_step = false;
  std::string message;  // "AWS Fargate becomes the cheaper choice above 19.2M requests a month (...)"
};

// A value the workload's file writes, as written ("10m", "http, sqs"), for readers that compare two versions of a
// workload (`diff`, which also reads it back from a JSON report).
struct InputValue {
  std::string field;  // a catalogue path, or `x.NAME` for an x- extension
  std::string value;
  int line = 0;  // where it is written (in an imported spec, the original key)
  int column = 0;
};

struct CostCurve {
  std::string field;                         // "traffic.requests_per_month" | "traffic.runs_per_month"
  double events_per_month = 0;               // today's traffic
  std::vector<std::string> targets;          // every target with a cost model, in ranking order
  std::vector<std::string> compared;         // the targets the break-even compares (feasible, with a cost)
  std::vector<CostCurvePoint> points;        // in ascending scale, from 0.1 to 10, the cost table's scales among them
  std::vector<CostCurveCrossing> crossings;  // in ascending scale
  std::string note;                          // why there are no points, when there are none
};

struct Recommendation {
  std::string name;
  std::string file;
  std::string description;                 // the workload's description; empty when it gives none
  std::optional<std::string> recommended;  // first feasible target id
  std::string runs_on;                     // the target the workload names in runs_on; empty when it names none
  std::vector<TargetResult> ranking;       // every target, feasible first, in rank order
  std::vector<Assumption> assumptions;
  std::vector<Change> what_would_change;
  std::vector<Finding> findings;
  std::vector<InputValue> inputs;  // the values the file writes: catalogue order, then x- extensions by name
  // Set only for workloads imported from another format (docs/importers.md).
  std::string source_format;         // "serverless", "kubernetes"...; empty for workload files
  std::vector<Provenance> imported;  // in workload-field order
  std::vector<std::string> unknown;  // workload paths the file does not give that would sharpen the advice
  // Set only when asked for (EngineOptions::cost_curve) and the workload gives traffic and a price table applies.
  std::optional<CostCurve> cost_curve;
};

}  // namespace caas::model

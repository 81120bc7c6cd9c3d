#pragma once
// What a change to a portfolio does to the advice (`caas-advisor diff`): each workload matched between a base and a
// head version, what changed in its inputs and in its advice, and the portfolio's monthly total. Made by
// diff::compare, rendered by report::render_diff.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::model {

// `check`'s judgement of a workload's runs_on, as one word per case.
enum class Verdict {
  none,             // no runs_on to judge (and some target fits)
  recommended,      // runs_on is the recommendation
  not_recommended,  // runs_on fits, but another target is recommended
  infeasible,       // runs_on cannot run the workload
  no_target,        // no target can run the workload
};
std::string_view to_string(Verdict verdict);  // "none", "recommended", "not-recommended", "infeasible", "no-target"
Verdict verdict_of(const Recommendation& recommendation);

// The target whose monthly cost counts in the portfolio: runs_on where the workload names one that can run it, else
// the recommendation (where a workload that runs_on cannot run would have to go); empty when nothing fits.
std::string costed_target(const Recommendation& recommendation);
// That target's monthly cost; nullopt when it has none (infeasible, or the cost model cannot price it).
std::optional<double> costed_usd(const Recommendation& recommendation);

// One input that differs; `before` or `after` is empty when the file does not write it on that side.
struct FieldChange {
  std::string field;  // "execution.duration.max", or x.NAME
  std::string before;
  std::string after;
  std::string original_key;  // for a workload imported from another format: the key there ("functions.api.timeout")
  int line = 0;              // where the head writes it (the base, when the head no longer does)
};

// One target before and after; nullopt where a side has no such target.
struct TargetChange {
  std::string target;  // id
  std::string name;    // "AWS Lambda"
  std::optional<bool> feasible_before;
  std::optional<bool> feasible_after;
  std::optional<double> score_before;  // when feasible
  std::optional<double> score_after;
  std::optional<double> cost_before;  // monthly, when known
  std::optional<double> cost_after;
  std::vector<Reason> ruled_out_by;         // blocking rules that fire now and did not before
  std::vector<Reason> no_longer_ruled_out;  // blocking rules that fired before and do not now
};

enum class ChangeKind {
  changed,       // the same workload in both versions, with a change in its inputs or its advice
  added,         // only in the head
  removed,       // only in the base
  moved,         // its file was renamed or moved; nothing else changed
  not_compared,  // its file could not be evaluated on the other side (the error is listed)
};
std::string_view to_string(ChangeKind kind);  // "changed", "added", "removed", "moved", "not-compared"

struct WorkloadChange {
  ChangeKind kind = ChangeKind::changed;
  std::string name;         // the head's (the base's when removed)
  std::string name_before;  // when the workload was renamed in its file; else empty
  std::string file;         // the head's file (the base's when removed), as reports show it
  std::string file_before;  // when the file was renamed or moved; else empty
  int line = 0;             // where the workload starts in `file`
  std::string source_format;
  std::optional<std::string> recommended_before;
  std::optional<std::string> recommended_after;
  std::string runs_on_before;  // empty when not named
  std::string runs_on_after;
  Verdict verdict_before = Verdict::none;
  Verdict verdict_after = Verdict::none;
  std::vector<FieldChange> fields;    // in catalogue order
  std::vector<TargetChange> targets;  // every target, in the head's rank order (the base's when removed)
  // The workload's share of the portfolio total: the cost of runs_on where it names one that fits, else of the
  // recommendation.
  std::string costed_before;
  std::string costed_after;
  std::optional<double> cost_before;
  std::optional<double> cost_after;
  std::vector<Finding> new_findings;    // check findings the change introduces
  std::vector<Finding> fixed_findings;  // check findings it removes

  bool target_changed() const { return kind == ChangeKind::changed && recommended_before != recommended_after; }
  // after − before; nullopt when either is unknown (added: after; removed: −before).
  std::optional<double> cost_change() const;
};

// Where a side's workloads came from: "git origin/main", a folder, a JSON report, and the tables that judged them.
struct DiffSide {
  std::string label;  // as the user named it: "origin/main", "old/", "base.json"
  std::string rules_version;
  std::string pricing_date;
};

// A gate of the command line and whether the change reached it.
struct GateResult {
  std::string gate;       // "target-change", "cost-increase", "new-findings"
  std::string threshold;  // "50USD", "10%", "error"; empty for target-change
  bool reached = false;
  std::string message;  // what reached it, or why it was not reached
};

// Monthly cost of the portfolio: the costed target of every workload.
struct CostTotals {
  double change = 0;                 // sum of the compared workloads' changes (added +, removed −)
  std::optional<double> base_total;  // of every workload of the base, when every file was evaluated
  std::optional<double> head_total;  // the same for the head
  int workloads_without_cost = 0;    // changed, added or removed workloads whose cost is unknown on a side
};

// An error of one side's input.
struct SideError {
  std::string side;  // "base" or "head"
  util::Diagnostic error;
};

struct PortfolioDiff {
  DiffSide base;
  DiffSide head;
  std::vector<WorkloadChange> changes;  // target changes first, then other changes, added, removed, moved; by file
  int unchanged = 0;                    // workloads with no change, counted, not listed
  int unchanged_files = 0;              // of which in files that are the same on both sides (not evaluated again)
  CostTotals cost;
  std::vector<SideError> errors;  // base's first, each side's in input order
  std::vector<GateResult> gates;
  int exit_code = 0;

  int count(ChangeKind kind) const;
  int target_changes() const;
};

}  // namespace caas::model

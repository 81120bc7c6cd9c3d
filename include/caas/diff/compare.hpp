#pragma once
// The comparison behind `caas-advisor diff`: two versions of a portfolio in, what the change does to each workload's
// inputs and advice out (model::PortfolioDiff). Pure: the sides arrive evaluated (or read back from a JSON report);
// docs/diff.md describes the matching and the totals.
#include <optional>
#include <string>
#include <vector>

#include "caas/model/portfolio_diff.hpp"
#include "caas/model/recommendation.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::diff {

// One file of a side, evaluated.
struct SideFile {
  std::string key;      // the path matching uses: relative to the side's root (a lone file: its name)
  std::string display;  // as reports show it
  std::vector<model::Recommendation> workloads;
  util::Diagnostics errors;  // the file's; a file with errors and no workload is not compared
};

struct Side {
  model::DiffSide info;
  std::vector<SideFile> files;  // in any order
};

// Files that are the same on both sides, so not evaluated twice: counted, and priced when evaluated once.
struct Unchanged {
  int files = 0;
  int workloads = 0;                  // the workloads they hold
  std::optional<double> monthly_usd;  // their costed targets' total, when they were evaluated (for the totals)
};

// Drops from an evaluated workload what compare never reads (line items, assumptions, reasons, what would change,
// charts), so that a side of many thousand workloads stays small in memory.
void keep_compared_parts(model::Recommendation& recommendation);

// Matches the workloads of the two sides (by file and name, then a moved or renamed file by workload name, then a
// workload renamed in its file) and describes each change. The gates and the exit code are left to evaluate_gates.
model::PortfolioDiff compare(const Side& base, const Side& head, const Unchanged& unchanged = {});

}  // namespace caas::diff

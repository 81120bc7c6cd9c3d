#pragma once
// Evaluates a batch of inputs in parallel and streams the results, in input order, to every renderer.
#include <memory>
#include <vector>

#include "caas/config/project_config.hpp"
#include "caas/engine/engine.hpp"
#include "caas/parse/parse_workload.hpp"
#include "caas/report/finding_identity.hpp"
#include "caas/report/report.hpp"
#include "cli/context.hpp"
#include "cli/inputs.hpp"

namespace caas::cli {

struct BatchSettings {
  report::Command command = report::Command::recommend;
  util::InputLimits limits;
  engine::EngineOptions engine;
  int jobs = 1;
  report::Gate gate;
  bool progress = false;  // a progress bar on standard error
  // The team's decisions (docs/config.md): the configuration's waivers, its field values by workload, and the
  // baseline's findings. `today` (YYYY-MM-DD) says which waivers have expired.
  std::vector<model::Waiver> waivers;
  std::vector<config::WorkloadValues> workload_values;
  std::optional<std::vector<report::FindingKey>> baseline;
  std::string today;
};

// What one file produced.
struct FileOutcome {
  bool skipped = false;  // a file found in a folder that is not a workload
  bool internal_error = false;
  util::Diagnostics errors;
  std::vector<model::Recommendation> results;
};

// Evaluates one file's text, read already, as a batch does: a workload file, or another format's spec, or an error.
FileOutcome evaluate_text(std::string_view text, const Input& input, const Context& context,
                          const BatchSettings& settings);

// Runs the batch; returns the exit code (0, 1, 2, or 3 when a worker hit a bug).
int run_batch(const Inputs& inputs, const Context& context, const BatchSettings& settings,
              const std::vector<report::Renderer*>& renderers, Io& io);

}  // namespace caas::cli

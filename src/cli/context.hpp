#pragma once
// What every evaluating command needs: the rule set and prices (built-in, then users' files), and the tool info.
#include <functional>
#include <optional>

#include "caas/cost/price_table.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/report/report.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/util/raw_text.hpp"
#include "cli/options.hpp"

namespace caas::cli {

struct Context {
  rules::RuleSet rules;
  cost::PriceTable prices;
  report::ToolInfo tool;
  std::vector<std::string> finding_ids;        // every id a waiver or --disable may name (engine::finding_ids)
  std::vector<std::string> disabled_findings;  // check ids named by --disable or disable:, dropped from results
};

// A workload's own region, when it gives one, checked against the prices in effect by cost::check_region and
// located at the field (in `text`, the file's text); nullopt when it is priced. An unknown region is an input error
// of the file (exit 2), like a parse error: a report is never priced without costs.
std::optional<util::Diagnostic> check_workload_region(const model::WorkloadProfile& profile,
                                                      const cost::PriceTable& prices, std::string_view text);

// Why a file could not be read; `too_large` when it holds more than the limit.
struct ReadError {
  std::string message;
  bool too_large = false;
};

// Reads a whole file of at most `limits.max_bytes` bytes: a larger regular file is refused before reading, a stream
// (pipe, FIFO, device) is read no further than one byte past the limit, and a FIFO that nobody writes to reads as
// empty instead of waiting. nullopt with the reason when it cannot be read.
std::optional<std::string> read_input(const std::string& path, const util::InputLimits& limits, ReadError& error);

// Where the rule and price files are read from: the disk (read_input), or another version of them (`diff`).
using TableReader =
    std::function<std::optional<std::string>(const std::string& path, const util::InputLimits& limits, ReadError&)>;

// Loads the built-in tables and the files named by --rules, --disable and --pricing, read with `read` (--disable
// takes rule ids and check ids alike; an unknown one is an error with did-you-mean). nullopt,
// with every error in `errors`, when one of them does not load (exit 2); the evaluating commands report them like any
// input's errors, so that -f json still prints the report's shape. `tool` is what was loaded, whether or not all of
// it loaded.
std::optional<Context> load_context(const Options& options, util::Diagnostics& errors, report::ToolInfo& tool,
                                    const TableReader& read = read_input);
// The same, with the errors printed to io.err in compiler style, for commands whose output has no place for them.
std::optional<Context> load_context(const Options& options, Io& io, const TableReader& read = read_input);

// read_input with a generous fixed limit, for callers whose parser applies the real one.
std::optional<std::string> read_file(const std::string& path, std::string& error);

std::string tool_version();

}  // namespace caas::cli

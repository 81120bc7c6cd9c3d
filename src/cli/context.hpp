#pragma once
// What every evaluating command needs: the rule set and prices (built-in, then users' files), and the tool info.
#include <optional>

#include "caas/cost/price_table.hpp"
#include "caas/report/report.hpp"
#include "caas/rules/rule_set.hpp"
#include "cli/options.hpp"

namespace caas::cli {

struct Context {
  rules::RuleSet rules;
  cost::PriceTable prices;
  report::ToolInfo tool;
};

// Loads the built-in tables and the files named by --rules, --disable and --pricing. Errors are printed to
// io.err in compiler style; nullopt means exit 2.
std::optional<Context> load_context(const Options& options, Io& io);

// Reads a whole file; nullopt with a message when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::string& error);

std::string tool_version();

}  // namespace caas::cli

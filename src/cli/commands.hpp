#pragma once
// Commands other than the batch evaluations (recommend, check, validate): one class per command, one row each in
// make_commands(). A command adds its subcommand and options to the app, and runs when the user named it.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace caas::cli {

class Command {
 public:
  virtual ~Command() = default;
  // Adds the subcommand (and its own options) to `app`; `options` holds the shared ones (--rules, --pricing...).
  virtual CLI::App* add_to(CLI::App& app, Options& options) = 0;
  // Runs it; returns the exit code.
  virtual int run(const Options& options, Io& io) = 0;
};

// Every such command, in the order --help lists them.
std::vector<std::unique_ptr<Command>> make_commands();

// Shared option groups, for commands to reuse.
void add_rule_options(CLI::App& app, Options& options);
void add_pricing_options(CLI::App& app, Options& options);
// --config, --no-config and --baseline (the project configuration, docs/config.md).
void add_project_options(CLI::App& app, Options& options);

int print_version(const Options& options, Io& io);

// The rules commands (rules_command.cpp).
std::unique_ptr<Command> make_rules_command();
// `import FILE` (import_command.cpp).
std::unique_ptr<Command> make_import_command();
// `cost FILE` (cost_command.cpp).
std::unique_ptr<Command> make_cost_command();
// `pricing import FILE... [-o OUT]` (pricing_import_command.cpp).
std::unique_ptr<Command> make_pricing_import_command();
// `schema workload|report` (schema_command.cpp).
std::unique_ptr<Command> make_schema_command();
// `diff BASE HEAD`, `diff --git-base REF [PATHS...]` (diff_command.cpp).
std::unique_ptr<Command> make_diff_command();
// `init [-o FILE]` (init_command.cpp).
std::unique_ptr<Command> make_init_command();
// `pricing regions` and `pricing show REGION` (pricing_command.cpp), under the `pricing` group of pricing_group().
std::unique_ptr<Command> make_pricing_regions_command();
std::unique_ptr<Command> make_pricing_show_command();
// The `pricing` command group, made by the first pricing command that asks for it: each `pricing` subcommand is a
// Command of its own that adds itself here.
CLI::App* pricing_group(CLI::App& app);
// `config` (config_command.cpp).
std::unique_ptr<Command> make_config_command();
// `completion bash|zsh|fish` (completion_command.cpp).
std::unique_ptr<Command> make_completion_command();

}  // namespace caas::cli

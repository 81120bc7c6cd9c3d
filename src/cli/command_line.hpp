#pragma once
// The whole command line as one object: the CLI11 app with every command's row and options, and what parsing fills
// in. run() parses with it; the man page generator and `completion` read it (command_info.hpp).
#include <CLI/CLI.hpp>

#include <memory>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace caas::cli {

struct CommandLine {
  CLI::App app{"caas-advisor: where should this workload run on AWS - EC2, Fargate or Lambda?", "caas-advisor"};
  Options options;
  bool version = false;
  std::vector<std::unique_ptr<Command>> commands;
  std::vector<std::pair<CLI::App*, report::Command>> evaluating;  // recommend, check, validate
  std::vector<std::pair<CLI::App*, Command*>> others;
};

// Builds the command table (run.cpp).
std::unique_ptr<CommandLine> make_command_line();

}  // namespace caas::cli

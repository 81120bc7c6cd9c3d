#pragma once
// Shell completion scripts for bash, zsh and fish, rendered from the command table (command_info.hpp): every
// command, subcommand and option --help lists completes, with choices from the options' checks and file or folder
// names where a value is a FILE, PATH or DIR.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_info.hpp"

namespace caas::cli {

// The shells there is a script for, in the order `completion --help` lists them.
const std::vector<std::string>& completion_shells();

// Writes the script for `shell` (one of completion_shells(); any other is a caller's bug, std::invalid_argument).
void render_completion(const CommandInfo& root, std::string_view shell, std::ostream& out);

}  // namespace caas::cli

#pragma once
// The command line as plain data, read off the CLI11 app that run.cpp builds: the man page and the shell
// completions are rendered from it, so they list exactly what --help lists.
#include <CLI/CLI.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace caas::cli {

// What a value of an option or positional is, as far as a shell can complete it.
enum class ValueKind {
  none,        // a flag: no value
  text,        // free text (a number, a size, a rule id)
  file,        // a file path (type name FILE or PATH)
  directory,   // a folder (type name DIR)
  choice,      // one of `choices` (an IsMember check)
  choice_path  // one of `choices`, optionally followed by =PATH (type name FMT[=PATH])
};

struct OptionInfo {
  std::vector<std::string> short_names;  // without the dash: "f"
  std::vector<std::string> long_names;   // without the dashes: "format"
  std::string positional;                // a positional's name ("paths"); empty for an option
  std::string value_name;                // as --help shows it: FILE, FMT[=PATH], auto|always|never
  std::string help;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;
  bool required = false;
  bool repeatable = false;  // a positional or option that takes many values
};

struct CommandInfo {
  std::string name;  // the program's name at the root
  std::string help;
  std::vector<OptionInfo> options;       // in the order --help shows them, positionals last
  std::vector<CommandInfo> subcommands;  // in the order --help shows them
  bool needs_subcommand = false;
};

// The parts joined in one allocation (in loops, where a + b + c would make a temporary for each +).
std::string concat(std::initializer_list<std::string_view> parts);

// Reads `app` and its subcommands (hidden ones, in no group, are left out, as --help leaves them out).
CommandInfo describe(const CLI::App& app);

}  // namespace caas::cli

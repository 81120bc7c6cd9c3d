#pragma once
// The commands that are not a batch evaluation: rules list/show, --version.
#include <string>

#include "cli/options.hpp"

namespace caas::cli {

struct RuleCommand {
  std::string id;
  std::string format = "text";
};

int list_rules(const RuleCommand& command, const Options& options, Io& io);
int show_rule(const RuleCommand& command, const Options& options, Io& io);
int print_version(const Options& options, Io& io);

}  // namespace caas::cli

#pragma once
// caas-advisor(1): the manual page in roff, rendered from the command table (command_info.hpp), so it lists exactly
// the commands and options that --help lists. Built at build time by caas-advisor-man (man_main.cpp).
#include <ostream>
#include <string>

#include "cli/command_info.hpp"

namespace caas::cli {

struct ManPageInfo {
  std::string version;  // the release, as --version names it
  std::string date;     // the release date (YYYY-MM-DD), so the page is the same for every build of a release
};

void render_man_page(const CommandInfo& root, const ManPageInfo& info, std::ostream& out);

// Text as roff reads it literally: backslashes, leading dots and quotes, and characters outside ASCII escaped.
std::string roff_escape(const std::string& text);

}  // namespace caas::cli

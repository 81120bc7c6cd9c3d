#include <catch2/catch.hpp>

#include <sstream>

#include "cli/command_info.hpp"
#include "cli/command_line.hpp"
#include "cli/man_page.hpp"

using namespace caas;

namespace {
std::string man_page() {
  const auto line = cli::make_command_line();
  std::ostringstream out;
  cli::render_man_page(cli::describe(line->app), {"9.8.7", "2026-01-02"}, out);
  return out.str();
}
}  // namespace

TEST_CASE("man page: the title line names the release and its date", "[cli][man]") {
  CHECK(man_page().find(".TH CAAS\\-ADVISOR 1 \"2026-01-02\" \"caas-advisor 9.8.7\"") != std::string::npos);
}

TEST_CASE("man page: every command that runs has a section, every option an entry", "[cli][man]") {
  const auto page = man_page();
  const auto line = cli::make_command_line();
  for (const auto* sub : line->app.get_subcommands([](const CLI::App*) { return true; })) {
    const auto leaves = sub->get_subcommands([](const CLI::App*) { return true; });
    if (leaves.empty()) CHECK(page.find(".SS \"" + sub->get_name() + "\"") != std::string::npos);
    for (const auto* leaf : leaves)
      CHECK(page.find(".SS \"" + sub->get_name() + " " + leaf->get_name() + "\"") != std::string::npos);
    for (const auto* opt : sub->get_options())
      for (const auto& name : opt->get_lnames()) {
        std::string escaped;
        for (const char c : name) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
        CHECK(page.find("\\fB\\-\\-" + escaped + "\\fR") != std::string::npos);
      }
  }
  // Options that several commands share are described once.
  std::size_t count = 0;
  for (auto at = page.find("\\fB\\-\\-pricing\\fR"); at != std::string::npos;
       at = page.find("\\fB\\-\\-pricing\\fR", at + 1))
    ++count;
  CHECK(count >= 2);  // once in COMMON OPTIONS, and named under each command that takes it
  CHECK(page.find(".SH COMMON OPTIONS") != std::string::npos);
  CHECK(page.find(".SH EXIT STATUS") != std::string::npos);
}

TEST_CASE("man page: text is escaped as roff reads it literally", "[cli][man]") {
  CHECK(cli::roff_escape("a\\b") == "a\\eb");
  CHECK(cli::roff_escape(".start") == "\\&.start");
  CHECK(cli::roff_escape("line\n'quote") == "line\n\\&'quote");
  CHECK(cli::roff_escape("0.1\xc3\x97") == "0.1\\[u00D7]");
  CHECK(cli::roff_escape("bad\xff") == "bad\\[uFFFD]");
}

#include <catch2/catch.hpp>

#include <sstream>

#include "cli/command_info.hpp"
#include "cli/command_line.hpp"
#include "cli/completion.hpp"

using namespace caas;

namespace {

// A small command table with one of each kind of value.
struct Sample {
  CLI::App app{"tool: does things", "caas-advisor"};
  std::vector<std::string> files;
  std::string color;
  std::string format;
  std::string dir;
  std::string hidden;
  bool quiet = false;
  Sample() {
    auto* run = app.add_subcommand("run", "Runs it");
    run->add_option("paths", files, "Files")->type_name("PATH");
    run->add_option("--color", color, "Colour")->check(CLI::IsMember({"auto", "never"}));
    run->add_option("-f,--format", format, "Format")
        ->type_name("FMT[=PATH]")
        ->check(CLI::Validator([](const std::string&) { return std::string(); }, "{text,json}"));
    run->add_option("--out", dir, "Folder")->type_name("DIR");
    run->add_flag("-q,--quiet", quiet, "Quiet");
    run->add_option("--secret", hidden, "Not shown")->group("");
    auto* group = app.add_subcommand("group", "Has subcommands");
    group->require_subcommand(1);
    group->add_subcommand("leaf", "A leaf");
    app.add_subcommand("internal", "Hidden")->group("");
  }
};

const cli::OptionInfo& option(const cli::CommandInfo& command, const std::string& long_name) {
  for (const auto& opt : command.options)
    if (!opt.long_names.empty() && opt.long_names[0] == long_name) return opt;
  FAIL("no option --" << long_name);
  throw std::logic_error("unreachable");
}

std::string render(const cli::CommandInfo& root, const std::string& shell) {
  std::ostringstream out;
  cli::render_completion(root, shell, out);
  return out.str();
}

}  // namespace

TEST_CASE("command info: options keep their kind of value, choices come from the checks", "[cli][completion]") {
  Sample s;
  const auto root = cli::describe(s.app);
  REQUIRE(root.subcommands.size() == 2);  // the hidden one is left out, as --help leaves it out
  const auto& run = root.subcommands[0];
  CHECK(run.name == "run");
  CHECK(option(run, "color").kind == cli::ValueKind::choice);
  CHECK(option(run, "color").choices == std::vector<std::string>{"auto", "never"});
  CHECK(option(run, "color").value_name == "auto|never");
  CHECK(option(run, "format").kind == cli::ValueKind::choice_path);
  CHECK(option(run, "format").short_names == std::vector<std::string>{"f"});
  CHECK(option(run, "format").value_name == "FMT[=PATH]");
  CHECK(option(run, "out").kind == cli::ValueKind::directory);
  CHECK(option(run, "quiet").kind == cli::ValueKind::none);
  for (const auto& opt : run.options) CHECK(opt.long_names != std::vector<std::string>{"secret"});
  // Positionals come last, with their kind.
  REQUIRE_FALSE(run.options.empty());
  CHECK(run.options.back().positional == "paths");
  CHECK(run.options.back().kind == cli::ValueKind::file);
  CHECK(run.options.back().repeatable);
  CHECK(root.subcommands[1].needs_subcommand);
  CHECK(root.subcommands[1].subcommands.at(0).name == "leaf");
}

TEST_CASE("completion: each shell's script names every command, subcommand, option and choice", "[cli][completion]") {
  Sample s;
  const auto root = cli::describe(s.app);
  for (const auto& shell : cli::completion_shells()) {
    INFO(shell);
    const auto script = render(root, shell);
    for (const auto* word : {"run", "group", "leaf", "color", "format", "quiet", "auto", "never", "text", "json"})
      CHECK(script.find(word) != std::string::npos);
    CHECK(script.find("internal") == std::string::npos);
    CHECK(script.find("secret") == std::string::npos);
  }
  CHECK_THROWS_AS(render(root, "tcsh"), std::invalid_argument);
}

TEST_CASE("completion: a quote in a help text cannot end the script's quoting", "[cli][completion]") {
  CLI::App app{"tool", "caas-advisor"};
  app.add_subcommand("run", "It's [the] one: with 'quotes'");
  const auto root = cli::describe(app);
  CHECK(render(root, "bash").find("'run'") != std::string::npos);
  CHECK(render(root, "zsh").find(R"('run:It'\''s \[the\] one\: with '\''quotes'\''')") != std::string::npos);
  CHECK(render(root, "fish").find(R"(-d 'It\'s [the] one: with \'quotes\'')") != std::string::npos);
}

TEST_CASE("completion: the real command table's commands and formats all complete", "[cli][completion]") {
  const auto line = cli::make_command_line();
  const auto root = cli::describe(line->app);
  const auto bash = render(root, "bash");
  for (const auto* sub : line->app.get_subcommands([](const CLI::App*) { return true; }))
    CHECK(bash.find("'" + sub->get_name()) != std::string::npos);
  for (const auto& format : report::formats()) CHECK(bash.find(std::string(format.name)) != std::string::npos);
}

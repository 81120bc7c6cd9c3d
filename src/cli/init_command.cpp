// `init [-o FILE]`: asks the questions of init_questions.cpp on a terminal (each with a default, each answer checked
// as it is given), writes a commented workload file, then shows the recommendation for it. Without a terminal
// every answer comes from an option (or --yes takes the defaults), so scripts can use it.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "caas/engine/engine.hpp"
#include "caas/parse/parse_workload.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/init_questions.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"

namespace caas::cli {

namespace {

class InitCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* init = app.add_subcommand(
        "init", "Write a commented workload file from a few questions (asked on a terminal, or answered by options)");
    init->add_option("-o,--output", m_output, "The file to write (default: NAME.yaml; - for standard output)")
        ->type_name("FILE");
    init->add_flag("--force", m_force, "Overwrite the file if it exists");
    init->add_flag("-y,--yes", m_yes, "Take the default for every question no option answers, without asking");
    for (const auto& question : init_questions())
      init->add_option(question.option, m_given[question.key], question.help)->type_name(question.value_name);
    add_rule_options(*init, options);
    add_pricing_options(*init, options);
    init->add_option("--color", options.color, "Colour: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    return init;
  }

  int run(const Options& options, Io& io) override {
    // Rule and price files and --region are checked before any question, so that a mistake there writes nothing.
    if (!load_context(options, io)) return 2;
    const bool ask = io.in_is_terminal && !m_yes;
    Answers answers;
    if (ask)
      io.err << "caas-advisor init: a few questions about the workload. Enter takes the [default]; "
                "Ctrl-D stops without writing anything.\n";
    for (const auto& question : init_questions()) {
      if (!question.applies(answers)) continue;
      const std::string& given = m_given[question.key];
      if (!given.empty()) {
        const auto checked = question.check(given, answers);
        if (!checked.error.empty()) {
          io.err << "caas-advisor: error: " << question.option << ' ' << given << ": " << checked.error << '\n';
          return 2;
        }
        answers[question.key] = checked.value;
        continue;
      }
      if (!ask) {
        if (!m_yes) return explain_options(io);
        answers[question.key] = question.check(question.fallback(answers), answers).value;
        continue;
      }
      auto answer = ask_one(question, answers, io);
      if (!answer) {
        io.err << "\nStopped; nothing was written.\n";
        return 2;
      }
      answers[question.key] = *answer;
    }
    return write_and_recommend(answers, options, io, ask);
  }

 private:
  // Asks until the answer passes its check; nullopt at the end of input.
  static std::optional<std::string> ask_one(const Question& question, const Answers& answers, Io& io) {
    const std::string fallback = question.fallback(answers);
    while (true) {
      io.err << question.prompt(answers) << " [" << fallback << "]: " << std::flush;
      std::string line;
      if (!std::getline(io.in, line)) return std::nullopt;
      if (line.find_first_not_of(" \t\r") == std::string::npos) line = fallback;
      const auto checked = question.check(line, answers);
      if (checked.error.empty()) return checked.value;
      io.err << "  " << checked.error << '\n';
    }
  }

  // Without a terminal nobody can answer: say which option answers each question.
  static int explain_options(Io& io) {
    io.err << "caas-advisor init: standard input is not a terminal, so there is nobody to ask. Answer by options "
              "(each has a default), and --yes takes the default of every one not given:\n";
    for (const auto& question : init_questions()) {
      std::string left = "  " + question.option + " " + question.value_name;
      if (left.size() < 34) left.resize(34, ' ');
      io.err << left << question.help << '\n';
    }
    io.err << "For example: caas-advisor init --yes --name orders-api --trigger http --duration 120ms "
              "--traffic 3M -o orders-api.yaml\n";
    return 2;
  }

  int write_and_recommend(const Answers& answers, const Options& options, Io& io, bool ask) {
    const std::string path = m_output.empty() ? default_output(answers) : m_output;
    const std::string text = workload_file(answers, path);
    // The file is read back by the workload reader before it is written: init never leaves an invalid file.
    const auto parsed = parse::parse_file(text, path);
    if (parsed.kind != parse::FileKind::workload || !parsed.errors.empty()) {
      io.err << "caas-advisor: internal error: init made a workload file the reader does not accept\n";
      for (const auto& error : parsed.errors) io.err << util::format_diagnostic(error);
      return 3;
    }
    if (path == "-") {
      io.out << text;
      io.out.flush();
      return 0;
    }
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !m_force) {
      bool overwrite = false;
      if (ask) {
        io.err << path << " exists; overwrite it? [no]: " << std::flush;
        std::string line;
        overwrite = std::getline(io.in, line) && (line == "y" || line == "yes");
      }
      if (!overwrite) {
        io.err << "caas-advisor: error: " << path << " exists; nothing was written (--force overwrites, -o names "
               << "another file)\n";
        return 2;
      }
    }
    const std::string temp = path + ".tmp-init";
    {
      std::ofstream file(temp, std::ios::binary | std::ios::trunc);
      file << text;
      file.flush();
      if (!file) {
        io.err << path << ": error: cannot write the workload file\n";
        std::filesystem::remove(temp, ec);
        return 2;
      }
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) {
      io.err << path << ": error: cannot write the workload file: " << ec.message() << '\n';
      std::filesystem::remove(temp, ec);
      return 2;
    }
    io.err << "Wrote " << path << ". Here is the advice for it; edit the file and run `caas-advisor recommend " << path
           << "` again as you learn more.\n\n";
    return show_recommendation(parsed, options, io);
  }

  static int show_recommendation(const parse::FileParse& parsed, const Options& options, Io& io) {
    auto context = load_context(options, io);
    if (!context) return 2;
    engine::EngineOptions engine_options;
    engine_options.prices = &context->prices;
    engine_options.region_override = options.region;
    engine_options.cost.free_tier = options.free_tier;
    report::RenderOptions render;
    render.color = use_color(options, io, io.out_is_terminal);
    const auto renderer = report::find_format("text")->make(io.out, render);
    renderer->begin(context->tool);
    for (const auto& workload : parsed.workloads)
      renderer->result(engine::recommend(workload.profile, workload.warnings, context->rules, engine_options));
    renderer->finish({});
    return 0;
  }

  std::string m_output;
  bool m_force = false;
  bool m_yes = false;
  std::map<std::string, std::string> m_given;
};

}  // namespace

std::unique_ptr<Command> make_init_command() { return std::make_unique<InitCommand>(); }

}  // namespace caas::cli

// The command line: one row per command, CLI11 for parsing, and the mapping to exit codes.
#include "caas/cli/run.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <ctime>
#include <thread>

#include "caas/engine/waivers.hpp"
#include "caas/report/baseline.hpp"
#include "caas/util/quantity.hpp"
#include "cli/batch.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/outputs.hpp"
#include "cli/project.hpp"
#include "cli/status.hpp"

namespace caas::cli {

namespace {

void add_shared_options(CLI::App& app, Options& options, bool with_paths) {
  if (with_paths)
    app.add_option("paths", options.paths, "Workload files, folders, or - for standard input")
        ->required()
        ->type_name("PATH");
  // The format names are listed as a check that accepts anything (outputs.cpp reports an unknown one), so --help,
  // the man page and the shell completions name them all.
  std::string names;
  for (const auto& f : report::formats()) names += (names.empty() ? "" : ",") + std::string(f.name);
  app.add_option("-f,--format", options.formats,
                 "Output format, optionally to a file: text, json, ... (FMT or FMT=PATH); repeatable")
      ->type_name("FMT[=PATH]")
      ->check(CLI::Validator([](const std::string&) { return std::string(); }, "{" + names + "}"));
  add_rule_options(app, options);
  add_pricing_options(app, options);
  app.add_option(
         "--include", options.include,
         "In folders, only files matching this glob (a file name, or with a / a path tail, as in charts/*); repeatable")
      ->type_name("GLOB");
  app.add_option("--exclude", options.exclude, "In folders, skip files matching this glob; repeatable")
      ->type_name("GLOB");
  app.add_option("--path-base", options.path_base, "Show paths relative to this folder (default: current)")
      ->type_name("DIR");
  app.add_option("--max-file-size", options.max_file_size, "Largest input file (default 1MiB)")->type_name("SIZE");
  app.add_option("-j,--jobs", options.jobs, "Files evaluated in parallel (default: the number of CPUs)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--fail-on", options.fail_on, "Findings that make the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  app.add_option("--color", options.color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", options.quiet, "Less output on standard error");
  app.add_flag("-v,--verbose", options.verbose, "List skipped files");
  add_project_options(app, options);
}

// Today as YYYY-MM-DD (UTC), for the waivers' expiry dates.
std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 16> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%d", &utc);
  return text.data();
}

// The baseline's findings, or nullopt with its errors (exit 2).
std::optional<std::vector<report::FindingKey>> load_baseline(const std::string& file, util::Diagnostics& errors) {
  ReadError error;
  const auto text = read_input(file, report::baseline_limits(), error);
  if (!text) {
    errors.push_back(util::make_error(error.too_large ? util::Code("too-large") : util::Code("unreadable-file"),
                                      "the baseline: " + error.message, {file, 0, 0}));
    return std::nullopt;
  }
  auto keys = report::read_baseline(*text, file, report::baseline_limits());
  if (!keys) {
    errors.insert(errors.end(), keys.error().begin(), keys.error().end());
    return std::nullopt;
  }
  return std::move(*keys);
}

// A run that stops before its inputs: the errors, and a summary of no files.
void report_without_inputs(const report::ToolInfo& tool, const util::Diagnostics& errors,
                           const std::vector<report::Renderer*>& renderers) {
  report::Summary summary;
  summary.errors = static_cast<int>(errors.size());
  summary.exit_code = 2;
  for (auto* r : renderers) {
    r->begin(tool);
    for (const auto& e : errors) r->error(e);
    r->finish(summary);
  }
}

// recommend, check and validate: expand the inputs, evaluate them, render every format.
int run_evaluation(report::Command command, const Options& given, Io& io) {
  // The project configuration under the command line; its errors are reported below, in every format's shape.
  Options options = given;
  util::Diagnostics setup_errors;
  apply_project_config(options, setup_errors);
  const auto size = util::parse_quantity(options.max_file_size, util::Kind::size, util::Spacing::tight);
  if (size.error) {
    io.err << "caas-advisor: error: --max-file-size " << options.max_file_size << ": " << size.error->message << '\n';
    return 2;
  }
  BatchSettings settings;
  settings.command = command;
  settings.limits.max_bytes = static_cast<std::size_t>(size.value);
  settings.engine.region_override = options.region;
  settings.engine.cost.free_tier = options.free_tier;
  settings.engine.judge_runs_on = command == report::Command::check;
  // Only the page draws cost against traffic; the other formats do not pay for it.
  settings.engine.cost_curve = std::any_of(options.formats.begin(), options.formats.end(),
                                           [](const std::string& f) { return f.substr(0, f.find('=')) == "html"; });
  settings.jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::string fail_on = !options.fail_on.empty()            ? options.fail_on
                              : command == report::Command::check ? "error"
                                                                  : "none";
  settings.fail_never = fail_on == "none";
  settings.fail_on = fail_on == "info"      ? util::Severity::info
                     : fail_on == "warning" ? util::Severity::warning
                                            : util::Severity::error;
  settings.progress = show_progress(options, io);

  report::RenderOptions render;
  render.color = use_color(options, io, io.out_is_terminal);
  render.verbose = options.verbose;
  render.quiet = options.quiet;
  render.command = command;
  render.path_base = options.path_base;
  auto outputs = open_outputs(options, render, io);
  if (!outputs) return 2;
  std::vector<report::Renderer*> renderers;
  bool text_on_stdout = false;
  for (auto& output : *outputs) {
    renderers.push_back(output.renderer.get());
    text_on_stdout = text_on_stdout || (output.path.empty() && output.format == "text");
  }
  const auto status = make_status_renderer(
      io.err, {!text_on_stdout, options.quiet, options.verbose, use_color(options, io, io.err_is_terminal)});
  renderers.push_back(status.get());

  // A rule or price file that does not load stops the run before any input is read; its errors are reported like
  // an input's, so that every format keeps its shape (JSON's errors[], SARIF's results...).
  // So does a configuration, a waiver or a baseline that does not read.
  report::ToolInfo tool;
  auto context = setup_errors.empty() ? load_context(options, setup_errors, tool) : std::nullopt;
  if (context) {
    auto unknown = engine::check_waiver_rules(options.waivers, context->finding_ids);
    setup_errors.insert(setup_errors.end(), unknown.begin(), unknown.end());
  }
  if (context && !options.baseline.empty()) settings.baseline = load_baseline(options.baseline, setup_errors);
  if (!setup_errors.empty()) {
    if (!context) tool.version = tool_version();
    report_without_inputs(tool, setup_errors, renderers);
    commit_outputs(*outputs, io);
    return 2;
  }
  settings.engine.prices = &context->prices;
  settings.waivers = options.waivers;
  settings.workload_values = options.workload_values;
  settings.today = today_utc();

  const auto inputs = expand_inputs(options);
  const int code = run_batch(inputs, *context, settings, renderers, io);
  if (!commit_outputs(*outputs, io)) return std::max(code, 2);
  return code;
}

int run_unchecked(int argc, const char* const* argv, Io& io) {
  auto line = make_command_line();
  auto& app = line->app;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, io.out, io.err);
    return code == 0 ? 0 : 2;
  }

  if (line->version) return print_version(line->options, io);
  for (const auto& [sub, command] : line->evaluating)
    if (sub->parsed()) return run_evaluation(command, line->options, io);
  for (const auto& [sub, command] : line->others)
    if (sub->parsed()) return command->run(line->options, io);
  io.out << app.help();
  return 2;
}

}  // namespace

std::unique_ptr<CommandLine> make_command_line() {
  auto line = std::make_unique<CommandLine>();
  auto& app = line->app;
  app.require_subcommand(0, 1);
  app.add_flag("--version", line->version, "Tool version, rule-table revision and pricing date");

  struct Row {
    const char* name;
    const char* help;
    report::Command command;
  };
  const Row rows[] = {
      {"recommend", "Rank EC2, Fargate and Lambda for each workload, with reasons", report::Command::recommend},
      {"check", "As recommend, and judge each workload's runs_on (the CI gate)", report::Command::check},
      {"validate", "Parse and validate workload files only", report::Command::validate},
  };
  for (const auto& row : rows) {
    auto* sub = app.add_subcommand(row.name, row.help);
    add_shared_options(*sub, line->options, true);
    line->evaluating.emplace_back(sub, row.command);
  }

  line->commands = make_commands();
  line->others.reserve(line->commands.size());
  for (auto& command : line->commands) line->others.emplace_back(command->add_to(app, line->options), command.get());
  return line;
}

int run(int argc, const char* const* argv, Io& io) {
  try {
    return run_unchecked(argc, argv, io);
  } catch (const std::exception& e) {
    io.err << "caas-advisor: internal error: " << e.what()
           << "\nThis is a bug in caas-advisor; please report it with the command and input that caused it.\n";
    return 3;
  } catch (...) {
    io.err << "caas-advisor: internal error\nThis is a bug in caas-advisor; please report it.\n";
    return 3;
  }
}

}  // namespace caas::cli

// `diff BASE HEAD` and `diff --git-base REF [PATHS...]`: what a change to a portfolio does to the advice and to the
// monthly bill (docs/diff.md). Reads and evaluates both versions, compares them (diff::compare), applies the gates
// and writes every format asked for.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include "caas/diff/gates.hpp"
#include "caas/diff/read_report.hpp"
#include "caas/report/diff_report.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "cli/commands.hpp"
#include "cli/diff_git.hpp"
#include "cli/diff_sides.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"

namespace caas::cli {

namespace fs = std::filesystem;

namespace {

// One side named on the command line: its files by the key they are matched with (a folder's files by their path
// in it, a lone file by nothing, so that two lone files are compared whatever their names).
struct PathSide {
  std::map<std::string, Input> files;
  util::Diagnostics errors;                // the folder walk's
  std::optional<diff::ReportRead> report;  // a JSON report written earlier, read back
};

bool ends_with_json(std::string_view path) {
  if (path.size() < 5) return false;
  std::string end(path.substr(path.size() - 5));
  std::transform(end.begin(), end.end(), end.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return end == ".json";
}

// A .json file that opens as a report is read back as one (docs/diff.md); anything else is a spec like any other.
std::optional<diff::ReportRead> read_report_side(const std::string& path, const std::string& display,
                                                 std::size_t max_file_size) {
  if (!ends_with_json(path)) return std::nullopt;
  const auto limits = diff::report_limits(max_file_size);
  ReadError error;
  const auto text = read_input(path, limits, error);
  if (!text || !diff::looks_like_report(*text)) return std::nullopt;  // read again, and reported, as a spec
  return diff::read_report(*text, display, limits);
}

std::optional<PathSide> read_path_side(const std::string& path, const Options& options, std::size_t max_file_size,
                                       Io& io) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (path == "-" || ec || !fs::exists(status)) {
    io.err << "caas-advisor: error: " << util::escape_control(path)
           << (path == "-" ? ": diff reads no standard input; name a file or a folder\n"
                           : ": no such file or folder\n");
    return std::nullopt;
  }
  PathSide side;
  if (!fs::is_directory(status)) {
    const auto display = display_path(path, options.path_base);
    side.report = read_report_side(path, display, max_file_size);
    if (!side.report) side.files.emplace("", Input{path, display, true});
    return side;
  }
  Options walk = options;
  walk.paths = {path};
  auto inputs = expand_inputs(walk);
  side.errors = std::move(inputs.errors);
  for (auto& input : inputs.files) {
    auto key = fs::path(input.path).lexically_relative(path).generic_string();
    side.files.emplace(std::move(key), std::move(input));
  }
  return side;
}

std::vector<FilePair> pair_up(const PathSide& base, const PathSide& head) {
  std::vector<FilePair> pairs;
  auto b = base.files.begin();
  auto h = head.files.begin();
  while (b != base.files.end() || h != head.files.end()) {
    const bool take_base = b != base.files.end() && (h == head.files.end() || b->first <= h->first);
    const bool take_head = h != head.files.end() && (b == base.files.end() || h->first <= b->first);
    FilePair pair;
    pair.key = take_base ? b->first : h->first;
    if (take_base) pair.base = FileVersion{(b++)->second, std::nullopt};
    if (take_head) pair.head = FileVersion{(h++)->second, std::nullopt};
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

void add_walk_errors(diff::Side& side, const util::Diagnostics& errors) {
  for (const auto& error : errors) side.files.push_back({error.where.file, error.where.file, {}, {error}});
}

class DiffCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* diff = app.add_subcommand(
        "diff",
        "What a change does to the advice and the monthly bill: BASE HEAD, or --git-base REF [PATHS...] against the "
        "working tree");
    diff->add_option("paths", options.paths,
                     "BASE and HEAD (each a workload file or a folder); with --git-base, the paths to compare "
                     "(default: the current folder)")
        ->type_name("PATH");
    diff->add_option("--git-base", m_git_base,
                     "Compare the paths as they are at this git revision (read through git, no checkout) with the "
                     "working tree")
        ->type_name("REF");
    // The names as a check that accepts anything (parse_format_specs reports an unknown one), so that --help, the man
    // page and the completions list them, as for recommend.
    std::string names;
    for (const auto& f : report::diff_formats()) names += (names.empty() ? "" : ",") + std::string(f.name);
    diff->add_option("-f,--format", options.formats,
                     "Output format, optionally to a file: text, json, markdown or github (FMT or FMT=PATH); "
                     "repeatable")
        ->type_name("FMT[=PATH]")
        ->check(CLI::Validator([](const std::string&) { return std::string(); }, "{" + names + "}"));
    diff->add_flag("--fail-on-target-change", m_fail_on_target_change,
                   "Exit 1 when a workload's recommendation changes");
    diff->add_option("--fail-on-cost-increase", m_fail_on_cost_increase,
                     "Exit 1 when the portfolio's monthly cost rises by more than AMOUNT: dollars (50USD) or a share "
                     "of the base's total (10%)")
        ->type_name("AMOUNT");
    diff->add_option("--fail-on", options.fail_on,
                     "Exit 1 when the change introduces a check finding of this severity or worse (default: error); "
                     "findings already in the base never count")
        ->check(CLI::IsMember({"error", "warning", "info", "none"}));
    add_rule_options(*diff, options);
    add_pricing_options(*diff, options);
    diff->add_option("--include", options.include, "In folders, only files matching this glob; repeatable")
        ->type_name("GLOB");
    diff->add_option("--exclude", options.exclude, "In folders, skip files matching this glob; repeatable")
        ->type_name("GLOB");
    diff->add_option("--path-base", options.path_base, "Show paths relative to this folder (default: current)")
        ->type_name("DIR");
    diff->add_option("--max-file-size", options.max_file_size, "Largest input file (default 1MiB)")->type_name("SIZE");
    diff->add_option("-j,--jobs", options.jobs, "Files evaluated in parallel (default: the number of CPUs)")
        ->check(CLI::NonNegativeNumber);
    diff->add_option("--color", options.color, "Colour: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    diff->add_flag("-q,--quiet", options.quiet, "Less output on standard error");
    return diff;
  }

  int run(const Options& options, Io& io) override {
    if (m_git_base.empty() && options.paths.size() != 2) {
      io.err << "caas-advisor: error: diff compares two versions: give BASE and HEAD, or --git-base REF [PATHS...]\n";
      return 2;
    }
    diff::Gates gates;
    gates.target_change = m_fail_on_target_change;
    const std::string fail_on = options.fail_on.empty() ? "error" : options.fail_on;
    if (fail_on != "none")
      gates.new_findings = fail_on == "info"      ? util::Severity::info
                           : fail_on == "warning" ? util::Severity::warning
                                                  : util::Severity::error;
    if (!m_fail_on_cost_increase.empty()) {
      std::string error;
      gates.cost_increase = diff::parse_cost_threshold(m_fail_on_cost_increase, error);
      if (!gates.cost_increase) {
        io.err << "caas-advisor: error: --fail-on-cost-increase: " << error << '\n';
        return 2;
      }
    }
    std::vector<std::string_view> names;
    for (const auto& f : report::diff_formats()) names.push_back(f.name);
    const auto outputs = parse_format_specs(options.formats, names, io);
    if (!outputs) return 2;
    const auto size = util::parse_quantity(options.max_file_size, util::Kind::size, util::Spacing::tight);
    if (size.error) {
      io.err << "caas-advisor: error: --max-file-size " << options.max_file_size << ": " << size.error->message << '\n';
      return 2;
    }
    auto head_context = load_context(options, io);
    if (!head_context) return 2;

    DiffSettings settings;
    settings.batch.command = report::Command::check;  // findings judge runs_on, as check does
    settings.batch.limits.max_bytes = static_cast<std::size_t>(size.value);
    settings.batch.engine.region_override = options.region;
    settings.batch.engine.judge_runs_on = true;
    settings.batch.engine.explain_changes = false;
    settings.batch.jobs =
        options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    settings.price_unchanged = gates.cost_increase && gates.cost_increase->unit == diff::CostThreshold::Unit::percent;

    DiffInputs inputs;
    if (m_git_base.empty()) {
      auto run = diff_paths(options, *head_context, settings, io);
      if (!run) return 2;
      inputs = std::move(*run);
    } else {
      auto run = diff_git(options, *head_context, settings, io);
      if (!run) return 2;
      inputs = std::move(*run);
    }

    auto result = diff::compare(inputs.base, inputs.head, inputs.unchanged);
    diff::evaluate_gates(result, gates);
    if (inputs.internal_error) result.exit_code = 3;

    bool text_on_stdout = false;
    for (const auto& output : *outputs) {
      report::DiffRenderOptions render;
      render.tool = head_context->tool;
      render.color = output.path.empty() && use_color(options, io, io.out_is_terminal);
      const auto* format = report::find_diff_format(output.format);
      if (output.path.empty()) {
        text_on_stdout = output.format == "text";
        format->render(io.out, result, render);
        continue;
      }
      std::ostringstream text;
      format->render(text, result, render);
      if (!write_file_atomically(output.path, text.str(), io)) result.exit_code = std::max(result.exit_code, 2);
    }
    io.out.flush();
    write_status(result, text_on_stdout, options, io);
    return result.exit_code;
  }

 private:
  std::optional<DiffInputs> diff_paths(const Options& options, const Context& context, const DiffSettings& settings,
                                       Io& io) const {
    const auto max_bytes = settings.batch.limits.max_bytes;
    auto base = read_path_side(options.paths[0], options, max_bytes, io);
    auto head = read_path_side(options.paths[1], options, max_bytes, io);
    if (!base || !head) return std::nullopt;
    if (base->report || head->report)
      return diff_reports(options, context, settings, std::move(*base), std::move(*head));
    auto inputs = evaluate_pairs(pair_up(*base, *head), context, context, settings);
    inputs.base.info = {options.paths[0], context.tool.rules_version, context.tool.pricing_date};
    inputs.head.info = {options.paths[1], context.tool.rules_version, context.tool.pricing_date};
    add_walk_errors(inputs.base, base->errors);
    add_walk_errors(inputs.head, head->errors);
    return inputs;
  }

  // A report on one side or both: the report is read back, the other side (when not a report too) evaluated whole,
  // since nothing says which of its files the report's equal.
  static DiffInputs diff_reports(const Options& options, const Context& context, const DiffSettings& settings,
                                 PathSide&& base, PathSide&& head) {
    std::vector<FilePair> pairs;
    if (!base.report)
      for (const auto& [key, input] : base.files) pairs.push_back({key, FileVersion{input, std::nullopt}, {}, false});
    if (!head.report)
      for (const auto& [key, input] : head.files) pairs.push_back({key, {}, FileVersion{input, std::nullopt}, false});
    auto inputs = evaluate_pairs(pairs, context, context, settings);
    auto keys_of = [](const PathSide& side) {
      std::vector<std::string> keys;
      if (side.report) return keys;
      for (const auto& [key, input] : side.files) keys.push_back(key);
      return keys;
    };
    const auto finish = [&](diff::Side& side, PathSide& path_side, const PathSide& other, const std::string& path) {
      if (path_side.report) {
        side = diff::report_side(std::move(*path_side.report), keys_of(other), display_path(path, options.path_base));
        side.info.label = path;
      } else {
        side.info = {path, context.tool.rules_version, context.tool.pricing_date};
        add_walk_errors(side, path_side.errors);
      }
    };
    finish(inputs.base, base, head, options.paths[0]);
    finish(inputs.head, head, base, options.paths[1]);
    return inputs;
  }

  std::optional<DiffInputs> diff_git(const Options& options, const Context& head_context, const DiffSettings& settings,
                                     Io& io) const {
    const auto plan = plan_git_diff(m_git_base, options, io);
    if (!plan) return std::nullopt;
    std::optional<Context> base_tables;
    if (plan->tables_changed) {
      base_tables = load_context(plan->base_options, io, base_table_reader(*plan));
      if (!base_tables) {
        io.err << "caas-advisor: error: the rule or price files at " << util::escape_control(m_git_base)
               << " do not load\n";
        return std::nullopt;
      }
    }
    const Context& base_context = base_tables ? *base_tables : head_context;
    auto inputs = evaluate_pairs(plan->pairs, base_context, head_context, settings);
    inputs.base.info = {plan->label, base_context.tool.rules_version, base_context.tool.pricing_date};
    inputs.head.info = {"working tree", head_context.tool.rules_version, head_context.tool.pricing_date};
    return inputs;
  }

  static void write_status(const model::PortfolioDiff& result, bool text_on_stdout, const Options& options, Io& io) {
    if (!text_on_stdout)
      for (const auto& [side, error] : result.errors) io.err << side << ": " << util::format_diagnostic(error);
    if (options.quiet) return;
    io.err << "caas-advisor diff: " << report::diff_headline(result) << "; exit code " << result.exit_code << '\n';
  }

  std::string m_git_base;
  bool m_fail_on_target_change = false;
  std::string m_fail_on_cost_increase;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace caas::cli

// `cost FILE`: every target's line items, the break-even traffic and the cost at a tenth to ten times today's
// traffic, for one workload file (or - for standard input).
#include <iterator>

#include "caas/engine/break_even.hpp"
#include "caas/engine/engine.hpp"
#include "caas/parse/parse_workload.hpp"
#include "caas/report/cost_report.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"

namespace caas::cli {

namespace {

const model::TargetResult* find_result(const model::Recommendation& rec, std::string_view id) {
  for (const auto& result : rec.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

// A target that cannot run the workload is still priced where the model can, so the reader sees what its limits
// cost; the engine leaves it unpriced, so it is priced here.
report::CostTarget cost_target(const model::TargetResult& result, const model::WorkloadProfile& profile,
                               const cost::RegionPrices* prices, const cost::CostSettings& settings) {
  report::CostTarget target;
  target.target = result.target;
  target.feasible = result.feasible;
  for (const auto& blocker : result.blockers) target.blockers.push_back(blocker.rule);
  target.cost = result.cost;
  target.cost_unknown_reason = result.cost_unknown_reason;
  if (!result.feasible && prices != nullptr) {
    auto priced = cost::estimate_cost(profile, result.target.id, *prices, 1.0, settings);
    target.cost = std::move(priced.estimate);
    target.cost_unknown_reason = std::move(priced.unknown_reason);
  }
  return target;
}

report::CostReport cost_report(const parse::ParsedWorkload& workload, const Context& context,
                               const engine::EngineOptions& options) {
  const auto& profile = workload.profile;
  const auto rec = engine::recommend(profile, workload.warnings, context.rules, options);
  const auto* prices = engine::region_prices(profile, options);
  const auto inputs = cost::read_cost_inputs(profile, options.cost);
  // The chart's curve is the engine's, from the same prepared costs as the table below.
  std::optional<model::CostCurve> curve = rec.cost_curve;
  const bool job = inputs.kind == cost::WorkloadKind::job;

  report::CostReport out;
  out.name = profile.name;
  out.file = profile.file;
  out.region = engine::priced_region(profile, options);
  out.recommended = rec.recommended;
  out.traffic_field = job ? "traffic.runs_per_month" : "traffic.requests_per_month";
  out.events_per_month = job ? inputs.runs_per_month : inputs.requests_per_month;
  out.curve = std::move(curve);
  std::vector<std::string> ids;
  for (const auto& target : context.rules.targets) {
    const auto* result = find_result(rec, target.id);
    if (result == nullptr) continue;
    out.targets.push_back(cost_target(*result, profile, prices, options.cost));
    ids.push_back(target.id);
  }
  if (prices == nullptr) {
    out.no_break_even = "no prices for region " + out.region + "; costs are left out";
    return out;
  }
  out.table = [&] {
    std::vector<report::CostRow> rows;
    for (auto& row : engine::cost_table(inputs, ids, *prices))
      rows.push_back({row.scale, row.events_per_month, std::move(row.usd)});
    return rows;
  }();
  const auto break_even = engine::find_break_even(profile, rec, options);
  if (!break_even) {
    out.no_break_even = !out.events_per_month || *out.events_per_month <= 0
                            ? "no break-even: the workload gives no " + out.traffic_field + " to scale"
                            : "no break-even: fewer than two targets that fit have a known cost";
    return out;
  }
  out.compared = break_even->targets;
  auto name_of = [&](const std::string& id) {
    const auto* result = find_result(rec, id);
    return result != nullptr && !result->target.name.empty() ? result->target.name : id;
  };
  for (const auto& crossing : break_even->crossings)
    out.crossings.push_back(
        {crossing.events_per_month, crossing.requests_per_second, crossing.below, crossing.above, crossing.at_step,
         engine::describe_crossing(*break_even, crossing, name_of(crossing.below), name_of(crossing.above))});
  return out;
}

class CostCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* cost = app.add_subcommand(
        "cost", "Each target's monthly cost line by line, the break-even traffic, and the cost at other traffic");
    cost->add_option("file", m_file, "Workload file, or - for standard input")->required()->type_name("FILE");
    std::vector<std::string> formats(report::cost_formats().begin(), report::cost_formats().end());
    cost->add_option("-f,--format", m_format, "text or json")->check(CLI::IsMember(formats));
    add_rule_options(*cost, options);
    add_pricing_options(*cost, options);
    cost->add_option("--path-base", options.path_base, "Show the path relative to this folder (default: current)")
        ->type_name("DIR");
    cost->add_option("--color", options.color, "Colour: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cost->add_flag("--chart", m_chart,
                   "Also draw each target's monthly cost against traffic (0.1x to 10x today's), fitting the "
                   "terminal's width (COLUMNS); ASCII when TERM=dumb");
    return cost;
  }

  int run(const Options& options, Io& io) override {
    if (m_chart && m_format != "text") {
      io.err << "caas-advisor: error: --chart draws text; it does not go with -f " << m_format << '\n';
      return 2;
    }
    auto context = load_context(options, io);
    if (!context) return 2;
    const std::string display = display_path(m_file, options.path_base);
    std::string text;
    if (m_file == "-") {
      text.assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
    } else {
      std::string error;
      auto read = read_file(m_file, error);
      if (!read) {
        io.err << display << ": error: " << error << '\n';
        return 2;
      }
      text = std::move(*read);
    }
    const auto parsed = parse::parse_file(text, display);
    if (parsed.kind == parse::FileKind::other) {
      io.err << display << ":1:1: error: not a workload file: expected 'apiVersion: caas-advisor/v1', or a 'kind' "
             << "of service, worker, job or function with a 'name'\n";
      return 2;
    }
    for (const auto& error : parsed.errors) io.err << util::format_diagnostic(error);
    if (parsed.kind == parse::FileKind::broken || !parsed.errors.empty()) return 2;
    bool unknown_region = false;
    for (const auto& workload : parsed.workloads)
      if (auto unknown = check_workload_region(workload.profile, context->prices, text)) {
        io.err << util::format_diagnostic(*unknown);
        unknown_region = true;
      }
    if (unknown_region) return 2;

    engine::EngineOptions engine_options;
    engine_options.prices = &context->prices;
    engine_options.region_override = options.region;
    engine_options.cost.free_tier = options.free_tier;
    engine_options.explain_changes = false;  // the break-even is computed once, below
    engine_options.cost_curve = m_chart;
    std::vector<report::CostReport> reports;
    for (const auto& workload : parsed.workloads) reports.push_back(cost_report(workload, *context, engine_options));
    if (m_format == "json") {
      report::render_cost_json(io.out, context->tool, reports);
      return 0;
    }
    const bool color = use_color(options, io, io.out_is_terminal);
    if (!m_chart) {
      report::render_cost_text(io.out, context->tool, reports, color);
      return 0;
    }
    const report::ChartOptions chart{terminal_columns(io), !dumb_terminal(io), color};
    for (std::size_t i = 0; i < reports.size(); ++i) {
      if (i > 0) io.out << '\n';
      report::render_cost_text(io.out, context->tool, {reports[i]}, color);
      report::render_cost_chart(io.out, reports[i], chart);
    }
    io.out.flush();
    return 0;
  }

 private:
  std::string m_file;
  std::string m_format = "text";
  bool m_chart = false;
};

}  // namespace

std::unique_ptr<Command> make_cost_command() { return std::make_unique<CostCommand>(); }

}  // namespace caas::cli

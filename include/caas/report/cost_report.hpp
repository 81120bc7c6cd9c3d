#pragma once
// `caas-advisor cost FILE`: each target's line items, the break-even traffic and the cost at other traffic, as
// text or as JSON ("caas-advisor/cost/v1", documented in docs/cost-model.md). Plain values, filled by the command
// from the engine's results, so the renderers need nothing but the model.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/report/report.hpp"

namespace caas::report {

// One target: its bill, priced even when the target cannot run the workload (then `feasible` is false and
// `blockers` names the rules that keep it out), so a reader sees what the limits cost.
struct CostTarget {
  model::Target target;
  bool feasible = true;
  std::vector<std::string> blockers;  // rule ids
  std::optional<model::CostEstimate> cost;
  std::string cost_unknown_reason;  // when cost is nullopt
};

// Where the cheapest target changes: `below` is cheapest under `events_per_month`, `above` over it.
struct CostCrossing {
  double events_per_month = 0;
  double requests_per_second = 0;
  std::string below;
  std::string above;
  bool at_step = false;
  std::string message;  // "AWS Fargate becomes the cheaper choice above 19.2M requests a month (...)"
};

// Monthly cost of every target (in CostReport::targets order) at a multiple of today's traffic.
struct CostRow {
  double scale = 0;
  std::optional<double> events_per_month;
  std::vector<std::optional<double>> usd;
};

struct CostReport {
  std::string name;
  std::string file;
  std::string region;
  std::optional<std::string> recommended;
  std::string traffic_field;               // "traffic.requests_per_month" | "traffic.runs_per_month"
  std::optional<double> events_per_month;  // today's traffic; nullopt when the workload gives none
  std::vector<CostTarget> targets;         // in the rule table's order
  std::vector<std::string> compared;       // the targets the break-even compares (feasible, with a cost)
  std::vector<CostCrossing> crossings;
  std::string no_break_even;  // why there is no break-even search, when there is none
  std::vector<CostRow> table;
  std::optional<model::CostCurve> curve;  // for the chart (cost --chart)
};

void render_cost_text(std::ostream& out, const ToolInfo& tool, const std::vector<CostReport>& reports, bool color,
                      std::size_t width = k_text_width);

// `cost --chart`: the monthly cost of each target against traffic, 0.1× to 10× today's, drawn in `width` columns
// (at least 40), with Unicode glyphs or, for a terminal that has none (TERM=dumb), ASCII. Nothing when the
// report has no curve.
struct ChartOptions {
  std::size_t width = 80;
  bool unicode = true;
  bool color = false;
};
void render_cost_chart(std::ostream& out, const CostReport& report, const ChartOptions& options);
void render_cost_json(std::ostream& out, const ToolInfo& tool, const std::vector<CostReport>& reports);

// The formats the two functions above write, for the command line: text, json.
const std::vector<std::string_view>& cost_formats();

}  // namespace caas::report

#include "engine/cost_term.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "caas/util/text.hpp"

namespace caas::engine {

std::string pricing_region(const model::WorkloadProfile& profile, const EngineOptions& options) {
  if (!options.region_override.empty()) return options.region_override;
  if (const auto region = profile.text("region")) return std::string(*region);
  return "us-east-1";
}

namespace {

double priority_weight(const model::WorkloadProfile& profile, const cost::PriceTable& prices) {
  const auto priority = profile.text("cost.priority").value_or("medium");
  if (priority == "low") return prices.weight_low;
  if (priority == "high") return prices.weight_high;
  return prices.weight_medium;
}

std::string money(double usd) { return "$" + util::format_fixed2(usd); }

}  // namespace

void apply_cost(const model::WorkloadProfile& profile, const EngineOptions& options,
                std::vector<model::TargetResult>& results, model::Recommendation& rec,
                std::map<std::string, model::Assumption>& assumed) {
  if (options.prices == nullptr) {
    for (auto& result : results) result.cost_unknown_reason = "cost not estimated";
    return;
  }
  const auto region = pricing_region(profile, options);
  const auto* prices = options.prices->find_region(region);
  if (prices == nullptr) {
    std::string names;
    for (const auto& name : options.prices->region_names()) names += (names.empty() ? "" : ", ") + name;
    const auto& field = profile.at("region");
    rec.findings.push_back({util::Severity::warning, std::string(util::registered("no-prices-for-region")),
                            "no prices for region " + region + "; prices exist for " + names +
                                "; costs are left out and the rules still apply",
                            profile.file, field.line > 0 ? field.line : profile.line,
                            field.line > 0 ? field.column : profile.column, "region"});
    for (auto& result : results) result.cost_unknown_reason = "no prices for region " + region;
    return;
  }
  for (auto& result : results) {
    if (!result.feasible) {
      result.cost_unknown_reason = "not priced: the target cannot run this workload";
      continue;
    }
    auto priced = cost::estimate_cost(profile, result.target.id, *prices, 1.0, options.cost);
    result.cost = std::move(priced.estimate);
    result.cost_unknown_reason = std::move(priced.unknown_reason);
    if (result.cost)
      for (const auto& a : result.cost->assumptions) assumed.emplace(a.field + "\x1f" + a.value, a);
  }

  // The cost term only when every feasible target has a cost: otherwise it drops out for all alike.
  double cheapest = std::numeric_limits<double>::infinity();
  const model::TargetResult* cheapest_target = nullptr;
  bool all_known = true;
  for (const auto& result : results) {
    if (!result.feasible) continue;
    if (!result.cost) {
      all_known = false;
      continue;
    }
    if (result.cost->monthly_usd < cheapest) {
      cheapest = result.cost->monthly_usd;
      cheapest_target = &result;
    }
  }
  if (!all_known || cheapest_target == nullptr) return;
  const double weight = priority_weight(profile, *options.prices);
  const std::string cheapest_name = cheapest_target->target.name;
  for (auto& result : results) {
    if (!result.feasible || !result.cost) continue;
    const double usd = result.cost->monthly_usd;
    const bool material = usd - cheapest > options.prices->materiality_usd;
    const double points = !material || usd <= 0 ? weight : weight * cheapest / usd;
    result.cost_points = points;
    result.score += points;
    model::Reason reason;
    reason.rule = "cost";
    reason.effect = model::Effect::prefer;
    reason.weight = points;
    reason.source = "cost model: the cheapest feasible target earns the full cost weight";
    if (&result == cheapest_target || !material)
      reason.message = fmt::format("{} a month{}: cost earns {} of {}", money(usd),
                                   &result == cheapest_target ? ", the cheapest"
                                                              : fmt::format(", within {} of the cheapest",
                                                                            money(options.prices->materiality_usd)),
                                   util::format_fixed2(points), util::format_number(weight));
    else
      reason.message = fmt::format("{} a month, {}× the cost of {} ({}): cost earns {} of {}", money(usd),
                                   util::format_fixed2(usd / cheapest), cheapest_name, money(cheapest),
                                   util::format_fixed2(points), util::format_number(weight));
    reason.line = profile.line;
    reason.column = profile.column;
    result.reasons.push_back(std::move(reason));

    if (const auto budget = profile.number("cost.monthly_budget"); budget && usd > *budget) {
      const auto& field = profile.at("cost.monthly_budget");
      model::Reason over;
      over.rule = "cost-over-budget";
      over.effect = model::Effect::avoid;
      over.weight = weight;
      over.message = fmt::format("{} a month is over the budget of {}", money(usd), money(*budget));
      over.source = "cost.monthly_budget";
      over.fields = {"cost.monthly_budget"};
      over.line = field.line;
      over.column = field.column;
      result.score -= weight;
      result.reasons.push_back(std::move(over));
    }
  }
}

}  // namespace caas::engine

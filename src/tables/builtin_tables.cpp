#include "caas/tables/builtin_tables.hpp"

#include <string>

#include "caas/rules/expr/expr.hpp"
#include "table_rows.hpp"

namespace caas::tables {

util::Result<rules::RuleSet> builtin_rules() {
  rules::RuleSet set;
  set.revision = std::string(rows::rules_revision());
  for (const auto& row : rows::targets())
    set.targets.push_back({std::string(row.id), std::string(row.name), std::string(row.model), row.ops_burden});
  const auto targets = rows::rule_targets();
  set.rules.reserve(rows::rules().size());
  for (const auto& row : rows::rules()) {
    rules::Rule rule;
    auto& info = rule.info;
    info.id = std::string(row.id);
    for (const auto& target : targets.subspan(row.first_target, row.target_count)) info.targets.emplace_back(target);
    info.effect = static_cast<model::Effect>(row.effect);
    info.weight = row.weight;
    info.condition = std::string(row.condition);
    info.message = std::string(row.message);
    info.source = std::string(row.source);
    info.origin = std::string(row.origin);
    info.enabled = row.enabled;
    // The generator only writes conditions that compiled; an error here would mean the two builds disagree.
    const auto colon = info.origin.rfind(':');
    const rules::expr::Origin origin{info.origin.substr(0, colon), std::stoi(info.origin.substr(colon + 1)), 1, {}};
    auto compiled = rules::expr::compile(info.condition, rules::workload_schema(), origin);
    if (!compiled) return util::fail(std::move(compiled.error()));
    rule.when = std::move(*compiled);
    set.rules.push_back(std::move(rule));
  }
  return set;
}

cost::PriceTable builtin_prices() {
  cost::PriceTable table;
  const auto top = rows::price_table();
  table.date = std::string(top.date);
  table.weight_low = top.weight_low;
  table.weight_medium = top.weight_medium;
  table.weight_high = top.weight_high;
  table.materiality_usd = top.materiality_usd;
  table.weights_given = top.weights_given;
  table.materiality_given = top.materiality_given;
  for (const auto& row : rows::regions()) {
    cost::RegionPrices region;
    region.region = std::string(row.region);
    for (const auto& p : rows::prices().subspan(row.first_price, row.price_count))
      region.prices.emplace(std::string(p.key),
                            cost::Price{p.usd, std::string(p.unit), std::string(p.source), std::string(p.collected),
                                        std::string(p.confidence), p.tier_from, p.tier_to, std::string(p.note)});
    for (const auto& i : rows::instances().subspan(row.first_instance, row.instance_count))
      region.instances.push_back({std::string(i.name), i.vcpu, i.memory_gib, i.gpus, std::string(i.architecture),
                                  i.burstable, i.usd_per_hour, std::string(i.confidence), std::string(i.source),
                                  std::string(i.collected), std::string(i.accelerator), std::string(i.note)});
    table.regions.emplace(region.region, std::move(region));
  }
  return table;
}

}  // namespace caas::tables

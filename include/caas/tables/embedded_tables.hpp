#pragma once
// The built-in tables' YAML (rules/aws.yaml, rules/pricing/) and the loaders' reading of it, for the build-time
// generator (caas_tables_gen) and the tests only: a run uses the C++ data generated from it (builtin_tables.hpp), so
// neither the YAML nor these functions are linked into the tool (library caas_tables_source).
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/util/embedded_file.hpp"
#include "caas/util/result.hpp"

namespace caas::tables {

const std::vector<util::EmbeddedFile>& embedded_rule_files();
const std::vector<util::EmbeddedFile>& embedded_price_files();

// The rule table read from its YAML by rules::load_rules; with keep_examples, the rules' examples too.
util::Result<rules::RuleSet> load_embedded_rules(const rules::LoadOptions& options = {});
// The price table read from its YAML by cost::load_prices.
util::Result<cost::PriceTable> load_embedded_prices();

}  // namespace caas::tables

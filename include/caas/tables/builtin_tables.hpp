#pragma once
// The built-in rule and price tables as a run starts with them. The YAML files under rules/ are the source of
// truth: at build time, caas_tables_gen loads them with the same loaders a user's --rules and --pricing files go
// through and writes what they read as C++ data, so a run does not parse 60 KB of YAML before it starts
// (docs/performance.md). A test checks that this data equals what the loaders read from the embedded YAML.
#include "caas/cost/price_table.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/util/result.hpp"

namespace caas::tables {

// The built-in rule table (rules/aws.yaml) without its examples; conditions are compiled here, on each call.
util::Result<rules::RuleSet> builtin_rules();
// The built-in price table (rules/pricing/).
cost::PriceTable builtin_prices();

}  // namespace caas::tables

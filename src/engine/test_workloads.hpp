#pragma once
// Workload profiles written field by field (model/test_workload.hpp) and the built-in tables, for the engine's
// tests.
#include <stdexcept>

#include "caas/cost/price_table.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/builtin_tables.hpp"
#include "model/test_workload.hpp"

namespace caas::engine::test {

using model::test::k_gib;
using model::test::k_mib;
using model::test::thumbnailer;
using model::test::Workload;

inline const cost::PriceTable& builtin_prices() {
  static const cost::PriceTable k_table = [] { return tables::builtin_prices(); }();
  return k_table;
}

inline const rules::RuleSet& builtin_rules() {
  static const rules::RuleSet k_set = [] {
    auto loaded = tables::builtin_rules();
    if (!loaded) throw std::runtime_error(util::format_diagnostic(loaded.error().front()));
    return *loaded;
  }();
  return k_set;
}

}  // namespace caas::engine::test

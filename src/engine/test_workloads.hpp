#pragma once
// Workload profiles written field by field, as the parser would leave them, and the built-in tables, for the
// engine's tests.
#include <initializer_list>
#include <stdexcept>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/builtin_tables.hpp"

namespace caas::engine::test {

inline constexpr double k_mib = 1024.0 * 1024.0;
inline constexpr double k_gib = 1024.0 * k_mib;

class Workload {
 public:
  explicit Workload(const char* kind) { text("kind", kind); }
  Workload& text(const char* path, const char* value) { return set(path, util::Value::of_string(value)); }
  Workload& number(const char* path, double value) { return set(path, util::Value::of_number(value)); }
  Workload& duration(const char* path, double seconds) {
    return set(path, util::Value::of_quantity(util::Kind::duration, seconds));
  }
  Workload& size(const char* path, double bytes) {
    return set(path, util::Value::of_quantity(util::Kind::size, bytes));
  }
  Workload& count(const char* path, double n) { return set(path, util::Value::of_quantity(util::Kind::count, n)); }
  Workload& flag(const char* path, bool b) { return set(path, util::Value::of_bool(b)); }
  Workload& triggers(std::initializer_list<const char*> names) {
    std::vector<util::Value> items;
    for (const char* name : names) items.push_back(util::Value::of_string(name));
    return set("triggers", util::Value::of_list(std::move(items), util::Kind::string));
  }
  model::WorkloadProfile build() const {
    model::WorkloadProfile copy = m_profile;
    copy.name = "w";
    copy.file = "w.yaml";
    copy.line = 1;
    copy.column = 1;
    model::apply_defaults(copy);
    return copy;
  }

 private:
  Workload& set(const char* path, util::Value value) {
    auto& field = m_profile.at(path);
    field.value = std::move(value);
    field.origin = model::Origin::written;
    field.written = display(field.value);
    field.line = 1;
    field.column = 1;
    return *this;
  }
  model::WorkloadProfile m_profile;
};

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

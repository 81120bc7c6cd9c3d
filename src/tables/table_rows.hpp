#pragma once
// The shape of the generated table data (private to the tables module): plain rows that the generator writes as
// constant arrays and builtin_tables.cpp turns into a RuleSet and a PriceTable.
#include <optional>
#include <span>
#include <string_view>

namespace caas::tables::rows {

struct TargetRow {
  std::string_view id, name, model;
  int ops_burden;
};

struct RuleRow {
  std::string_view id;
  std::size_t first_target, target_count;  // in rule_targets()
  int effect;                              // model::Effect
  double weight;
  std::string_view condition, message, source, origin;
  bool enabled;
};

struct PriceRow {
  std::string_view key;
  double usd;
  std::string_view unit, source, collected, confidence;
  std::optional<double> tier_from, tier_to;
  std::string_view note;
};

struct InstanceRow {
  std::string_view name;
  double vcpu, memory_gib;
  int gpus;
  std::string_view architecture;
  bool burstable;
  double usd_per_hour;
  std::string_view confidence, source, collected, accelerator, note;
};

struct RegionRow {
  std::string_view region;
  std::size_t first_price, price_count;        // in prices()
  std::size_t first_instance, instance_count;  // in instances()
};

struct PriceTableRow {
  std::string_view date;
  double weight_low, weight_medium, weight_high, materiality_usd;
  bool weights_given, materiality_given;
};

// Defined in the generated source.
std::string_view rules_revision();
std::span<const TargetRow> targets();
std::span<const RuleRow> rules();
std::span<const std::string_view> rule_targets();
PriceTableRow price_table();
std::span<const RegionRow> regions();
std::span<const PriceRow> prices();
std::span<const InstanceRow> instances();

}  // namespace caas::tables::rows

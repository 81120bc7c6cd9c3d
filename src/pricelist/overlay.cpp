// The --pricing overlay an import writes: per region, every price key of the cost model — from the files where
// they carry it (confidence DOC, the SKU in its source), else the built-in value marked as such — and the instance
// types. A region the built-in table lacks is complete, as the price loader demands of a new region.
#include <fmt/format.h>
#include <set>

#include "caas/util/text.hpp"
#include "caas/yaml/yaml_tree.hpp"
#include "product.hpp"

namespace caas::pricelist {

namespace {

// Fixed notation, no trailing zeros: prices are written as the Price List writes them, never as 1.66667e-05.
std::string number_text(double value) {
  auto text = fmt::format("{:.12f}", value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string quoted(std::string_view text) { return yaml::double_quoted(text); }

void write_price(std::string& out, std::string_view key, std::string_view amount, double value,
                 const cost::Price& meta) {
  out += fmt::format("      {}:\n        {{{}: {}, unit: {}", key, amount, number_text(value), quoted(meta.unit));
  if (meta.tier_from) out += ", tier_from: " + number_text(*meta.tier_from);
  if (meta.tier_to) out += ", tier_to: " + number_text(*meta.tier_to);
  out += fmt::format(",\n         source: {},\n         collected: {}, confidence: {}", quoted(meta.source),
                     quoted(meta.collected), meta.confidence);
  if (!meta.note.empty()) out += ",\n         note: " + quoted(meta.note);
  out += "}\n";
}

void write_instance(std::string& out, const cost::InstanceType& t) {
  out += fmt::format(
      "      - {{name: {}, vcpu: {}, memory_gib: {}, gpus: {}, architecture: {}, burstable: {}, usd_per_hour: {},\n"
      "         source: {},\n         collected: {}, confidence: {}",
      quoted(t.name), number_text(t.vcpu), number_text(t.memory_gib), t.gpus, t.architecture,
      t.burstable ? "true" : "false", number_text(t.usd_per_hour), quoted(t.source), quoted(t.collected), t.confidence);
  if (!t.accelerator.empty()) out += ", accelerator: " + quoted(t.accelerator);
  if (!t.note.empty()) out += ",\n         note: " + quoted(t.note);
  out += "}\n";
}

std::string fallback_note(std::string_view from_region, std::string_view note) {
  return fmt::format("{}the built-in value of {}{}{}", cost::k_fallback_note, from_region, note.empty() ? "" : "; ",
                     note);
}

}  // namespace

std::string write_overlay(const std::map<std::string, RegionImport, std::less<>>& regions, const std::string& date,
                          const cost::PriceTable& base, const std::vector<FileSummary>& files) {
  std::string out =
      "# A price overlay for caas-advisor (--pricing FILE), written by `caas-advisor pricing import` from AWS's Price\n"
      "# List files:\n";
  for (const auto& f : files)
    out += fmt::format("#   {} ({} {}, published {}): {} prices the cost model uses\n", util::escape_control(f.file),
                       f.offer, f.format, f.publication_date.empty() ? std::string("?") : f.publication_date, f.prices);
  out +=
      "# Prices the files carry are confidence DOC, with their SKU in `source`; every other key is the built-in\n"
      "# value of the region (or of us-east-1 for a region not built in), its note beginning \"" +
      std::string(cost::k_fallback_note) + "\".\n";
  out += "version: 1\n";
  if (!date.empty()) out += fmt::format("date: {}\n", quoted(date));
  out += "regions:\n";
  const auto* us_east_1 = base.find_region("us-east-1");
  for (const auto& [name, imported] : regions) {
    const auto* built_in = base.find_region(name);
    const auto* fallback = built_in ? built_in : us_east_1;
    const std::string fallback_name = built_in ? name : std::string("us-east-1");
    out += fmt::format("  {}:\n    prices:\n", name);
    // The keys in the built-in table's order (a complete table lists every key the model has).
    static const decltype(cost::RegionPrices::prices) k_none;
    const auto& keys = fallback ? fallback->prices : k_none;
    for (const auto& [key, built] : keys) {
      const auto found = imported.prices.find(key);
      if (found == imported.prices.end()) {
        cost::Price meta = built;
        meta.note = fallback_note(fallback_name, built.note);
        write_price(out, key, cost::amount_kind(key), built.usd, meta);
        continue;
      }
      const ImportedPrice& p = found->second;
      cost::Price meta;
      meta.unit = built.unit;
      meta.tier_from = p.tier_from;
      meta.tier_to = p.tier_to;
      meta.source = fmt::format("AWS Price List {} (published {}), SKU {}, usage type {}", p.offer, p.publication_date,
                                p.sku, p.usage_type);
      meta.collected = date_of(p.publication_date);
      meta.confidence = "DOC";
      meta.note = p.note.empty() ? "rate code " + p.rate_code : p.note;
      if (meta.collected.empty()) meta.collected = date;
      write_price(out, key, "usd", p.usd, meta);
    }
    // The file's instance types; then the built-in ones it does not list (a --pricing overlay adds to the built-in
    // list, so they would be priced anyway), marked as not from the files.
    std::set<std::string> listed;
    if (!imported.instances.empty() || (fallback && !fallback->instances.empty())) out += "    instances:\n";
    for (const auto& instance : imported.instances) {
      auto t = instance.type;
      if (t.collected.empty()) t.collected = date;
      listed.insert(t.name);
      write_instance(out, t);
    }
    if (fallback)
      for (auto t : fallback->instances) {
        if (listed.count(t.name)) continue;
        t.note = fallback_note(fallback_name, t.note);
        write_instance(out, t);
      }
  }
  return out;
}

}  // namespace caas::pricelist

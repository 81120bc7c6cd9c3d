// The price file loader: YAML text in, a checked PriceTable or located diagnostics out. yaml-cpp stays in this file.
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "caas/cost/price_table.hpp"
#include "caas/util/messages.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/suggest.hpp"
#include "caas/yaml/yaml_cpp.hpp"
#include "price_keys.hpp"

namespace caas::cost {
namespace {

using yaml::shape_of;

enum class Completeness { complete, overlay };

const std::vector<std::string_view> k_top_keys = {"version", "date", "scoring", "regions"};
const std::vector<std::string_view> k_confidences = {"DOC", "AWS-BLOG", "SECONDARY", "UNCONFIRMED", "assumption"};
const std::vector<std::string_view> k_architectures = {"x86_64", "arm64"};

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

class PriceLoader {
 public:
  PriceLoader(std::string_view text, const std::string& file, Completeness completeness, const PriceTable* base)
      : m_text(text), m_file(file), m_completeness(completeness), m_base(base) {}

  util::Result<PriceTable> load(const YAML::Node& root);
  void error(const YAML::Mark& mark, util::Code code, std::string message, std::string hint = {}, int span = 1);

 private:
  void error(const YAML::Node& node, util::Code code, std::string message, std::string hint = {}) {
    error(node.Mark(), code, std::move(message), std::move(hint));
  }
  void report(const YAML::Node& node, util::Problem problem, int span = 1) {
    error(node.Mark(), problem.code, std::move(problem.message), std::move(problem.hint), span);
  }
  bool expect_map(const YAML::Node& node, std::string_view path, std::string_view keys);
  void check_duplicates(const YAML::Node& map);
  void check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed, std::string_view path);
  std::optional<double> number(const YAML::Node& node, std::string_view path);
  std::optional<std::string> text(const YAML::Node& node, std::string_view path);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view path);
  std::optional<std::string> one_of(const YAML::Node& node, std::string_view path,
                                    const std::vector<std::string_view>& values);
  std::optional<std::string> date(const YAML::Node& node, std::string_view path);
  void read_scoring(const YAML::Node& node, PriceTable& table);
  void read_region(const std::string& name, const YAML::Node& node, RegionPrices& region, bool must_be_complete);
  void read_prices(const YAML::Node& node, RegionPrices& region);
  std::optional<Price> read_price(const std::string& key, const YAML::Node& node, const PriceKey& spec);
  void read_instances(const YAML::Node& node, RegionPrices& region);
  std::optional<InstanceType> read_instance(const YAML::Node& node);

  std::string_view m_text;
  const std::string& m_file;
  Completeness m_completeness;
  const PriceTable* m_base;
  util::Diagnostics m_errors;
};

void PriceLoader::error(const YAML::Mark& mark, util::Code code, std::string message, std::string hint, int span) {
  util::SourceLocation where{m_file, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
  auto diagnostic = util::make_error(code, std::move(message), std::move(where), m_text, span);
  diagnostic.hint = std::move(hint);
  m_errors.push_back(std::move(diagnostic));
}

bool PriceLoader::expect_map(const YAML::Node& node, std::string_view path, std::string_view keys) {
  if (node.IsMap()) return true;
  report(node, util::wrong_type(path, "a map of " + std::string(keys), shape_of(node)));
  return false;
}

// Repeated keys are errors: which of the two would count is anybody's guess.
void PriceLoader::check_duplicates(const YAML::Node& map) {
  std::map<std::string, int> seen;  // key, line
  for (const auto& entry : map) {
    const auto& key = entry.first;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    if (const auto [first, inserted] = seen.emplace(name, key.Mark().line + 1); !inserted)
      report(key, util::duplicate_key(name, first->second), static_cast<int>(std::max<std::size_t>(1, name.size())));
  }
}

// Unknown and repeated keys are errors: a misspelt price key must never fall back to a default silently.
void PriceLoader::check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed,
                             std::string_view path) {
  check_duplicates(map);
  for (const auto& entry : map) {
    const auto& key = entry.first;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    report(key, util::unknown_key(name, path, allowed), static_cast<int>(std::max<std::size_t>(1, name.size())));
  }
}

std::optional<double> PriceLoader::number(const YAML::Node& node, std::string_view path) {
  if (!node.IsScalar()) {
    report(node, util::wrong_type(path, "a number", shape_of(node)));
    return std::nullopt;
  }
  auto read = util::read_number_field(path, "a number", node.Scalar());
  if (read.problem) report(node, std::move(*read.problem), static_cast<int>(node.Scalar().size()));
  return read.value;
}

std::optional<std::string> PriceLoader::text(const YAML::Node& node, std::string_view path) {
  if (!node.IsScalar()) {
    report(node, util::wrong_type(path, "a string", shape_of(node)));
    return std::nullopt;
  }
  if (node.Scalar().empty()) {
    report(node, util::empty_value(path, "a string"));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> PriceLoader::boolean(const YAML::Node& node, std::string_view path) {
  if (node.IsScalar() && node.Tag() != "!" && (node.Scalar() == "true" || node.Scalar() == "false"))
    return node.Scalar() == "true";
  if (!node.IsScalar())
    report(node, util::wrong_type(path, "true or false", shape_of(node)));
  else
    report(node, util::not_boolean(path, node.Scalar(), node.Tag() == "!"),
           static_cast<int>(std::max<std::size_t>(1, node.Scalar().size())));
  return std::nullopt;
}

std::optional<std::string> PriceLoader::one_of(const YAML::Node& node, std::string_view path,
                                               const std::vector<std::string_view>& values) {
  auto value = text(node, path);
  if (!value) return std::nullopt;
  if (std::find(values.begin(), values.end(), *value) == values.end()) {
    report(node, util::not_one_of(path, values, *value), static_cast<int>(value->size()));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> PriceLoader::date(const YAML::Node& node, std::string_view path) {
  auto value = text(node, path);
  if (!value) return std::nullopt;
  if (!is_date(*value)) {
    report(node, util::not_of_form(path, "a date written YYYY-MM-DD", *value), static_cast<int>(value->size()));
    return std::nullopt;
  }
  return value;
}

util::Result<PriceTable> PriceLoader::load(const YAML::Node& root) {
  PriceTable table;
  const bool complete = m_completeness == Completeness::complete;
  const auto& top_keys = k_top_keys;
  if (!root.IsMap()) {
    report(root, util::not_a_map("a price file", util::one_of(top_keys), shape_of(root)));
    return util::fail(std::move(m_errors));
  }
  check_keys(root, top_keys, "");

  if (const auto version = root["version"]; !version) {
    report(root, util::missing_field("the price file", "version", "version: 1"));
  } else if (const auto v = number(version, "version"); v && *v != 1) {
    report(version, util::bad_version(version.Scalar()));
  }

  if (const auto date_node = root["date"]; date_node) {
    if (auto d = date(date_node, "date")) table.date = std::move(*d);
  } else if (complete) {
    report(root, util::missing_field("the price file", "date", "the day these prices were collected, YYYY-MM-DD"));
  }

  table.weights_given = table.materiality_given = false;
  if (const auto scoring = root["scoring"]; scoring) read_scoring(scoring, table);
  if (complete && !root["scoring"]) report(root, util::missing_field("the price file", "scoring"));

  if (const auto regions = root["regions"]; regions) {
    if (expect_map(regions, "regions", "region names")) {
      std::set<std::string> seen;
      for (const auto& entry : regions) {
        const auto name = text(entry.first, "regions");
        if (!name || !seen.insert(*name).second) continue;  // a repeated name is reported by check_keys
        RegionPrices region;
        region.region = *name;
        const bool new_region = complete || !m_base || !m_base->find_region(*name);
        read_region(*name, entry.second, region, new_region);
        table.regions.emplace(*name, std::move(region));
      }
      check_duplicates(regions);
    }
  } else if (complete) {
    report(root, util::missing_field("the price file", "regions"));
  }

  if (!m_errors.empty()) return util::fail(std::move(m_errors));
  return table;
}

void PriceLoader::read_scoring(const YAML::Node& node, PriceTable& table) {
  if (!expect_map(node, "scoring", "weights and materiality_usd")) return;
  check_keys(node, {"weights", "materiality_usd"}, "scoring");
  const bool complete = m_completeness == Completeness::complete;
  if (const auto weights = node["weights"]; weights && expect_map(weights, "scoring.weights", "low, medium and high")) {
    check_keys(weights, {"low", "medium", "high"}, "scoring.weights");
    bool ok = true;
    for (auto [name, slot] : {std::pair{"low", &table.weight_low}, std::pair{"medium", &table.weight_medium},
                              std::pair{"high", &table.weight_high}}) {
      const auto w = weights[name];
      const auto value = w ? number(w, fmt::format("scoring.weights.{}", name)) : std::nullopt;
      if (!w) report(weights, util::missing_field("'scoring.weights'", name));
      if (value) *slot = *value;
      ok = ok && value.has_value();
    }
    table.weights_given = ok;
  } else if (!weights && complete) {
    report(node, util::missing_field("'scoring'", "weights"));
  }
  if (const auto materiality = node["materiality_usd"]; materiality) {
    if (const auto value = number(materiality, "scoring.materiality_usd")) {
      table.materiality_usd = *value;
      table.materiality_given = true;
    }
  } else if (complete) {
    report(node, util::missing_field("'scoring'", "materiality_usd"));
  }
}

void PriceLoader::read_region(const std::string& name, const YAML::Node& node, RegionPrices& region,
                              bool must_be_complete) {
  const auto path = "regions." + name;
  if (!expect_map(node, path, "prices and instances")) return;
  check_keys(node, {"prices", "instances"}, path);
  const auto prices = node["prices"];
  if (prices) read_prices(prices, region);
  if (const auto instances = node["instances"]) read_instances(instances, region);
  if (!must_be_complete) return;

  std::vector<std::string_view> missing;
  for (const auto& row : price_keys())
    if (!region.prices.count(row.key)) missing.push_back(row.key);
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 6; ++i) list += (i ? ", " : "") + std::string(missing[i]);
    if (missing.size() > 6) list += fmt::format(" and {} more", missing.size() - 6);
    error(prices ? prices : node, "missing-field",
          fmt::format("region '{}' lacks {} price{} the cost model needs: {}", name, missing.size(),
                      missing.size() == 1 ? "" : "s", list),
          "a --pricing file that changes a few prices of a built-in region is merged; a new region must be complete");
  }
  if (region.instances.empty())
    error(node, "missing-field", fmt::format("region '{}' lists no EC2 instance types under 'instances'", name));
}

void PriceLoader::read_prices(const YAML::Node& node, RegionPrices& region) {
  if (!expect_map(node, "prices", "price keys")) return;
  std::vector<std::string_view> known;
  for (const auto& row : price_keys()) known.push_back(row.key);
  check_keys(node, known, "prices");
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    const auto* spec = find_price_key(key);
    if (!spec || region.prices.count(key)) continue;  // reported by check_keys
    if (auto price = read_price(key, entry.second, *spec)) region.prices.emplace(key, std::move(*price));
  }
}

std::optional<Price> PriceLoader::read_price(const std::string& key, const YAML::Node& node, const PriceKey& spec) {
  const auto amount = amount_field(spec.amount);
  const std::vector<std::string_view> fields = {amount,       "unit",      "source",  "collected",
                                                "confidence", "tier_from", "tier_to", "note"};
  if (!expect_map(node, key, "amount, unit, source, collected and confidence")) return std::nullopt;
  check_keys(node, fields, key);
  const std::size_t errors_before = m_errors.size();
  const auto at = [&](std::string_view field) { return key + "." + std::string(field); };
  Price price;
  for (auto field : {amount, std::string_view("unit"), std::string_view("source"), std::string_view("collected"),
                     std::string_view("confidence")})
    if (!node[std::string(field)]) {
      auto problem = util::missing_field("the price '" + key + "'", field);
      if (field == amount) problem.hint = fmt::format("'{}' is written in '{}' ({})", key, amount, spec.unit);
      report(node, std::move(problem));
    }
  if (const auto n = node[std::string(amount)]) {
    if (const auto v = number(n, at(amount))) {
      if (spec.amount == Amount::percent && *v >= 100)
        report(n, util::not_of_form(at(amount), "a discount below 100 percent", n.Scalar()));
      price.usd = *v;
    }
  }
  if (const auto n = node["unit"]) {
    if (auto unit = text(n, at("unit"))) {
      if (*unit != spec.unit)
        error(n, "bad-unit", fmt::format("'{}' is priced per '{}', not '{}'", key, spec.unit, *unit),
              "convert the price to the unit the cost model uses");
      price.unit = std::move(*unit);
    }
  }
  if (const auto n = node["source"]) price.source = text(n, at("source")).value_or("");
  if (const auto n = node["collected"]) price.collected = date(n, at("collected")).value_or("");
  if (const auto n = node["confidence"]) price.confidence = one_of(n, at("confidence"), k_confidences).value_or("");
  if (const auto n = node["tier_from"]) price.tier_from = number(n, at("tier_from"));
  if (const auto n = node["tier_to"]) price.tier_to = number(n, at("tier_to"));
  if (price.tier_from && price.tier_to && *price.tier_to <= *price.tier_from)
    error(node["tier_to"], "contradiction",
          fmt::format("'{}' ({}) is not above '{}' ({})", at("tier_to"), node["tier_to"].Scalar(), at("tier_from"),
                      node["tier_from"].Scalar()));
  if (const auto n = node["note"]) price.note = text(n, at("note")).value_or("");
  if (m_errors.size() != errors_before) return std::nullopt;
  return price;
}

void PriceLoader::read_instances(const YAML::Node& node, RegionPrices& region) {
  if (!node.IsSequence()) {
    report(node, util::wrong_type("instances", "a list of instance types", shape_of(node)));
    return;
  }
  std::map<std::string, int> seen;  // name, line
  for (const auto& item : node) {
    auto instance = read_instance(item);
    if (!instance) continue;
    if (const auto [first, inserted] = seen.emplace(instance->name, item["name"].Mark().line + 1); !inserted) {
      error(item["name"], "duplicate-id",
            fmt::format("instance type '{}' is listed twice (first at line {})", instance->name, first->second));
      continue;
    }
    region.instances.push_back(std::move(*instance));
  }
}

std::optional<InstanceType> PriceLoader::read_instance(const YAML::Node& node) {
  const std::vector<std::string_view> fields = {"name",         "vcpu",       "memory_gib",   "gpus",
                                                "architecture", "burstable",  "usd_per_hour", "source",
                                                "collected",    "confidence", "accelerator",  "note"};
  if (!expect_map(node, "instances", "an instance type's name, vcpu, memory_gib, ...")) return std::nullopt;
  const auto name_node = node["name"];
  const std::string name = name_node && name_node.IsScalar() ? name_node.Scalar() : std::string();
  const auto path = "instances." + (name.empty() ? std::string("?") : name);
  check_keys(node, fields, path);
  const std::size_t errors_before = m_errors.size();
  for (auto field : {"name", "vcpu", "memory_gib", "gpus", "architecture", "burstable", "usd_per_hour", "source",
                     "collected", "confidence"})
    if (!node[field])
      report(node, util::missing_field(
                       name.empty() ? std::string("an instance type") : "the instance type '" + name + "'", field));
  if (m_errors.size() != errors_before) return std::nullopt;

  const auto at = [&](std::string_view field) { return path + "." + std::string(field); };
  InstanceType t;
  t.name = text(node["name"], at("name")).value_or("");
  const auto positive = [&](const char* field, double& slot) {
    const auto v = number(node[field], at(field));
    if (v && *v == 0) report(node[field], util::zero_not_positive(at(field)));
    if (v) slot = *v;
  };
  positive("vcpu", t.vcpu);
  positive("memory_gib", t.memory_gib);
  positive("usd_per_hour", t.usd_per_hour);
  if (const auto gpus = number(node["gpus"], at("gpus"))) {
    if (*gpus != std::floor(*gpus)) report(node["gpus"], util::not_whole(at("gpus"), node["gpus"].Scalar()));
    t.gpus = static_cast<int>(*gpus);
  }
  t.architecture = one_of(node["architecture"], at("architecture"), k_architectures).value_or("");
  t.burstable = boolean(node["burstable"], at("burstable")).value_or(false);
  t.source = text(node["source"], at("source")).value_or("");
  t.collected = date(node["collected"], at("collected")).value_or("");
  t.confidence = one_of(node["confidence"], at("confidence"), k_confidences).value_or("");
  if (const auto n = node["accelerator"]) t.accelerator = text(n, at("accelerator")).value_or("");
  if (const auto n = node["note"]) t.note = text(n, at("note")).value_or("");
  if (m_errors.size() != errors_before) return std::nullopt;
  return t;
}

util::Result<PriceTable> load(std::string_view text, const std::string& file, Completeness completeness,
                              const PriceTable* base) {
  // A --pricing file may come from a pull request too: the one reader's limits, with a fixed size.
  auto document = yaml::load_yaml_cpp(text, file, util::price_file_limits(), {"a price file", k_top_keys});
  if (!document) return util::fail(std::move(document.error()));
  try {
    return PriceLoader(text, file, completeness, base).load(*document);
  } catch (const YAML::Exception& e) {
    // A conversion yaml-cpp refuses; it ends at this module's edge.
    util::SourceLocation where{file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    return util::fail(util::make_error("yaml-syntax", "not valid YAML: " + e.msg, std::move(where), text));
  }
}

}  // namespace

util::Result<PriceTable> load_prices(std::string_view text, const std::string& file) {
  return load(text, file, Completeness::complete, nullptr);
}

util::Result<PriceTable> load_price_overlay(std::string_view text, const std::string& file, const PriceTable& base) {
  return load(text, file, Completeness::overlay, &base);
}

}  // namespace caas::cost

// The price file loader: YAML text in, a checked PriceTable or located diagnostics out. yaml-cpp stays in this file.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "caas/cost/price_table.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/raw_text.hpp"
#include "caas/util/suggest.hpp"
#include "caas/util/yaml_guard.hpp"
#include "price_keys.hpp"

namespace caas::cost {
namespace {

enum class Completeness { complete, overlay };

// A --pricing file may come from a pull request too: the same limits as workload files, with a fixed size.
const util::TextLimits k_text_limits{util::k_mebibyte, 64, ""};
constexpr std::size_t k_max_nodes = 100000;

struct BudgetHit {
  std::string code;
  std::string message;
  YAML::Mark mark;
};

// yaml-cpp shares an aliased node instead of copying it, but reading visits it at each use: count the nodes as a
// reader meets them, so an alias bomb is refused in bounded time, and stop at the nesting limit.
std::optional<BudgetHit> over_budget(const YAML::Node& node, int depth, std::size_t& left) {
  if (left == 0)
    return BudgetHit{"too-many-nodes",
                     fmt::format("the YAML holds more than {} nodes (an alias counts its whole anchored value each "
                                 "time it is used)",
                                 k_max_nodes),
                     node.Mark()};
  --left;
  if (!node.IsMap() && !node.IsSequence()) return std::nullopt;
  if (depth + 1 > k_text_limits.max_depth)
    return BudgetHit{"too-deep", util::too_deep_message(k_text_limits.max_depth), node.Mark()};
  for (const auto& entry : node) {
    if (node.IsSequence()) {
      if (auto hit = over_budget(entry, depth + 1, left)) return hit;
      continue;
    }
    if (auto hit = over_budget(entry.first, depth + 1, left)) return hit;
    if (auto hit = over_budget(entry.second, depth + 1, left)) return hit;
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 5> k_confidences = {"DOC", "AWS-BLOG", "SECONDARY", "UNCONFIRMED", "assumption"};

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
  void error(const YAML::Mark& mark, std::string code, std::string message, std::string hint = {}, int span = 1);

 private:
  void error(const YAML::Node& node, std::string code, std::string message, std::string hint = {}) {
    error(node.Mark(), std::move(code), std::move(message), std::move(hint));
  }
  bool expect_map(const YAML::Node& node, std::string_view what);
  void check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed, std::string_view what);
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  std::optional<std::string> text(const YAML::Node& node, std::string_view what);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
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

void PriceLoader::error(const YAML::Mark& mark, std::string code, std::string message, std::string hint, int span) {
  util::SourceLocation where{m_file, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
  auto diagnostic = util::make_error(std::move(code), std::move(message), std::move(where), m_text, span);
  diagnostic.hint = std::move(hint);
  m_errors.push_back(std::move(diagnostic));
}

bool PriceLoader::expect_map(const YAML::Node& node, std::string_view what) {
  if (node.IsMap()) return true;
  error(node, "expected-map", fmt::format("{} must be a map", what));
  return false;
}

// Unknown and repeated keys are errors: a misspelt price key must never fall back to a default silently.
void PriceLoader::check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed,
                             std::string_view what) {
  std::vector<std::string> seen;
  for (const auto& entry : map) {
    const auto& key = entry.first;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    const int span = static_cast<int>(std::max<std::size_t>(1, name.size()));
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      error(key.Mark(), "duplicate-key", fmt::format("`{}` appears twice in {}", name, what), {}, span);
      continue;
    }
    seen.push_back(name);
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    const auto near = util::did_you_mean(name, allowed);
    error(key.Mark(), "unknown-key", fmt::format("`{}`: unknown key in {}", name, what),
          near ? fmt::format("did you mean `{}`?", *near) : std::string(), span);
  }
}

std::optional<double> PriceLoader::number(const YAML::Node& node, std::string_view what) {
  const auto value = node.IsScalar() ? util::parse_plain_number(node.Scalar()) : std::nullopt;
  if (!value || !std::isfinite(*value)) {
    error(node, "expected-number", fmt::format("{} must be a non-negative number", what));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> PriceLoader::text(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar() || node.Scalar().empty()) {
    error(node, "expected-text", fmt::format("{} must be non-empty text", what));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> PriceLoader::boolean(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) return node.Scalar() == "true";
  // YAML 1.1 spellings (yes, on, y...) are not booleans here; say which one was meant.
  std::string hint;
  if (node.IsScalar()) {
    std::string word = node.Scalar();
    for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (word == "yes" || word == "y" || word == "on" || word == "true") hint = "did you mean `true`?";
    if (word == "no" || word == "n" || word == "off" || word == "false") hint = "did you mean `false`?";
  }
  error(node, "expected-bool", fmt::format("{} must be true or false", what), std::move(hint));
  return std::nullopt;
}

util::Result<PriceTable> PriceLoader::load(const YAML::Node& root) {
  PriceTable table;
  const bool complete = m_completeness == Completeness::complete;
  if (!expect_map(root, "a price file")) return util::fail(std::move(m_errors));
  check_keys(root, {"version", "date", "scoring", "regions"}, "the price file");

  if (const auto version = root["version"]; !version) {
    error(root, "missing-key", "`version` is missing; this format is `version: 1`");
  } else if (const auto v = number(version, "`version`"); v && *v != 1) {
    error(version, "unsupported-version", fmt::format("price file version {} is not supported", version.Scalar()),
          "this version of caas-advisor reads `version: 1`");
  }

  if (const auto date = root["date"]; date) {
    if (auto d = text(date, "`date`")) {
      if (is_date(*d))
        table.date = std::move(*d);
      else
        error(date, "bad-date", "`date` must be written YYYY-MM-DD");
    }
  } else if (complete) {
    error(root, "missing-key", "`date` is missing: when were these prices collected?");
  }

  table.weights_given = table.materiality_given = false;
  if (const auto scoring = root["scoring"]; scoring) read_scoring(scoring, table);
  if (complete && !(table.weights_given && table.materiality_given))
    error(root, "missing-key", "`scoring` needs `weights` and `materiality_usd`");

  if (const auto regions = root["regions"]; regions) {
    if (expect_map(regions, "`regions`")) {
      for (const auto& entry : regions) {
        const auto name = text(entry.first, "a region name");
        if (!name || table.regions.count(*name)) {
          if (name) error(entry.first, "duplicate-key", fmt::format("region `{}` appears twice", *name));
          continue;
        }
        RegionPrices region;
        region.region = *name;
        const bool new_region = complete || !m_base || !m_base->find_region(*name);
        read_region(*name, entry.second, region, new_region);
        table.regions.emplace(*name, std::move(region));
      }
    }
  } else if (complete) {
    error(root, "missing-key", "`regions` is missing");
  }

  if (!m_errors.empty()) return util::fail(std::move(m_errors));
  return table;
}

void PriceLoader::read_scoring(const YAML::Node& node, PriceTable& table) {
  if (!expect_map(node, "`scoring`")) return;
  check_keys(node, {"weights", "materiality_usd"}, "`scoring`");
  if (const auto weights = node["weights"]; weights && expect_map(weights, "`scoring.weights`")) {
    check_keys(weights, {"low", "medium", "high"}, "`scoring.weights`");
    bool ok = true;
    for (auto [name, slot] : {std::pair{"low", &table.weight_low}, std::pair{"medium", &table.weight_medium},
                              std::pair{"high", &table.weight_high}}) {
      const auto w = weights[name];
      const auto value = w ? number(w, fmt::format("`scoring.weights.{}`", name)) : std::nullopt;
      if (!w) error(weights, "missing-key", fmt::format("`scoring.weights` needs `{}`", name));
      if (value) *slot = *value;
      ok = ok && value.has_value();
    }
    table.weights_given = ok;
  }
  if (const auto materiality = node["materiality_usd"]; materiality) {
    if (const auto value = number(materiality, "`scoring.materiality_usd`")) {
      table.materiality_usd = *value;
      table.materiality_given = true;
    }
  }
}

void PriceLoader::read_region(const std::string& name, const YAML::Node& node, RegionPrices& region,
                              bool must_be_complete) {
  if (!expect_map(node, fmt::format("region `{}`", name))) return;
  check_keys(node, {"prices", "instances"}, fmt::format("region `{}`", name));
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
    error(prices ? prices : node, "missing-price",
          fmt::format("region `{}` lacks {} price{} the cost model needs: {}", name, missing.size(),
                      missing.size() == 1 ? "" : "s", list),
          "a --pricing file that changes a few prices of a built-in region is merged; a new region must be complete");
  }
  if (region.instances.empty())
    error(node, "missing-instances", fmt::format("region `{}` lists no EC2 instance types", name));
}

void PriceLoader::read_prices(const YAML::Node& node, RegionPrices& region) {
  if (!expect_map(node, "`prices`")) return;
  std::vector<std::string_view> known;
  for (const auto& row : price_keys()) known.push_back(row.key);
  check_keys(node, known, "`prices`");
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    const auto* spec = find_price_key(key);
    if (!spec || region.prices.count(key)) continue;  // reported by check_keys
    if (auto price = read_price(key, entry.second, *spec)) region.prices.emplace(key, std::move(*price));
  }
}

std::optional<Price> PriceLoader::read_price(const std::string& key, const YAML::Node& node, const PriceKey& spec) {
  if (!expect_map(node, fmt::format("price `{}`", key))) return std::nullopt;
  const auto amount = amount_field(spec.amount);
  check_keys(node, {amount, "unit", "source", "collected", "confidence", "tier_from", "tier_to", "note"},
             fmt::format("price `{}`", key));
  const std::size_t errors_before = m_errors.size();
  Price price;
  for (auto field : {amount, std::string_view("unit"), std::string_view("source"), std::string_view("collected"),
                     std::string_view("confidence")})
    if (!node[std::string(field)])
      error(node, "missing-key", fmt::format("price `{}` needs `{}`", key, field),
            field == amount ? fmt::format("`{}` is written in `{}` ({})", key, amount, spec.unit) : std::string());
  if (const auto n = node[std::string(amount)]) {
    if (const auto v = number(n, fmt::format("`{}` of {}", amount, key))) {
      if (spec.amount == Amount::percent && *v >= 100)
        error(n, "bad-percent", fmt::format("a discount of {} % is not possible", n.Scalar()));
      price.usd = *v;
    }
  }
  if (const auto n = node["unit"]) {
    if (auto unit = text(n, fmt::format("`unit` of {}", key))) {
      if (*unit != spec.unit)
        error(n, "wrong-unit", fmt::format("`{}` is priced per `{}`, not `{}`", key, spec.unit, *unit),
              "convert the price to the unit the cost model uses");
      price.unit = std::move(*unit);
    }
  }
  if (const auto n = node["source"]) price.source = text(n, "`source`").value_or("");
  if (const auto n = node["collected"]) {
    price.collected = text(n, "`collected`").value_or("");
    if (!price.collected.empty() && !is_date(price.collected))
      error(n, "bad-date", "`collected` must be written YYYY-MM-DD");
  }
  if (const auto n = node["confidence"]) {
    price.confidence = text(n, "`confidence`").value_or("");
    const std::vector<std::string_view> allowed(k_confidences.begin(), k_confidences.end());
    if (!price.confidence.empty() && std::find(allowed.begin(), allowed.end(), price.confidence) == allowed.end()) {
      const auto near = util::did_you_mean(price.confidence, allowed);
      error(n, "bad-confidence",
            fmt::format("`confidence` must be one of DOC, AWS-BLOG, SECONDARY, UNCONFIRMED, assumption"),
            near ? fmt::format("did you mean `{}`?", *near) : std::string());
    }
  }
  if (const auto n = node["tier_from"]) price.tier_from = number(n, "`tier_from`");
  if (const auto n = node["tier_to"]) price.tier_to = number(n, "`tier_to`");
  if (price.tier_from && price.tier_to && *price.tier_to <= *price.tier_from)
    error(node["tier_to"], "bad-tier", "`tier_to` must be above `tier_from`");
  if (const auto n = node["note"]) price.note = text(n, "`note`").value_or("");
  if (m_errors.size() != errors_before) return std::nullopt;
  return price;
}

void PriceLoader::read_instances(const YAML::Node& node, RegionPrices& region) {
  if (!node.IsSequence()) {
    error(node, "expected-list", "`instances` must be a list of instance types");
    return;
  }
  for (const auto& item : node) {
    auto instance = read_instance(item);
    if (!instance) continue;
    const auto same = [&](const InstanceType& known) { return known.name == instance->name; };
    if (std::any_of(region.instances.begin(), region.instances.end(), same)) {
      error(item["name"], "duplicate-instance", fmt::format("instance type `{}` appears twice", instance->name));
      continue;
    }
    region.instances.push_back(std::move(*instance));
  }
}

std::optional<InstanceType> PriceLoader::read_instance(const YAML::Node& node) {
  if (!expect_map(node, "an instance type")) return std::nullopt;
  check_keys(node,
             {"name", "vcpu", "memory_gib", "gpus", "architecture", "burstable", "usd_per_hour", "source", "collected",
              "confidence", "accelerator", "note"},
             "an instance type");
  const std::size_t errors_before = m_errors.size();
  for (auto field : {"name", "vcpu", "memory_gib", "gpus", "architecture", "burstable", "usd_per_hour", "source",
                     "collected", "confidence"})
    if (!node[field]) error(node, "missing-key", fmt::format("an instance type needs `{}`", field));
  if (m_errors.size() != errors_before) return std::nullopt;

  InstanceType t;
  t.name = text(node["name"], "`name`").value_or("");
  const auto positive = [&](const char* field, double& slot) {
    const auto v = number(node[field], fmt::format("`{}` of {}", field, t.name));
    if (v && *v <= 0) error(node[field], "expected-positive", fmt::format("`{}` of {} must be above 0", field, t.name));
    if (v) slot = *v;
  };
  positive("vcpu", t.vcpu);
  positive("memory_gib", t.memory_gib);
  positive("usd_per_hour", t.usd_per_hour);
  if (const auto gpus = number(node["gpus"], fmt::format("`gpus` of {}", t.name))) {
    if (*gpus != std::floor(*gpus)) error(node["gpus"], "expected-integer", "`gpus` must be a whole number");
    t.gpus = static_cast<int>(*gpus);
  }
  if (auto arch = text(node["architecture"], "`architecture`")) {
    if (*arch != "x86_64" && *arch != "arm64") {
      const auto near = util::did_you_mean(*arch, {"x86_64", "arm64"});
      error(node["architecture"], "bad-architecture", "`architecture` must be x86_64 or arm64",
            near ? fmt::format("did you mean `{}`?", *near) : std::string());
    }
    t.architecture = std::move(*arch);
  }
  t.burstable = boolean(node["burstable"], "`burstable`").value_or(false);
  t.source = text(node["source"], "`source`").value_or("");
  t.collected = text(node["collected"], "`collected`").value_or("");
  if (!t.collected.empty() && !is_date(t.collected))
    error(node["collected"], "bad-date", "`collected` must be written YYYY-MM-DD");
  t.confidence = text(node["confidence"], "`confidence`").value_or("");
  if (!t.confidence.empty() &&
      std::find(k_confidences.begin(), k_confidences.end(), t.confidence) == k_confidences.end())
    error(node["confidence"], "bad-confidence",
          "`confidence` must be one of DOC, AWS-BLOG, SECONDARY, UNCONFIRMED, assumption");
  if (const auto n = node["accelerator"]) t.accelerator = text(n, "`accelerator`").value_or("");
  if (const auto n = node["note"]) t.note = text(n, "`note`").value_or("");
  if (m_errors.size() != errors_before) return std::nullopt;
  return t;
}

util::Result<PriceTable> load(std::string_view text, const std::string& file, Completeness completeness,
                              const PriceTable* base, bool trusted = false) {
  PriceLoader loader(text, file, completeness, base);
  if (auto problem = util::check_raw_text(text, file, k_text_limits)) return util::fail(util::Diagnostics{*problem});
  try {
    // The built-in table is one document of the project's own, read once; an outside file is first read for its
    // documents without building them, since yaml-cpp never returns from some malformed ones.
    if (trusted) return loader.load(YAML::Load(std::string(text)));
    if (auto stalled = util::find_stalled_document(text))
      return util::fail(util::make_error("yaml-syntax", std::string(util::k_stalled_document_message),
                                         {file, stalled->first, stalled->second}, text));
    const auto documents = YAML::LoadAll(std::string(text));
    if (documents.size() != 1)
      return util::fail(util::make_error(
          "not-one-document", documents.empty() ? "the price file is empty" : "a price file holds one YAML document",
          {file, 1, 1}, text));
    const auto& root = documents.front();
    std::size_t budget = k_max_nodes;
    if (auto hit = over_budget(root, 0, budget))
      return util::fail(util::make_error(std::move(hit->code), std::move(hit->message),
                                         {file, hit->mark.line + 1, hit->mark.column + 1}, text));
    return loader.load(root);
  } catch (const YAML::DeepRecursion& e) {  // block nesting (`- - - -`), which the text check cannot see
    return util::fail(util::make_error("too-deep", util::too_deep_message(k_text_limits.max_depth),
                                       {file, e.mark.line + 1, e.mark.column + 1}, text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp reports syntax errors (and bad conversions) as exceptions; they end at this module's edge.
    util::SourceLocation where{file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    return util::fail(util::make_error("yaml-syntax", e.msg, std::move(where), text));
  }
}

}  // namespace

util::Result<PriceTable> load_prices(std::string_view text, const std::string& file) {
  return load(text, file, Completeness::complete, nullptr);
}

util::Result<PriceTable> load_price_overlay(std::string_view text, const std::string& file, const PriceTable& base) {
  return load(text, file, Completeness::overlay, &base);
}

util::Result<PriceTable> load_builtin_prices() {
  const auto& files = embedded_price_files();
  if (files.empty()) return util::fail(util::make_error("no-prices", "no built-in price table", {}));
  auto table = load(files.front().text, std::string(files.front().name), Completeness::complete, nullptr, true);
  if (!table) return table;
  for (std::size_t i = 1; i < files.size(); ++i) {
    auto more = load(files[i].text, std::string(files[i].name), Completeness::complete, nullptr, true);
    if (!more) return more;
    merge(*table, std::move(*more));
  }
  return table;
}

}  // namespace caas::cost

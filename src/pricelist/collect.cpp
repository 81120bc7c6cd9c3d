// The prices of kept products, by region: a price dimension per tier, in the cost model's units, with the SKU that
// gave it. The first SKU that fills a slot in a region wins; a file lists each slot once per region.
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>

#include "product.hpp"

namespace caas::pricelist {

namespace {

struct SlotInfo {
  Slot slot;
  std::array<std::string_view, 4> keys;  // one per tier; a single key for an untiered price
  int key_count;
  std::array<std::string_view, 3> units;  // the file's units (lower case) that the slot accepts
  double scale;                           // per unit in the file -> per unit of the key (per request -> per 1M)
};

constexpr double k_million = 1e6;

// One row per slot: the keys of src/cost/price_keys.cpp it fills.
constexpr std::array<SlotInfo, 28> k_slots = {{
    {Slot::lambda_requests, {"lambda.requests"}, 1, {"requests", "request"}, k_million},
    {Slot::lambda_x86_duration,
     {"lambda.x86_64.duration.tier1", "lambda.x86_64.duration.tier2", "lambda.x86_64.duration.tier3"},
     3,
     {"lambda-gb-second", "gb-seconds", "second"},
     1},
    {Slot::lambda_arm_duration,
     {"lambda.arm64.duration.tier1", "lambda.arm64.duration.tier2", "lambda.arm64.duration.tier3"},
     3,
     {"lambda-gb-second", "gb-seconds", "second"},
     1},
    {Slot::lambda_storage, {"lambda.ephemeral_storage"}, 1, {"gb-seconds", "lambda-gb-second", "second"}, 1},
    {Slot::lambda_x86_provisioned_concurrency,
     {"lambda.x86_64.provisioned_concurrency"},
     1,
     {"lambda-gb-second", "gb-seconds", "second"},
     1},
    {Slot::lambda_x86_provisioned_duration,
     {"lambda.x86_64.provisioned_duration"},
     1,
     {"lambda-gb-second", "gb-seconds", "second"},
     1},
    {Slot::lambda_arm_provisioned_concurrency,
     {"lambda.arm64.provisioned_concurrency"},
     1,
     {"lambda-gb-second", "gb-seconds", "second"},
     1},
    {Slot::lambda_arm_provisioned_duration,
     {"lambda.arm64.provisioned_duration"},
     1,
     {"lambda-gb-second", "gb-seconds", "second"},
     1},
    {Slot::fargate_x86_vcpu, {"fargate.x86_64.vcpu_hour"}, 1, {"hours", "hrs", "vcpu-hours"}, 1},
    {Slot::fargate_x86_gb, {"fargate.x86_64.gb_hour"}, 1, {"hours", "hrs", "gb-hours"}, 1},
    {Slot::fargate_arm_vcpu, {"fargate.arm64.vcpu_hour"}, 1, {"hours", "hrs", "vcpu-hours"}, 1},
    {Slot::fargate_arm_gb, {"fargate.arm64.gb_hour"}, 1, {"hours", "hrs", "gb-hours"}, 1},
    {Slot::fargate_windows_vcpu, {"fargate.windows.vcpu_hour"}, 1, {"hours", "hrs", "vcpu-hours"}, 1},
    {Slot::fargate_windows_gb, {"fargate.windows.gb_hour"}, 1, {"hours", "hrs", "gb-hours"}, 1},
    {Slot::fargate_windows_license, {"fargate.windows.license_vcpu_hour"}, 1, {"hours", "hrs", "vcpu-hours"}, 1},
    {Slot::fargate_ephemeral, {"fargate.ephemeral_storage_gb_hour"}, 1, {"gb-hours", "hours", "hrs"}, 1},
    {Slot::ec2_gp3, {"ec2.gp3_gib_month"}, 1, {"gb-mo"}, 1},
    {Slot::apigw_http, {"apigw.http.tier1", "apigw.http.tier2"}, 2, {"requests", "request"}, k_million},
    {Slot::apigw_rest,
     {"apigw.rest.tier1", "apigw.rest.tier2", "apigw.rest.tier3", "apigw.rest.tier4"},
     4,
     {"requests", "request"},
     k_million},
    {Slot::apigw_websocket_messages,
     {"apigw.websocket.messages.tier1", "apigw.websocket.messages.tier2"},
     2,
     {"messages", "message"},
     k_million},
    {Slot::apigw_websocket_minutes, {"apigw.websocket.connection_minutes"}, 1, {"minutes", "minute"}, k_million},
    {Slot::alb_hour, {"alb.hour"}, 1, {"hrs", "hours"}, 1},
    {Slot::alb_lcu, {"alb.lcu_hour"}, 1, {"lcu-hrs"}, 1},
    {Slot::nlb_hour, {"nlb.hour"}, 1, {"hrs", "hours"}, 1},
    {Slot::nlb_nlcu, {"nlb.nlcu_hour"}, 1, {"lcu-hrs", "nlcu-hrs"}, 1},
    {Slot::data_transfer_out,
     {"data_transfer.out.tier1", "data_transfer.out.tier2", "data_transfer.out.tier3", "data_transfer.out.tier4"},
     4,
     {"gb"},
     1},
    {Slot::nat_hour, {"nat_gateway.hour"}, 1, {"hrs", "hours"}, 1},
    {Slot::public_ipv4, {"public_ipv4.hour"}, 1, {"hrs", "hours"}, 1},
}};

const SlotInfo* info_of(Slot slot) {
  for (const auto& row : k_slots)
    if (row.slot == slot) return &row;
  return nullptr;  // the EC2 instance slots
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A Price List number: "0.0960000000", "294", "1,152" (commas in memory sizes). nullopt for "Inf", "NA", "".
std::optional<double> number(std::string_view text) {
  std::string digits;
  digits.reserve(text.size());
  for (const char c : text)
    if (c != ',') digits += c;
  double value = 0;
  const auto* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (ec != std::errc() || ptr == digits.data() || !std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

// "8 GiB" -> 8; "1,152 GiB" -> 1152.
std::optional<double> gib(std::string_view memory) {
  const auto space = memory.find(' ');
  if (space == std::string_view::npos || memory.substr(space + 1) != "GiB") return std::nullopt;
  return number(memory.substr(0, space));
}

bool burstable(std::string_view name) {
  return name.size() > 1 && name[0] == 't' && name[1] >= '0' && name[1] <= '9';  // t2, t3, t3a, t4g
}

std::string source_of(const std::string& offer, const std::string& publication_date, const std::string& sku,
                      std::string_view usage_type) {
  return fmt::format("AWS Price List {} (published {}), SKU {}, usage type {}", offer, publication_date, sku,
                     usage_type);
}

}  // namespace

bool Collector::add_product(Product product, std::string_view offer) {
  auto where = classify(product, offer);
  if (!where) return false;
  auto sku = product.sku;
  m_kept.emplace(std::move(sku), Kept{std::move(*where), std::move(product)});
  return true;
}

bool Collector::add_dimension(std::string_view sku, const Dimension& dimension, const std::string& offer,
                              const std::string& publication_date) {
  const auto found = m_kept.find(std::string(sku));
  return found != m_kept.end() && add(found->second, dimension, offer, publication_date);
}

bool Collector::add_row(const Product& product, const Dimension& dimension, const std::string& offer,
                        const std::string& publication_date) {
  auto where = classify(product, offer);
  return where && add(Kept{std::move(*where), product}, dimension, offer, publication_date);
}

bool Collector::add(const Kept& kept, const Dimension& dimension, const std::string& offer,
                    const std::string& publication_date) {
  const auto usd = number(dimension.usd);
  if (!usd) return false;
  const Product& p = kept.product;
  const auto& region = kept.where.region;
  if (kept.where.slot == Slot::ec2_linux || kept.where.slot == Slot::ec2_windows) {
    if (lower(dimension.unit) != "hrs" || *usd <= 0) return false;
    auto& by_name = (kept.where.slot == Slot::ec2_linux ? m_linux : m_windows)[region];
    return by_name.emplace(p[Attr::instancetype], Instance{p.sku, p, *usd, offer, publication_date}).second;
  }
  const auto* info = info_of(kept.where.slot);
  const auto unit = lower(dimension.unit);
  if (!info || std::find(info->units.begin(), info->units.end(), unit) == info->units.end()) return false;
  // A tier that ends where it begins, or before, prices nothing (no AWS file has one): not taken, so the key falls
  // back to the built-in value, stated, instead of an overlay that would not load. Checked before the slot is
  // claimed, which would leave it without a tier.
  const auto tier_from = number(dimension.begin);
  const auto tier_to = number(dimension.end);
  if (tier_from && tier_to && *tier_to <= *tier_from) return false;
  auto& priced = m_priced[region][kept.where.slot];
  if (priced.sku.empty()) priced = Priced{p.sku, p[Attr::usagetype], offer, publication_date, {}};
  if (priced.sku != p.sku) return false;  // a second SKU for the same slot: the first one counts
  ImportedPrice price;
  price.usd = *usd * info->scale;
  price.tier_from = tier_from;
  price.tier_to = tier_to;
  price.sku = p.sku;
  price.rate_code = dimension.rate_code;
  price.usage_type = p[Attr::usagetype];
  price.offer = offer;
  price.publication_date = publication_date;
  const double from = price.tier_from.value_or(0);
  for (const auto& tier : priced.tiers)
    if (tier.first == from) return false;  // the same tier twice
  priced.tiers.emplace_back(from, std::move(price));
  return true;
}

std::map<std::string, RegionImport, std::less<>> Collector::regions() const {
  std::map<std::string, RegionImport, std::less<>> out;
  std::map<std::string, std::set<std::string>> offers;
  for (const auto& [region, slots] : m_priced) {
    auto& into = out[region];
    for (const auto& [slot, priced] : slots) {
      const auto* info = info_of(slot);
      auto tiers = priced.tiers;
      std::sort(tiers.begin(), tiers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      offers[region].insert(priced.offer);
      const int given = static_cast<int>(tiers.size());
      if (given == 0) continue;  // (a slot is only claimed with its first tier)
      for (int i = 0; i < info->key_count; ++i) {
        // More tiers in the file than keys: the last key takes the rest at its tier's price. Fewer: the cost model
        // stops at the tier without an end, and the keys after it repeat that tier for the overlay's completeness.
        const int from_file = std::min(i, given - 1);
        ImportedPrice price = tiers[static_cast<std::size_t>(from_file)].second;
        if (info->key_count == 1) {
          price.tier_from.reset();
          price.tier_to.reset();
          if (given > 1) price.note = fmt::format("the first of {} tiers in the file", given);
        } else if (i == info->key_count - 1 && given > info->key_count) {
          price.tier_to.reset();
          price.note = fmt::format("the file has {} tiers; this key takes tier {} and above", given, i + 1);
        } else if (i >= given) {
          price.note = fmt::format("the file has {} tier{}; the cost model stops at tier {}", given,
                                   given == 1 ? "" : "s", given);
        }
        if (!price.tier_from) price.tier_from = info->key_count > 1 ? std::optional(0.0) : std::nullopt;
        into.prices.emplace(std::string(info->keys[static_cast<std::size_t>(i)]), std::move(price));
      }
    }
  }
  for (const auto& [region, by_name] : m_linux) {
    auto& into = out[region];
    std::map<std::string, int> licence_counts;  // per vCPU-hour, printed to 6 decimals -> instance types
    std::map<std::string, std::pair<std::string, std::string>> licence_example;  // -> type name, Windows SKU
    for (const auto& [name, linux] : by_name) {
      const Product& p = linux.product;
      const auto vcpu = number(p[Attr::vcpu]);
      const auto memory = gib(p[Attr::memory]);
      if (!vcpu || !memory || *vcpu <= 0 || *memory <= 0) continue;
      ImportedInstance instance;
      auto& t = instance.type;
      t.name = name;
      t.vcpu = *vcpu;
      t.memory_gib = *memory;
      t.gpus = static_cast<int>(number(p[Attr::gpu]).value_or(0));
      t.architecture = p[Attr::physicalprocessor].rfind("AWS Graviton", 0) == 0 ? "arm64" : "x86_64";
      t.burstable = burstable(name);
      t.usd_per_hour = linux.usd;
      t.source = source_of(linux.offer, linux.publication_date, linux.sku, p[Attr::usagetype]);
      t.collected = date_of(linux.publication_date);
      t.confidence = "DOC";
      if (t.gpus > 0) t.accelerator = fmt::format("{} GPU{}", t.gpus, t.gpus == 1 ? "" : "s");
      instance.sku = linux.sku;
      into.instances.push_back(std::move(instance));
      offers[region].insert(linux.offer);
      // Windows's licence per vCPU-hour: what a Windows instance costs above the same Linux one.
      const auto windows_region = m_windows.find(region);
      if (windows_region == m_windows.end()) continue;
      const auto windows = windows_region->second.find(name);
      if (windows == windows_region->second.end() || windows->second.usd <= linux.usd) continue;
      const auto per_vcpu = fmt::format("{:.6f}", (windows->second.usd - linux.usd) / *vcpu);
      if (++licence_counts[per_vcpu] == 1) licence_example[per_vcpu] = {name, windows->second.sku};
    }
    if (licence_counts.empty()) continue;
    // The most common value (most types price the licence alike; burstable types differ); ties to the lower.
    const auto best = std::max_element(licence_counts.begin(), licence_counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto& [example_name, windows_sku] = licence_example[best->first];
    const auto& example = by_name.at(example_name);
    ImportedPrice price;
    price.usd = number(best->first).value_or(0);
    price.sku = windows_sku;
    price.usage_type = example.product[Attr::usagetype];
    price.offer = example.offer;
    price.publication_date = example.publication_date;
    price.note = fmt::format(
        "Windows less Linux per vCPU-hour, the most common value over {} of {} instance types (here {}: Windows SKU "
        "{}, Linux SKU {})",
        best->second, by_name.size(), example_name, windows_sku, example.sku);
    into.prices.emplace("ec2.windows.license_vcpu_hour", std::move(price));
  }
  for (auto& [region, names] : offers) out[region].offers.assign(names.begin(), names.end());
  return out;
}

}  // namespace caas::pricelist

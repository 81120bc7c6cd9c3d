#pragma once
// Prices as data (rules/pricing/*.yaml, embedded, overridable with --pricing), and the monthly cost of running a
// workload on a target, as line items a reader can check by hand. See docs/cost-model.md.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/model/workload_profile.hpp"
#include "caas/util/messages.hpp"
#include "caas/util/result.hpp"

namespace caas::cost {

// One price: its value, unit, where it came from, when, and how sure we are.
struct Price {
  double usd = 0;    // dollars per unit; for a discount the percentage off, for a size the number (see unit)
  std::string unit;  // "GB-second", "vCPU-hour", "1M requests", "percent off", "GiB"
  std::string source;
  std::string collected;            // date
  std::string confidence;           // DOC | AWS-BLOG | SECONDARY | UNCONFIRMED | assumption
  std::optional<double> tier_from;  // tiered prices: the tier's bounds per month, in the unit's quantity
  std::optional<double> tier_to;    // absent for the last tier
  std::string note;

  bool operator==(const Price&) const = default;
};

struct InstanceType {
  std::string name;  // "m7g.large"
  double vcpu = 0;
  double memory_gib = 0;
  int gpus = 0;
  std::string architecture;  // x86_64 | arm64
  bool burstable = false;
  double usd_per_hour = 0;
  std::string confidence;
  std::string source;
  std::string collected;
  std::string accelerator;  // "1× T4 16 GB"; empty when none
  std::string note;

  bool operator==(const InstanceType&) const = default;
};

// Price tables by region; each holds named prices and EC2 instance types. The shape is documented in
// docs/cost-model.md; missing prices are load errors.
struct RegionPrices {
  std::string region;
  std::map<std::string, Price, std::less<>> prices;  // "lambda.requests", "fargate.x86_64.vcpu_hour", ...
  std::vector<InstanceType> instances;
  double price(std::string_view key) const;  // a missing key is a bug (validated at load)
  bool operator==(const RegionPrices&) const = default;
};

struct PriceTable {
  std::string date;  // reported as pricing_date
  std::map<std::string, RegionPrices, std::less<>> regions;
  // Scoring parameters (cost-v1 "Cost in the score").
  double weight_low = 1, weight_medium = 2, weight_high = 4;
  double materiality_usd = 5;
  // Which scoring values a file gave (an overlay may give only some); merge takes only those.
  bool weights_given = true, materiality_given = true;

  const RegionPrices* find_region(std::string_view region) const;
  std::vector<std::string> region_names() const;
  bool operator==(const PriceTable&) const = default;
};

// A complete price file: every price key the model needs, in every region (a missing one is a located error).
util::Result<PriceTable> load_prices(std::string_view text, const std::string& file);
// A --pricing file, to merge over `base`: it may give only the keys, instances, scoring values and date it changes;
// a region that `base` lacks must be complete. Keys, units and instances are checked as in load_prices.
util::Result<PriceTable> load_price_overlay(std::string_view text, const std::string& file, const PriceTable& base);
// Overrides by key (and instance name); the overlay's date wins when it gives one.
void merge(PriceTable& base, PriceTable overlay);

// The one check of a region code against the prices in effect (built in, and --pricing): nullopt when the table
// prices it; otherwise the problem to report (`unknown-region`, with a did-you-mean), which stops the run with exit 2
// wherever the region was given (a workload, --region, a project configuration), so that no report goes without costs.
std::optional<util::Problem> check_region(const PriceTable& table, std::string_view region);

// What `pricing regions` says of a region: when its prices were collected (oldest and newest `collected` of its
// prices and instance types) and how many of them carry each confidence.
struct RegionSummary {
  std::string region;
  std::string oldest, newest;
  std::map<std::string, int, std::less<>> confidence;  // "DOC" -> 2, "SECONDARY" -> 12, ...
  int prices = 0;
  int instances = 0;
};
RegionSummary summarize_region(const RegionPrices& region);

// Every price key the cost model reads, in the order of the built-in price file.
std::vector<std::string_view> price_key_names();
// How a price key's amount is written and read: "usd" (dollars per unit), "percent" (off) or "value" (a number).
std::string_view amount_kind(std::string_view key);

// How the note of a price begins when an overlay made by `pricing import` took it from the built-in table because
// the imported files do not carry it; an estimate states each such price it uses as an assumption.
inline constexpr std::string_view k_fallback_note = "not in the imported Price List files: ";

// A target's monthly cost, or why there is none.
struct TargetCost {
  std::optional<model::CostEstimate> estimate;
  std::string unknown_reason;
};

// How to price, as the user (not the workload) decides: set by `--free-tier`, and by a project's configuration.
struct CostSettings {
  bool free_tier = false;  // apply the always-free monthly allowances (Lambda, data transfer out)
};

// Traffic (requests_per_month or runs_per_month, and peak_rps with it) is multiplied by `traffic_scale`;
// the break-even search and the cost table move it. Deterministic and pure.
TargetCost estimate_cost(const model::WorkloadProfile& profile, std::string_view target, const RegionPrices& prices,
                         double traffic_scale = 1.0, const CostSettings& settings = {});

// The target ids estimate_cost knows, in report order: "lambda", "fargate", "ec2".
const std::vector<std::string_view>& cost_targets();

// What the cost model reads from a profile, read once: the break-even search calls the model ~100 times per
// workload, so it reads the profile once and then asks only for totals.
enum class WorkloadKind { service, worker, job, function };
enum class Architecture { x86_64, arm64, any };
enum class Commitment { none, one_year, three_years };
enum class Pattern { unknown, steady, diurnal, spiky, unpredictable, scheduled, rare };
// What clients reach (network.front_door); `unset` when the workload does not say, and the target's default applies.
enum class FrontDoor { unset, api_gateway_http, api_gateway_rest, api_gateway_websocket, function_url, alb, nlb, none };

struct CostInputs {
  WorkloadKind kind = WorkloadKind::service;
  bool windows = false;
  Architecture architecture = Architecture::any;
  std::optional<double> cpu;                // vCPUs
  std::optional<double> memory;             // bytes
  std::optional<double> ephemeral_storage;  // bytes
  double gpus = 0;
  std::optional<double> duration;  // execution.duration.typical, seconds
  double concurrency = 1;
  bool concurrency_written = false;
  std::optional<double> requests_per_month;
  std::optional<double> runs_per_month;
  std::optional<double> peak_rps;
  Pattern pattern = Pattern::unknown;
  bool latency_target = false;  // latency.p99 known, or cold_start_sensitive
  bool cold_start_sensitive = false;
  bool high_availability = false;
  Commitment commitment = Commitment::none;
  bool interruptible = false;
  bool http = false;
  bool websocket = false;
  bool grpc = false;
  bool tcp = false;
  std::optional<double> request_size;   // bytes per request
  std::optional<double> response_size;  // bytes per response
  std::optional<double> p99;            // seconds
  std::optional<double> provisioned_count;
  std::optional<double> provisioned_hours;  // per month
  FrontDoor front_door = FrontDoor::unset;
  bool nat_gateway = false;
  bool free_tier = false;  // CostSettings::free_tier
};

CostInputs read_cost_inputs(const model::WorkloadProfile& profile, const CostSettings& settings = {});

// The same estimate from inputs read once.
TargetCost estimate_cost(const CostInputs& inputs, std::string_view target, const RegionPrices& prices,
                         double traffic_scale = 1.0);

// Only the monthly total (exactly estimate_cost's monthly_usd), without line items, text or allocation; nullopt
// when the cost is unknown or the target is not one of cost_targets(). For the break-even search.
std::optional<double> estimate_monthly_usd(const CostInputs& inputs, std::string_view target,
                                           const RegionPrices& prices, double traffic_scale = 1.0);

// A tiered price, read once: each tier's price for the usage a month from `from` up to `to` (the last tier has no
// end). An untiered price is one tier from 0.
struct Tiers {
  struct Tier {
    double from = 0;
    double to = 0;  // infinity for the last tier
    double price = 0;
  };
  std::array<Tier, 4> tier{};
  int count = 0;
};

// The prices one target's estimate reads, looked up by key once; zero where the workload does not use them.
struct PreparedPrices {
  double requests = 0;           // Lambda, per 1M requests
  Tiers duration;                // Lambda on-demand GB-seconds, by tier
  double compute = 0;            // Lambda GB-second of provisioned concurrency; Fargate vCPU-hour
  double compute_memory = 0;     // Lambda GB-second run on provisioned concurrency; Fargate GB-hour
  double ephemeral = 0;          // Lambda GB-second, Fargate GB-hour above what is included
  double licence_vcpu_hour = 0;  // Windows, on Fargate or EC2
  double root_volume_gib = 0;    // EC2
  double gp3_gib_month = 0;      // EC2
  bool spot = false;             // Spot is on offer to this workload (interruptible, and the target sells it)
  double spot_percent = 0;
  double savings_plan_percent = 0;     // for the workload's commitment term
  Tiers door_requests;                 // API Gateway per 1M requests (HTTP, REST) or WebSocket messages
  double door_connection_minutes = 0;  // API Gateway WebSocket, per 1M connection-minutes
  double lb_hour = 0;                  // ALB- or NLB-hour
  double lb_capacity_hour = 0;         // LCU- or NLCU-hour
  Tiers data_transfer;                 // data transfer out to the internet, per GB
  double free_requests = 0;            // with the free tier: Lambda requests a month
  double free_gb_seconds = 0;          // with the free tier: Lambda GB-seconds a month
  double free_transfer_gb = 0;         // with the free tier: GB of data transfer out a month
  double ipv4_hour = 0;
  double nat_hour = 0;
};

// Everything about one target's cost that does not depend on traffic, worked out once: the break-even search asks
// for 100 to 250 totals of the same workload at different traffic. It points into the price table it was prepared
// from (the EC2 instance type), which must outlive it and stay unchanged.
struct PreparedCost {
  CostInputs inputs;
  int target = -1;        // index into cost_targets(); -1 when the target has no cost model
  bool fits = true;       // false when nothing the target sells covers the workload (a GPU, task size, type)
  double vcpu = 0;        // Fargate: the task size
  double memory_mib = 0;  // Lambda: the function's memory; Fargate: the task size
  const InstanceType* instance = nullptr;  // EC2: the cheapest fitting type
  FrontDoor front_door = FrontDoor::none;  // what this target puts in front of the workload
  PreparedPrices prices;
};

PreparedCost prepare_cost(const CostInputs& inputs, std::string_view target, const RegionPrices& prices);

// Exactly estimate_monthly_usd(inputs, target, prices, traffic_scale) for what `prepared` was prepared from.
std::optional<double> estimate_monthly_usd(const PreparedCost& prepared, double traffic_scale = 1.0);

}  // namespace caas::cost

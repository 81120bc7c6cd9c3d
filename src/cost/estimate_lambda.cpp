// Lambda: requests, GB-seconds by the millisecond at the architecture's tiered prices, ephemeral storage,
// provisioned concurrency when the workload asks for it or its latency needs it, the Compute Savings Plan, the free
// tier when asked for, and the network around it (cost-v1 "Lambda", docs/cost-model.md).
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>

#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "estimate_common.hpp"

namespace caas::cost {
namespace {

// Lambda gives one vCPU per 1,769 MiB and sells 128 to 10,240 MiB.
constexpr double k_mib_per_vcpu = 1769;
constexpr double k_min_memory_mib = 128;
constexpr double k_max_memory_mib = 10240;
constexpr double k_free_ephemeral_mib = 512;

double function_memory_mib(const CostInputs& in, Bill& bill) {
  double mib = k_default_memory_mib;
  if (in.memory)
    mib = *in.memory / k_mib;
  else
    bill.assume("resources.memory", "512MiB", "the default memory for cost");
  if (in.cpu && *in.cpu * k_mib_per_vcpu > mib) {
    mib = *in.cpu * k_mib_per_vcpu;
    if (bill.detailed())
      bill.assume("resources.memory", fmt::format("{} MiB", util::format_number(std::ceil(mib - 1e-9))),
                  fmt::format("raised to give {} vCPU: Lambda gives one vCPU per 1,769 MiB of memory",
                              util::format_number(*in.cpu)));
  }
  mib = std::ceil(mib - 1e-9);
  if (mib < k_min_memory_mib || mib > k_max_memory_mib) {
    mib = std::clamp(mib, k_min_memory_mib, k_max_memory_mib);
    if (bill.detailed())
      bill.assume("resources.memory", fmt::format("{} MiB", util::format_number(mib)),
                  "Lambda memory is set between 128 and 10,240 MiB (10,240 MiB is about 6 vCPU)");
  }
  return mib;
}

Architecture function_architecture(const CostInputs& in) {
  return in.architecture == Architecture::x86_64 ? Architecture::x86_64 : Architecture::arm64;
}

// Lambda bills each invocation's duration rounded up to the millisecond.
double billed_duration(double seconds) { return std::max(1.0, std::ceil(seconds * 1000 - 1e-6)) / 1000; }

// A latency target under 100 ms cannot absorb a cold start: its remedy on Lambda is provisioned concurrency.
constexpr double k_latency_needing_warm_environments = 0.1;

// Provisioned concurrency as the workload gives it, or as its latency needs it.
struct Provisioned {
  double count = 0;
  double hours = 0;  // a month, rounded up to AWS's five minutes, at most 730
  bool derived = false;
};

bool latency_needs_warm(const CostInputs& in) {
  return in.cold_start_sensitive || (in.p99 && *in.p99 < k_latency_needing_warm_environments);
}

std::optional<Provisioned> provisioned_concurrency(const CostInputs& in, double invocations, double duration) {
  const bool given = in.provisioned_count.has_value() || in.provisioned_hours.has_value();
  if (!given && !latency_needs_warm(in)) return std::nullopt;
  Provisioned pc;
  if (in.provisioned_count) {
    pc.count = *in.provisioned_count;
  } else {
    // The average concurrency, at least one environment.
    pc.count = std::max(1.0, whole_count(invocations / k_seconds_per_month * duration));
    pc.derived = true;
  }
  const double hours = std::min(in.provisioned_hours.value_or(k_hours_per_month), k_hours_per_month);
  pc.hours = std::ceil(hours * 12 - 1e-9) / 12;
  if (pc.count <= 0 || pc.hours <= 0) return std::nullopt;
  return pc;
}

std::string format_hours(double hours) { return util::format_number(std::round(hours * 1000) / 1000); }

void assume_provisioned(const CostInputs& in, const Provisioned& pc, double capacity, Bill& bill) {
  const bool given = in.provisioned_count || in.provisioned_hours;
  const std::string_view field = given                     ? "latency.provisioned_concurrency"
                                 : in.cold_start_sensitive ? "latency.cold_start_sensitive"
                                                           : "latency.p99";
  std::string value;
  if (given)
    value = fmt::format("{} for {} hours", util::format_number(pc.count), format_hours(pc.hours));
  else if (in.cold_start_sensitive)
    value = "true";
  else
    value = util::format_quantity(*in.p99, util::Kind::duration);
  std::string why = pc.derived ? "provisioned concurrency for the average concurrency (requests/s × duration, "
                                 "rounded up, at least 1)"
                               : "provisioned concurrency as the workload gives it";
  if (!in.provisioned_hours) why += ", all month";
  if (field == "latency.p99") why += "; a latency target under 100 ms leaves no room for cold starts";
  why += fmt::format(
      "; it serves up to {} invocations in its hours (taken to be the hours the traffic comes in), "
      "and the rest run on demand",
      format_count(capacity));
  bill.assume(field, value, why);
}

void assume_pricing(const CostInputs& in, Bill& bill) {
  bill.assume("pricing.tiers", "this workload's usage",
              "tiered prices (Lambda duration, API Gateway requests, data transfer out) are applied to this "
              "workload's usage alone; the account's other usage can only move more of it into cheaper tiers");
  if (in.free_tier)
    bill.assume("pricing.free_tier", "applied",
                "the always-free monthly allowances (1M requests and 400,000 GB-seconds of Lambda, 100 GB of data "
                "transfer out) counted for this workload alone; provisioned concurrency has none");
  else
    bill.assume("pricing.free_tier", "not applied",
                "the free tier is per account, not per workload (--free-tier applies its monthly allowances)");
  bill.assume("lambda.init", "not billed separately",
              "init time of cold starts is billed, but cold starts are under 1 % of invocations");
}

}  // namespace

void prepare_lambda(PreparedCost& prepared, const RegionPrices& prices) {
  const auto& in = prepared.inputs;
  // No GPUs: unknown at any traffic, so nothing to look up.
  prepared.fits = !(in.gpus > 0);
  if (!prepared.fits) return;
  Bill silent(Detail::total_only);
  prepared.memory_mib = function_memory_mib(in, silent);
  const std::size_t a = arch_index(function_architecture(in));
  auto& out = prepared.prices;
  out.requests = prices.price(k_lambda_requests);
  const std::array<std::string_view, 3> duration_keys = {k_lambda_duration[0][a], k_lambda_duration[1][a],
                                                         k_lambda_duration[2][a]};
  out.duration = read_tiers(prices, duration_keys.data(), duration_keys.size());
  out.compute = prices.price(k_lambda_provisioned[a]);
  out.compute_memory = prices.price(k_lambda_provisioned_duration[a]);
  if (in.ephemeral_storage) out.ephemeral = prices.price(k_lambda_ephemeral);
  if (in.free_tier) {
    out.free_requests = prices.price(k_lambda_free_requests);
    out.free_gb_seconds = prices.price(k_lambda_free_gb_seconds);
  }
  prepare_discounts(in, prices, {{}, k_lambda_savings_plan, {}}, out);
  prepared.front_door = resolve_front_door(in, TargetKind::lambda);
  prepare_network(in, prepared.front_door, TargetKind::lambda, prices, out);
}

bool estimate_lambda(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason,
                     std::string& summary) {
  const auto& in = prepared.inputs;
  const auto& prices = prepared.prices;
  if (in.gpus > 0) return unknown(bill, reason, "Lambda offers no GPUs");
  const bool job = in.kind == WorkloadKind::job;
  const auto events = monthly_events(in, scale);
  // Lambda bills per request: without traffic there is no honest estimate (its "always-on minimum" would be $0,
  // which would win the cost term by default), so the cost is unknown and the cost term drops out for all.
  if (!events)
    return unknown(bill, reason,
                   job ? "a job's cost on Lambda needs traffic.runs_per_month"
                       : "Lambda bills per request: its cost needs traffic.requests_per_month");
  const double invocations = *events;
  double written = 0;
  if (in.duration) {
    written = *in.duration;
  } else if (in.kind == WorkloadKind::service) {
    written = k_default_service_duration;
    bill.assume("execution.duration.typical", "100ms", "the default time per request for a service's cost");
  } else {
    return unknown(bill, reason, "Lambda's cost needs execution.duration.typical (the time per invocation)");
  }
  const double duration = billed_duration(written);
  if (bill.detailed() && duration != written)
    bill.assume("execution.duration.typical", util::format_quantity(duration, util::Kind::duration),
                "Lambda bills each invocation's duration rounded up to the millisecond");

  // The same function both times; in full mode it also writes its assumptions.
  const double mib = bill.detailed() ? function_memory_mib(in, bill) : prepared.memory_mib;
  const double gb = mib / 1024;
  const Architecture arch = function_architecture(in);
  const std::string_view arch_text = arch_name(arch);
  if (in.architecture == Architecture::any)
    bill.assume("resources.architecture", "arm64", "any architecture will do, and arm64 is cheaper on Lambda");

  const double free_requests = prices.free_requests;
  bill.add("requests", free_requests > 0 ? "after the free tier" : "", std::max(0.0, invocations - free_requests) / 1e6,
           "1M requests", prices.requests);

  // Provisioned environments serve what they can (the schedule is taken to cover the hours the traffic comes in);
  // the rest runs on demand.
  double on_demand = invocations;
  const auto pc = provisioned_concurrency(in, invocations, duration);
  if (pc) {
    const double seconds = pc->hours * 3600;
    const double capacity = pc->count * seconds / duration;
    const double served = std::min(invocations, capacity);
    on_demand = invocations - served;
    std::string qualifier;
    if (bill.detailed()) {
      qualifier = fmt::format("{} × {} MiB", util::format_number(pc->count), util::format_number(mib));
      if (pc->hours < k_hours_per_month) qualifier += fmt::format(" for {} hours", format_hours(pc->hours));
      qualifier += fmt::format(", {}", arch_text);
      assume_provisioned(in, *pc, capacity, bill);
    }
    bill.add("provisioned concurrency", qualifier, pc->count * gb * seconds, "GB-second", prices.compute,
             Share::compute);
    bill.add("compute on provisioned concurrency", arch_text, served * duration * gb, "GB-second",
             prices.compute_memory, Share::compute);
  }
  if (!pc || on_demand > 0) {
    std::string qualifier(arch_text);
    if (prices.free_gb_seconds > 0) qualifier += ", after the free tier";
    add_tiered(bill, "compute", qualifier, on_demand * duration * gb, prices.free_gb_seconds, 1, "GB-second",
               prices.duration, Share::compute);
  }
  if (in.ephemeral_storage) {
    const double extra_mib = std::min(*in.ephemeral_storage / k_mib, k_max_memory_mib) - k_free_ephemeral_mib;
    if (extra_mib > 0)
      bill.add("ephemeral storage above 512 MB", {}, invocations * duration * extra_mib / 1024, "GB-second",
               prices.ephemeral);
  }
  apply_discounts(in, prices, "Compute Savings Plan", bill);
  add_network(in, prepared.front_door, {invocations, 0, true}, prices, bill);

  if (!bill.detailed()) return true;
  assume_pricing(in, bill);
  summary = fmt::format("{} {} × {} at {} MiB ({})", format_count(invocations), job ? "runs" : "requests",
                        util::format_quantity(duration, util::Kind::duration), util::format_number(mib), arch_text);
  if (pc) {
    summary += fmt::format(", {} provisioned", util::format_number(pc->count));
    if (pc->hours < k_hours_per_month) summary += fmt::format(" for {} hours", format_hours(pc->hours));
  }
  return true;
}

}  // namespace caas::cost

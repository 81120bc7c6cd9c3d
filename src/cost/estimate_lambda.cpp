// Lambda: requests, GB-seconds at the architecture's first-tier price, ephemeral storage, provisioned concurrency
// when cold starts matter, the Compute Savings Plan, and API Gateway in front (cost-v1 "Lambda", "Front door").
#include <fmt/format.h>
#include <algorithm>
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

void add_api_gateway(const CostInputs& in, double invocations, const PreparedPrices& prices, Bill& bill) {
  const double millions = invocations / 1e6;
  if (in.websocket) {
    bill.add("API Gateway WebSocket messages", {}, millions, "1M messages", prices.front_door);
    bill.add("API Gateway WebSocket connection-minutes", {}, millions, "1M connection-minutes",
             prices.front_door_capacity);
    bill.assume("front_door", "API Gateway WebSocket API",
                "one message per request, and one connection-minute per message (a connected client sends about "
                "one message a minute); HTTP requests of the same workload are not priced separately");
  } else if (in.http) {
    bill.add("API Gateway HTTP API", {}, millions, "1M requests", prices.front_door);
    bill.assume("front_door", "API Gateway HTTP API",
                "http triggers need a front door; its first price tier (up to 300M requests a month)");
  }
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
  if (in.cold_start_sensitive) {
    out.compute = prices.price(k_lambda_provisioned[a]);
    out.compute_memory = prices.price(k_lambda_provisioned_duration[a]);
  } else {
    out.compute = prices.price(k_lambda_duration[a]);
  }
  if (in.ephemeral_storage) out.ephemeral = prices.price(k_lambda_ephemeral);
  prepare_discounts(in, prices, {{}, k_lambda_savings_plan, {}}, out);
  if (in.websocket) {
    out.front_door = prices.price(k_apigw_ws_messages);
    out.front_door_capacity = prices.price(k_apigw_ws_connection_minutes);
  } else if (in.http) {
    out.front_door = prices.price(k_apigw_http);
  }
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
  double duration = 0;
  if (in.duration) {
    duration = *in.duration;
  } else if (in.kind == WorkloadKind::service) {
    duration = k_default_service_duration;
    bill.assume("execution.duration.typical", "100ms", "the default time per request for a service's cost");
  } else {
    return unknown(bill, reason, "Lambda's cost needs execution.duration.typical (the time per invocation)");
  }

  // The same function both times; in full mode it also writes its assumptions.
  const double mib = bill.detailed() ? function_memory_mib(in, bill) : prepared.memory_mib;
  const double gb = mib / 1024;
  const Architecture arch = function_architecture(in);
  if (in.architecture == Architecture::any)
    bill.assume("resources.architecture", "arm64", "any architecture will do, and arm64 is cheaper on Lambda");

  bill.add("requests", {}, invocations / 1e6, "1M requests", prices.requests);
  const double gb_seconds = invocations * duration * gb;
  double provisioned = 0;
  if (in.cold_start_sensitive) {
    // Provisioned concurrency covers the average concurrency; the invocations then run at the lower on-PC price.
    provisioned = std::max(1.0, whole_count(invocations / k_seconds_per_month * duration));
    std::string qualifier;
    if (bill.detailed())
      qualifier =
          fmt::format("{} × {} MiB, {}", util::format_number(provisioned), util::format_number(mib), arch_name(arch));
    bill.add("provisioned concurrency", qualifier, provisioned * gb * k_seconds_per_month, "GB-second", prices.compute,
             Share::compute);
    bill.add("compute on provisioned concurrency", arch_name(arch), gb_seconds, "GB-second", prices.compute_memory,
             Share::compute);
    bill.assume("latency.cold_start_sensitive", "true",
                "provisioned concurrency for the average concurrency (requests/s × duration, rounded up, at least 1), "
                "all month");
  } else {
    bill.add("compute", arch_name(arch), gb_seconds, "GB-second", prices.compute, Share::compute);
  }
  if (in.ephemeral_storage) {
    const double extra_mib = std::min(*in.ephemeral_storage / k_mib, k_max_memory_mib) - k_free_ephemeral_mib;
    if (extra_mib > 0)
      bill.add("ephemeral storage above 512 MB", {}, invocations * duration * extra_mib / 1024, "GB-second",
               prices.ephemeral);
  }
  apply_discounts(in, prices, "Compute Savings Plan", bill);
  add_api_gateway(in, invocations, prices, bill);

  if (!bill.detailed()) return true;
  bill.assume("pricing.tiers", "first tier",
              "Lambda's duration tiers (and API Gateway's) count an account's whole usage, not one workload's");
  bill.assume("pricing.free_tier", "not applied", "the free tier is per account, not per workload");
  bill.assume("lambda.init", "not billed separately",
              "init time of cold starts is billed, but cold starts are under 1 % of invocations");
  summary = events ? fmt::format("{} {} × {} at {} MiB ({})", format_count(invocations), job ? "runs" : "requests",
                                 util::format_quantity(duration, util::Kind::duration), util::format_number(mib),
                                 arch_name(arch))
                   : fmt::format("idle (no traffic given) at {} MiB ({})", util::format_number(mib), arch_name(arch));
  if (provisioned > 0) summary += fmt::format(", {} provisioned", util::format_number(provisioned));
  return true;
}

}  // namespace caas::cost

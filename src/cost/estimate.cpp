// The cost model's entry points: reading a profile once, dispatching to a target's estimator, and the parts the
// targets share. See docs/cost-model.md for the formulas.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <utility>

#include "caas/model/field_catalogue.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "estimate_common.hpp"

namespace caas::cost {
namespace {

// Catalogue indices of the fields the model reads, looked up once.
struct FieldIndex {
  std::size_t kind, os, architecture, cpu, memory, ephemeral, gpu, duration, concurrency, requests, runs, peak, pattern,
      p99, cold_start, availability, commitment, interruptible, triggers, request_size, response_size,
      provisioned_count, provisioned_hours, front_door, nat_gateway;
};

const FieldIndex& field_index() {
  static const FieldIndex k_index = [] {
    const auto at = [](std::string_view path) { return model::find_field(path).value(); };
    return FieldIndex{at("kind"),
                      at("runtime.os"),
                      at("resources.architecture"),
                      at("resources.cpu"),
                      at("resources.memory"),
                      at("resources.ephemeral_storage"),
                      at("resources.gpu"),
                      at("execution.duration.typical"),
                      at("execution.concurrency"),
                      at("traffic.requests_per_month"),
                      at("traffic.runs_per_month"),
                      at("traffic.peak_rps"),
                      at("traffic.pattern"),
                      at("latency.p99"),
                      at("latency.cold_start_sensitive"),
                      at("operations.availability"),
                      at("cost.commitment"),
                      at("cost.interruptible"),
                      at("triggers"),
                      at("traffic.request_size"),
                      at("traffic.response_size"),
                      at("latency.provisioned_concurrency.count"),
                      at("latency.provisioned_concurrency.hours_per_month"),
                      at("network.front_door"),
                      at("network.nat_gateway")};
  }();
  return k_index;
}

std::optional<double> number_of(const model::FieldValue& field) {
  const auto& v = field.value;
  if (!v.is_known() || v.kind == util::Kind::string || v.kind == util::Kind::list) return std::nullopt;
  return v.number;
}

std::string_view text_of(const model::FieldValue& field) {
  return field.value.kind == util::Kind::string ? std::string_view(field.value.text) : std::string_view();
}

// Indices into cost_targets().
enum TargetId { k_lambda = 0, k_fargate = 1, k_ec2 = 2 };

int find_target(std::string_view id) {
  if (id == "lambda") return k_lambda;
  if (id == "fargate") return k_fargate;
  if (id == "ec2") return k_ec2;
  return -1;
}

bool run(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason, std::string& summary) {
  // Negative or NaN scales are not traffic; treat them as none.
  scale = scale > 0 ? scale : 0;
  switch (prepared.target) {
    case k_lambda: return estimate_lambda(prepared, scale, bill, reason, summary);
    case k_fargate: return estimate_fargate(prepared, scale, bill, reason, summary);
    case k_ec2: return estimate_ec2(prepared, scale, bill, reason, summary);
    default: return false;
  }
}

}  // namespace

const std::vector<std::string_view>& cost_targets() {
  static const std::vector<std::string_view> k_ids = {"lambda", "fargate", "ec2"};
  return k_ids;
}

bool is_true(const model::FieldValue& field) {
  return field.value.kind == util::Kind::boolean && field.value.as_bool();
}

CostInputs read_cost_inputs(const model::WorkloadProfile& profile, const CostSettings& settings) {
  const auto& f = field_index();
  const auto& at = [&](std::size_t i) -> const model::FieldValue& { return profile.at(i); };
  CostInputs in;
  const auto kind = text_of(at(f.kind));
  in.kind = kind == "worker"     ? WorkloadKind::worker
            : kind == "job"      ? WorkloadKind::job
            : kind == "function" ? WorkloadKind::function
                                 : WorkloadKind::service;
  in.windows = text_of(at(f.os)) == "windows";
  const auto arch = text_of(at(f.architecture));
  in.architecture = arch == "x86_64" ? Architecture::x86_64 : arch == "arm64" ? Architecture::arm64 : Architecture::any;
  in.cpu = number_of(at(f.cpu));
  in.memory = number_of(at(f.memory));
  in.ephemeral_storage = number_of(at(f.ephemeral));
  in.gpus = number_of(at(f.gpu)).value_or(0);
  in.duration = number_of(at(f.duration));
  in.concurrency = std::max(1.0, number_of(at(f.concurrency)).value_or(1));
  in.concurrency_written = at(f.concurrency).origin == model::Origin::written;
  in.requests_per_month = number_of(at(f.requests));
  in.runs_per_month = number_of(at(f.runs));
  in.peak_rps = number_of(at(f.peak));
  const auto pattern = text_of(at(f.pattern));
  constexpr std::pair<std::string_view, Pattern> k_patterns[] = {
      {"steady", Pattern::steady},       {"diurnal", Pattern::diurnal},
      {"spiky", Pattern::spiky},         {"unpredictable", Pattern::unpredictable},
      {"scheduled", Pattern::scheduled}, {"rare", Pattern::rare}};
  for (const auto& [name, value] : k_patterns)
    if (pattern == name) in.pattern = value;
  in.cold_start_sensitive = is_true(at(f.cold_start));
  in.p99 = number_of(at(f.p99));
  in.latency_target = in.cold_start_sensitive || in.p99.has_value();
  in.high_availability = text_of(at(f.availability)) == "high";
  const auto commitment = text_of(at(f.commitment));
  in.commitment = commitment == "1y"   ? Commitment::one_year
                  : commitment == "3y" ? Commitment::three_years
                                       : Commitment::none;
  in.interruptible = is_true(at(f.interruptible));
  for (const auto& trigger : at(f.triggers).value.items) {
    in.http = in.http || trigger.text == "http";
    in.websocket = in.websocket || trigger.text == "websocket";
    in.grpc = in.grpc || trigger.text == "grpc";
    in.tcp = in.tcp || trigger.text == "tcp";
  }
  in.request_size = number_of(at(f.request_size));
  in.response_size = number_of(at(f.response_size));
  in.provisioned_count = number_of(at(f.provisioned_count));
  in.provisioned_hours = number_of(at(f.provisioned_hours));
  constexpr std::pair<std::string_view, FrontDoor> k_doors[] = {{"api-gateway-http", FrontDoor::api_gateway_http},
                                                                {"api-gateway-rest", FrontDoor::api_gateway_rest},
                                                                {"function-url", FrontDoor::function_url},
                                                                {"alb", FrontDoor::alb},
                                                                {"nlb", FrontDoor::nlb},
                                                                {"none", FrontDoor::none}};
  const auto door = text_of(at(f.front_door));
  for (const auto& [name, value] : k_doors)
    if (door == name) in.front_door = value;
  in.nat_gateway = is_true(at(f.nat_gateway));
  in.free_tier = settings.free_tier;
  return in;
}

namespace {

// The prices this estimate may have read that an imported overlay took from the built-in table (their note says so),
// stated as one assumption: the reader should know which numbers did not come from AWS's files.
void assume_fallback_prices(const PreparedCost& prepared, const RegionPrices& prices, Bill& bill) {
  const CostInputs& in = prepared.inputs;
  const std::string_view target = cost_targets()[static_cast<std::size_t>(prepared.target)];
  std::vector<std::string_view> groups = {target == "lambda"    ? "lambda."
                                          : target == "fargate" ? "fargate."
                                                                : "ec2.",
                                          "data_transfer."};
  if (target != "lambda") groups.emplace_back("public_ipv4.");
  if (in.nat_gateway) groups.emplace_back("nat_gateway.");
  switch (prepared.front_door) {
    case FrontDoor::api_gateway_http: groups.emplace_back("apigw.http."); break;
    case FrontDoor::api_gateway_rest:
      groups.emplace_back("apigw.rest.");
      groups.emplace_back("nlb.");
      break;
    case FrontDoor::api_gateway_websocket: groups.emplace_back("apigw.websocket."); break;
    case FrontDoor::alb: groups.emplace_back("alb."); break;
    case FrontDoor::nlb: groups.emplace_back("nlb."); break;
    default: break;
  }
  const auto used = [&](std::string_view key) {
    if (key.find("savings_plan") != std::string_view::npos) return in.commitment != Commitment::none;
    if (key.find("spot") != std::string_view::npos) return in.interruptible;
    if (key.find("free_tier") != std::string_view::npos) return in.free_tier;
    if (key.find("windows") != std::string_view::npos) return in.windows;
    return std::any_of(groups.begin(), groups.end(), [&](std::string_view g) { return key.rfind(g, 0) == 0; });
  };
  std::vector<std::string> keys;
  std::string from;
  for (const auto& [key, price] : prices.prices) {
    if (price.note.rfind(k_fallback_note, 0) != 0 || !used(key)) continue;
    keys.push_back(key);
    if (from.empty()) from = price.note.substr(k_fallback_note.size());
  }
  if (prepared.instance && prepared.instance->note.rfind(k_fallback_note, 0) == 0) {
    keys.push_back("instance " + prepared.instance->name);
    if (from.empty()) from = prepared.instance->note.substr(k_fallback_note.size());
  }
  if (keys.empty()) return;
  std::string list;
  for (const auto& key : keys) list += (list.empty() ? "" : ", ") + key;
  from = from.substr(0, from.find(';'));
  bill.assume("pricing.fallback", fmt::format("{} price{}", keys.size(), keys.size() == 1 ? "" : "s"),
              fmt::format("not in the imported Price List files, so {}: {}", from, list));
}

}  // namespace

TargetCost estimate_cost(const CostInputs& inputs, std::string_view target, const RegionPrices& prices,
                         double traffic_scale) {
  TargetCost result;
  const auto prepared = prepare_cost(inputs, target, prices);
  if (prepared.target < 0) {
    result.unknown_reason = fmt::format("no cost model for target `{}`", target);
    return result;
  }
  Bill bill(Detail::full);
  std::string summary;
  if (!run(prepared, traffic_scale, bill, result.unknown_reason, summary)) return result;
  assume_fallback_prices(prepared, prices, bill);
  result.estimate = std::move(bill).finish(std::move(summary));
  return result;
}

TargetCost estimate_cost(const model::WorkloadProfile& profile, std::string_view target, const RegionPrices& prices,
                         double traffic_scale, const CostSettings& settings) {
  return estimate_cost(read_cost_inputs(profile, settings), target, prices, traffic_scale);
}

std::optional<double> estimate_monthly_usd(const CostInputs& inputs, std::string_view target,
                                           const RegionPrices& prices, double traffic_scale) {
  return estimate_monthly_usd(prepare_cost(inputs, target, prices), traffic_scale);
}

PreparedCost prepare_cost(const CostInputs& inputs, std::string_view target, const RegionPrices& prices) {
  PreparedCost prepared;
  prepared.inputs = inputs;
  prepared.target = find_target(target);
  switch (prepared.target) {
    case k_lambda: prepare_lambda(prepared, prices); break;
    case k_fargate: prepare_fargate(prepared, prices); break;
    case k_ec2: prepare_ec2(prepared, prices); break;
    default: break;
  }
  return prepared;
}

std::optional<double> estimate_monthly_usd(const PreparedCost& prepared, double traffic_scale) {
  if (prepared.target < 0 || !prepared.fits) return std::nullopt;
  Bill bill(Detail::total_only);
  std::string reason, summary;  // stay empty: nothing is written in total_only mode
  if (!run(prepared, traffic_scale, bill, reason, summary)) return std::nullopt;
  return bill.total();
}

// --- Parts the targets share -------------------------------------------------------------------------------------

std::string_view arch_name(Architecture arch) {
  switch (arch) {
    case Architecture::x86_64: return "x86_64";
    case Architecture::arm64: return "arm64";
    case Architecture::any: return "any";
  }
  return "any";
}

bool unknown(Bill& bill, std::string& reason, std::string_view why) {
  if (bill.detailed()) reason = std::string(why);
  return false;
}

std::optional<double> monthly_events(const CostInputs& in, double scale) {
  const auto& events = in.kind == WorkloadKind::job ? in.runs_per_month : in.requests_per_month;
  if (!events) return std::nullopt;
  return *events * scale;
}

double whole_count(double x) { return std::ceil(x - 1e-9); }

std::optional<Fleet> size_always_on(const CostInputs& in, double scale, Bill& bill, std::string& reason) {
  const double minimum = in.high_availability ? 2 : 1;
  const auto requests = monthly_events(in, scale);
  if (!requests) {
    if (in.kind == WorkloadKind::function) {
      unknown(bill, reason, "a function's cost needs traffic.requests_per_month");
      return std::nullopt;
    }
    if (bill.detailed())
      bill.assume("traffic.requests_per_month", "unknown",
                  fmt::format("without traffic the cost is the always-on minimum: {} running all month",
                              minimum == 2 ? "2 (availability high)" : "1"));
    return Fleet{minimum, 0};
  }
  double duration = 0;
  if (in.duration) {
    duration = *in.duration;
  } else if (in.kind == WorkloadKind::service) {
    duration = k_default_service_duration;
    bill.assume("execution.duration.typical", "100ms", "the default time per request for a service's cost");
  } else {
    unknown(bill, reason, "sizing the fleet needs execution.duration.typical (the time per request or event)");
    return std::nullopt;
  }
  const double average = *requests / k_seconds_per_month;
  const bool bursty = in.pattern == Pattern::spiky || in.pattern == Pattern::unpredictable;
  double rate = average;
  if (bursty && in.latency_target && in.peak_rps) {
    rate = *in.peak_rps * scale;
    if (bill.detailed())
      bill.assume("traffic.peak_rps", fmt::format("{} requests/s", util::format_number(rate)),
                  "the rate the fleet is sized for: bursts with a latency target cannot wait minutes for scaling out");
  } else if (bill.detailed()) {
    const char* why = !bursty ? "the rate the fleet is sized for: the monthly average"
                      : in.latency_target
                          ? "the rate the fleet is sized for: the monthly average, as peak_rps is not given"
                          : "the rate the fleet is sized for: the monthly average, as without a latency "
                            "target a queue absorbs the bursts";
    bill.assume("traffic.requests_per_month",
                fmt::format("{} requests/s average", util::format_number(std::round(average * 1000) / 1000)), why);
  }
  if (!in.concurrency_written)
    bill.assume("execution.concurrency", "1", "the default: each task or instance serves one request at a time");
  const double in_flight = rate * duration;
  return Fleet{std::max(minimum, whole_count(in_flight / (in.concurrency * k_target_utilisation))), average};
}

double billed_run_seconds(double seconds, double minimum) { return std::max(whole_count(seconds), minimum); }

std::optional<double> job_hours(const CostInputs& in, double scale, double minimum_seconds, Bill& bill,
                                std::string& reason) {
  const auto runs = monthly_events(in, scale);
  if (!runs) {
    unknown(bill, reason, "a job's cost needs traffic.runs_per_month");
    return std::nullopt;
  }
  if (!in.duration) {
    unknown(bill, reason, "a job's cost needs execution.duration.typical (the time of one run)");
    return std::nullopt;
  }
  const double billed = billed_run_seconds(*in.duration, minimum_seconds);
  if (bill.detailed() && billed != *in.duration)
    bill.assume("execution.duration.typical", util::format_quantity(billed, util::Kind::duration),
                billed == minimum_seconds && *in.duration < minimum_seconds
                    ? fmt::format("each run is billed for at least {}",
                                  minimum_seconds == k_minimum_run_seconds ? "a minute" : "five minutes (Windows)")
                    : "each run is billed by the second, rounded up");
  return *runs * billed / 3600;
}

void prepare_discounts(const CostInputs& in, const RegionPrices& prices, const DiscountKeys& keys,
                       PreparedPrices& out) {
  out.spot = in.interruptible && !keys.spot.empty();
  const bool plan = in.commitment != Commitment::none;
  const std::size_t term = in.commitment == Commitment::three_years ? 1 : 0;
  out.spot_percent = out.spot ? prices.price(keys.spot) : 0;
  out.savings_plan_percent = plan ? prices.price(keys.savings_plan[term]) : 0;
}

void apply_discounts(const CostInputs& in, const PreparedPrices& prices, std::string_view savings_plan_name,
                     Bill& bill) {
  const bool spot = prices.spot;
  const bool plan = in.commitment != Commitment::none;
  if (!spot && !plan) return;
  const std::size_t term = in.commitment == Commitment::three_years ? 1 : 0;
  const double spot_percent = prices.spot_percent;
  const double plan_percent = prices.savings_plan_percent;
  const std::string_view plan_item = term ? "3 years" : "1 year";
  if (spot && (!plan || spot_percent >= plan_percent)) {
    bill.discount("Spot", spot_percent);
    if (plan && bill.detailed())
      bill.assume("cost.commitment", term ? "3y" : "1y",
                  fmt::format("Spot and Savings Plans do not combine: Spot ({} % off) is cheaper than the {} ({} % "
                              "off) and applies",
                              util::format_number(spot_percent), savings_plan_name, util::format_number(plan_percent)));
    return;
  }
  if (bill.detailed()) {
    bill.discount(fmt::format("{}, {}", savings_plan_name, plan_item), plan_percent);
    if (spot)
      bill.assume("cost.interruptible", "true",
                  fmt::format("Spot and Savings Plans do not combine: the {} ({} % off) is cheaper than Spot ({} % "
                              "off) and applies",
                              savings_plan_name, util::format_number(plan_percent), util::format_number(spot_percent)));
  } else {
    bill.discount({}, plan_percent);
  }
}

std::string format_count(double count) {
  const auto rounded = [](double x, double per) { return util::format_number(std::round(x * per) / per); };
  if (count >= 1e6) return rounded(count / 1e6, 1000) + "M";
  if (count >= 1e3) return rounded(count / 1e3, 1000) + "k";
  return rounded(count, 100);
}

}  // namespace caas::cost

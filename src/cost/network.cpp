// The network around a workload, priced the same way for every target: the front door (API Gateway, a function URL
// or a load balancer, with its capacity units), data transfer out to the internet, a NAT gateway and public IPv4
// addresses. See docs/cost-model.md, "Front door" and "Always-on extras".
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "caas/util/text.hpp"
#include "estimate_common.hpp"

namespace caas::cost {
namespace {

// Load balancer capacity: a client sends ten requests over one connection, which stays open for the load balancer's
// default idle timeout of 60 seconds; a WebSocket client sends about one message a minute (the same assumption as
// the API Gateway WebSocket connection-minutes) and stays connected for an hour.
constexpr double k_requests_per_connection = 10;
constexpr double k_connection_seconds = 60;
constexpr double k_websocket_message_seconds = 60;
constexpr double k_websocket_connection_seconds = 3600;
// ALB LCU: 25 new connections/s, 3,000 active connections, 1 GB processed an hour (0.4 GB for Lambda targets),
// 1,000 rule evaluations/s (the first 10 rules are free; the model assumes no more than 10). NLB NLCU for TCP:
// 800 new connections/s, 100,000 active connections, 1 GB an hour.
constexpr double k_lcu_new_connections = 25;
constexpr double k_lcu_active_connections = 3000;
constexpr double k_lcu_gb = 1;
constexpr double k_lcu_gb_lambda = 0.4;
constexpr double k_nlcu_new_connections = 800;
constexpr double k_nlcu_active_connections = 100000;
constexpr double k_nlcu_gb = 1;
// ELB bills processed bytes in GB of 10^9 bytes (its worked example: 300 KB/s is 1.08 GB an hour).
constexpr double k_elb_gb = 1e9;
// An internet-facing load balancer has a node, and a public IPv4 address, in each of at least two Availability Zones.
constexpr double k_load_balancer_addresses = 2;
// API Gateway meters HTTP API requests in 512 KB steps and WebSocket messages in 32 KB steps.
constexpr double k_http_api_step = 512.0 * 1024;
constexpr double k_websocket_step = 32.0 * 1024;

std::string_view door_name(FrontDoor door) {
  switch (door) {
    case FrontDoor::api_gateway_http: return "API Gateway HTTP API";
    case FrontDoor::api_gateway_rest: return "API Gateway REST API";
    case FrontDoor::api_gateway_websocket: return "API Gateway WebSocket API";
    case FrontDoor::function_url: return "Lambda function URL";
    case FrontDoor::alb: return "Application Load Balancer";
    case FrontDoor::nlb: return "Network Load Balancer";
    case FrontDoor::none:
    case FrontDoor::unset: return "none";
  }
  return "none";
}

FrontDoor default_door(const CostInputs& in, TargetKind target) {
  if (target == TargetKind::lambda) {
    if (in.websocket) return FrontDoor::api_gateway_websocket;
    if (in.http || in.grpc) return FrontDoor::api_gateway_http;
    return FrontDoor::none;  // Lambda cannot take raw TCP connections
  }
  if (in.http || in.websocket || in.grpc) return FrontDoor::alb;
  if (in.tcp) return FrontDoor::nlb;
  return FrontDoor::none;
}

// A target can use the chosen front door: an NLB cannot send to a Lambda function, and a function URL is Lambda's.
bool door_fits(FrontDoor door, TargetKind target) {
  if (target == TargetKind::lambda) return door != FrontDoor::nlb;
  return door != FrontDoor::function_url && door != FrontDoor::api_gateway_websocket;
}

// How many metered units a request of `size` bytes counts as: one per started `step`, at least one.
double steps(std::optional<double> size, double step) {
  if (!size || *size <= step) return 1;
  return std::ceil(*size / step - 1e-9);
}

std::string format_units(double units) { return util::format_number(std::round(units * 10000) / 10000); }

void add_front_door_assumption(const CostInputs& in, FrontDoor door, TargetKind target, Bill& bill,
                               std::string_view detail) {
  if (!bill.detailed()) return;
  std::string why;
  if (in.front_door == FrontDoor::unset)
    why = target == TargetKind::lambda ? "the default for these triggers on Lambda"
                                       : "the default for these triggers "
                                         "on Fargate and EC2";
  else if (in.front_door == door)
    why = "as network.front_door says";
  else
    why = in.front_door == FrontDoor::nlb ? "a Network Load Balancer cannot send requests to a Lambda function: "
                                            "priced with the default instead"
                                          : "a function URL belongs to a Lambda function: priced with the default "
                                            "instead";
  if (!detail.empty()) why += fmt::format("; {}", detail);
  bill.assume("network.front_door", door_name(door), why);
}

// A load balancer in front: its hours, its capacity units from the traffic, and its public addresses.
void add_load_balancer(const CostInputs& in, FrontDoor door, const NetworkUse& use, const PreparedPrices& prices,
                       bool internet_facing, Bill& bill) {
  const bool alb = door == FrontDoor::alb;
  const std::string_view name = alb ? "ALB" : "NLB";
  const double rps = use.events / k_seconds_per_month;
  double new_per_second = rps / k_requests_per_connection;
  double active = new_per_second * k_connection_seconds;
  if (in.websocket) {
    active = rps * k_websocket_message_seconds;
    new_per_second = active / k_websocket_connection_seconds;
  }
  const bool bytes_known = in.request_size && in.response_size;
  const double bytes = rps * (in.request_size.value_or(0) + in.response_size.value_or(0));
  const double gb_per_hour = bytes * 3600 / k_elb_gb;
  double units = 0;
  if (alb) {
    units = std::max({new_per_second / k_lcu_new_connections, active / k_lcu_active_connections,
                      gb_per_hour / (use.lambda_target ? k_lcu_gb_lambda : k_lcu_gb)});
  } else {
    units = std::max(
        {new_per_second / k_nlcu_new_connections, active / k_nlcu_active_connections, gb_per_hour / k_nlcu_gb});
  }
  bill.add("load balancer", name, k_hours_per_month, alb ? "ALB-hour" : "NLB-hour", prices.lb_hour);
  bill.add("load balancer capacity", name, k_hours_per_month * units, alb ? "LCU-hour" : "NLCU-hour",
           prices.lb_capacity_hour);
  if (internet_facing)
    bill.add("public IPv4 addresses", fmt::format("{}, one per Availability Zone", name),
             k_load_balancer_addresses * k_hours_per_month, "IP-hour", prices.ipv4_hour);
  if (!bill.detailed()) return;
  const auto formula =
      alb ? fmt::format(
                "{} LCUs: the largest of new connections/s ÷ 25, active connections ÷ 3,000, GB processed an "
                "hour ÷ {}, and rule evaluations/s ÷ 1,000 (no more than the 10 free rules)",
                format_units(units), use.lambda_target ? "0.4 (Lambda targets)" : "1")
          : fmt::format(
                "{} NLCUs: the largest of new TCP connections/s ÷ 800, active connections ÷ 100,000 and GB "
                "processed an hour ÷ 1",
                format_units(units));
  bill.assume(alb ? "pricing.lcu" : "pricing.nlcu", format_units(units),
              fmt::format("{}, at the monthly average rate; {}", formula,
                          in.websocket ? "each WebSocket client sends a message a minute and stays an hour"
                                       : "ten requests per connection, each connection open for 60 seconds"));
  if (!bytes_known)
    bill.assume("traffic.request_size", "unknown",
                "the load balancer's processed bytes are not counted in its capacity units: give "
                "traffic.request_size and traffic.response_size to count them");
}

}  // namespace

FrontDoor resolve_front_door(const CostInputs& in, TargetKind target) {
  if (in.front_door != FrontDoor::unset && door_fits(in.front_door, target)) return in.front_door;
  return default_door(in, target);
}

void prepare_network(const CostInputs& in, FrontDoor door, TargetKind target, const RegionPrices& prices,
                     PreparedPrices& out) {
  switch (door) {
    case FrontDoor::api_gateway_http: out.door_requests = read_tiers(prices, k_apigw_http.data(), 2); break;
    case FrontDoor::api_gateway_rest:
      out.door_requests = read_tiers(prices, k_apigw_rest.data(), 4);
      if (target == TargetKind::container) {  // a REST API reaches a VPC through a VPC link to an NLB
        out.lb_hour = prices.price(k_nlb_hour);
        out.lb_capacity_hour = prices.price(k_nlb_nlcu);
      }
      break;
    case FrontDoor::api_gateway_websocket:
      out.door_requests = read_tiers(prices, k_apigw_ws_messages.data(), 2);
      out.door_connection_minutes = prices.price(k_apigw_ws_connection_minutes);
      break;
    case FrontDoor::alb:
      out.lb_hour = prices.price(k_alb_hour);
      out.lb_capacity_hour = prices.price(k_alb_lcu);
      break;
    case FrontDoor::nlb:
      out.lb_hour = prices.price(k_nlb_hour);
      out.lb_capacity_hour = prices.price(k_nlb_nlcu);
      break;
    case FrontDoor::function_url:
    case FrontDoor::none:
    case FrontDoor::unset: break;
  }
  if (door != FrontDoor::none) {
    out.data_transfer = read_tiers(prices, k_data_transfer_out.data(), 4);
    if (in.free_tier) out.free_transfer_gb = prices.price(k_data_transfer_free);
  }
  const bool load_balancer_in_front = door == FrontDoor::alb || door == FrontDoor::nlb;
  if (load_balancer_in_front || in.nat_gateway || (target == TargetKind::container && tasks_have_public_ips(in)))
    out.ipv4_hour = prices.price(k_public_ipv4_hour);
  if (in.nat_gateway) out.nat_hour = prices.price(k_nat_gateway_hour);
}

void add_network(const CostInputs& in, FrontDoor door, const NetworkUse& use, const PreparedPrices& prices,
                 Bill& bill) {
  const TargetKind target = use.lambda_target ? TargetKind::lambda : TargetKind::container;
  const double events = use.events;
  switch (door) {
    case FrontDoor::api_gateway_http: {
      const double metered = events * steps(in.request_size, k_http_api_step);
      add_tiered(bill, "API Gateway HTTP API", {}, metered, 0, 1e-6, "1M requests", prices.door_requests);
      add_front_door_assumption(
          in, door, target, bill,
          in.request_size ? "requests are metered in 512 KB steps"
                          : "each request counted once (metered in 512 KB steps; traffic.request_size not given)");
      break;
    }
    case FrontDoor::api_gateway_rest:
      add_tiered(bill, "API Gateway REST API", {}, events, 0, 1e-6, "1M requests", prices.door_requests);
      if (target == TargetKind::container) {
        add_load_balancer(in, FrontDoor::nlb, use, prices, false, bill);
        add_front_door_assumption(in, door, target, bill,
                                  "a REST API reaches tasks and instances through a VPC link to an internal "
                                  "Network Load Balancer");
      } else {
        add_front_door_assumption(in, door, target, bill, {});
      }
      break;
    case FrontDoor::api_gateway_websocket: {
      double messages = events * steps(in.request_size, k_websocket_step);
      if (in.response_size) messages += events * steps(in.response_size, k_websocket_step);
      add_tiered(bill, "API Gateway WebSocket messages", {}, messages, 0, 1e-6, "1M messages", prices.door_requests);
      bill.add("API Gateway WebSocket connection-minutes", {}, events / 1e6, "1M connection-minutes",
               prices.door_connection_minutes);
      add_front_door_assumption(in, door, target, bill,
                                "one message per request (and one per response when traffic.response_size is "
                                "given), metered in 32 KB steps; one connection-minute per message received (a "
                                "connected client sends about one message a minute)");
      break;
    }
    case FrontDoor::function_url:
      add_front_door_assumption(in, door, target, bill, "a function URL costs nothing beyond the function's own bill");
      break;
    case FrontDoor::alb:
    case FrontDoor::nlb:
      add_load_balancer(in, door, use, prices, true, bill);
      add_front_door_assumption(in, door, target, bill, {});
      break;
    case FrontDoor::none:
    case FrontDoor::unset:
      if (in.front_door == FrontDoor::none && bill.detailed())
        bill.assume("network.front_door", "none",
                    "no front door: clients inside AWS call the workload directly, and no data transfer out is priced");
      break;
  }

  if (door != FrontDoor::none) {
    if (in.response_size) {
      const double gb = events * *in.response_size / k_gib_bytes;
      add_tiered(bill, "data transfer out", in.free_tier ? "to the internet, after the free tier" : "to the internet",
                 gb, prices.free_transfer_gb, 1, "GB", prices.data_transfer);
    } else if (bill.detailed()) {
      bill.assume("traffic.response_size", "unknown",
                  "data transfer out to the internet is not priced: give traffic.response_size to price it");
    }
  }

  if (use.public_ip_hours > 0)
    bill.add("public IPv4 addresses", use.lambda_target ? "" : "one per task or instance", use.public_ip_hours,
             "IP-hour", prices.ipv4_hour);
  if (in.nat_gateway) {
    const double gateways = in.high_availability ? 2 : 1;
    std::string qualifier;
    if (bill.detailed()) qualifier = gateways == 2 ? "one in each of two Availability Zones" : std::string();
    bill.add("NAT gateway", qualifier, gateways * k_hours_per_month, "NAT gateway-hour", prices.nat_hour);
    bill.add("public IPv4 addresses", "NAT gateway", gateways * k_hours_per_month, "IP-hour", prices.ipv4_hour);
    if (bill.detailed())
      bill.assume("network.nat_gateway", "true",
                  fmt::format("{} NAT gateway{} all month; the data it processes is not priced: the workload's own "
                              "calls to the internet are not described",
                              gateways == 2 ? "two" : "one", gateways == 2 ? "s (availability high)" : ""));
  }
}

}  // namespace caas::cost

// The network around a workload (front doors, load balancer capacity, data transfer out, NAT gateway, public IPv4),
// provisioned concurrency, EC2's memory for the operating system, and quantities a person can check.
#include <catch2/catch.hpp>

#include "bill.hpp"
#include "cost_test_support.hpp"
#include "estimate_common.hpp"

using namespace caas;
using namespace caas::cost::test;

namespace {

Workload http_service() {
  Workload w("service");
  w.triggers({"http"})
      .duration("execution.duration.typical", 0.1)
      .size("resources.memory", 512 * k_mib)
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 2.628e6);  // one request a second
  return w;
}

const model::Assumption& door(const model::CostEstimate& e) {
  const auto* a = assumption(e, "network.front_door");
  REQUIRE(a != nullptr);
  return *a;
}

}  // namespace

TEST_CASE("network: the default front door follows the triggers and the target", "[cost][network]") {
  auto w = http_service();
  CHECK(door(estimate(w.build(), "lambda")).value == "API Gateway HTTP API");
  CHECK(door(estimate(w.build(), "fargate")).value == "Application Load Balancer");
  w.triggers({"grpc"});  // gRPC gets a front door like HTTP: an ALB speaks gRPC to tasks and instances
  CHECK(door(estimate(w.build(), "ec2")).value == "Application Load Balancer");
  CHECK(has_item(estimate(w.build(), "ec2"), "load balancer (ALB)"));
  w.triggers({"tcp"});  // raw TCP: a Network Load Balancer
  CHECK(door(estimate(w.build(), "fargate")).value == "Network Load Balancer");
  CHECK(has_item(estimate(w.build(), "fargate"), "load balancer capacity (NLB)"));
  w.triggers({"sqs"});  // no clients to front
  const auto worker = estimate(w.build(), "fargate");
  CHECK(assumption(worker, "network.front_door") == nullptr);
  CHECK_FALSE(has_item(worker, "load balancer (ALB)"));
}

TEST_CASE("network: network.front_door chooses, where the target can use it", "[cost][network]") {
  auto w = http_service();
  w.text("network.front_door", "function-url");
  const auto url = estimate(w.build(), "lambda");
  CHECK(door(url).value == "Lambda function URL");
  CHECK_FALSE(has_item(url, "API Gateway HTTP API"));  // a function URL costs nothing extra
  // A function URL is Lambda's own: Fargate and EC2 get their default, and say why.
  const auto fargate = estimate(w.build(), "fargate");
  CHECK(door(fargate).value == "Application Load Balancer");
  CHECK(door(fargate).why.find("function URL belongs to a Lambda function") != std::string::npos);
  // An NLB cannot send to a Lambda function.
  w.text("network.front_door", "nlb");
  CHECK(door(estimate(w.build(), "lambda")).value == "API Gateway HTTP API");
  CHECK(door(estimate(w.build(), "ec2")).value == "Network Load Balancer");
  // An ALB in front of Lambda counts 0.4 GB per LCU for Lambda targets.
  w.text("network.front_door", "alb")
      .size("traffic.request_size", 200 * k_kb)
      .size("traffic.response_size", 800 * k_kb);
  const auto alb = estimate(w.build(), "lambda");
  // 1 request/s × 1,000 KB = 3.6 GB an hour ÷ 0.4 = 9 LCU; on Fargate ÷ 1 = 3.6 LCU.
  CHECK(item(alb, "load balancer capacity (ALB)").quantity / 730 == Approx(9));
  CHECK(item(estimate(w.build(), "fargate"), "load balancer capacity (ALB)").quantity / 730 == Approx(3.6));
}

TEST_CASE("network: a REST API reaches containers through an internal NLB; none prices no front door",
          "[cost][network]") {
  auto w = http_service();
  w.text("network.front_door", "api-gateway-rest");
  const auto rest = estimate(w.build(), "fargate");
  CHECK(item(rest, "API Gateway REST API").usd == Approx(9.20));  // 2.628M × $3.50 = $9.198
  CHECK(has_item(rest, "load balancer (NLB)"));
  CHECK_FALSE(has_item(rest, "public IPv4 addresses (NLB, one per Availability Zone)"));  // internal
  w.text("network.front_door", "none").size("traffic.response_size", 10 * k_kb);
  const auto none = estimate(w.build(), "fargate");
  CHECK_FALSE(has_item(none, "load balancer (ALB)"));
  CHECK_FALSE(has_item(none, "data transfer out (to the internet)"));
  CHECK(door(none).value == "none");
}

TEST_CASE("network: load balancer capacity units are fractional, with no floor of one", "[cost][network]") {
  // A few requests an hour pay almost nothing for LCUs ...
  auto w = http_service();
  w.count("traffic.requests_per_month", 7300);  // 10 an hour
  const auto quiet = estimate(w.build(), "fargate");
  CHECK(item(quiet, "load balancer capacity (ALB)").usd == 0);
  CHECK(item(quiet, "load balancer capacity (ALB)").quantity < 0.1);
  CHECK(assumption(quiet, "traffic.request_size") != nullptr);  // processed bytes not counted without sizes
  // ... and a byte-heavy one pays for its bytes: 1 request/s × 2 MB = 7.2 GB an hour = 7.2 LCU.
  w.count("traffic.requests_per_month", 2.628e6).size("traffic.request_size", 1e6).size("traffic.response_size", 1e6);
  const auto heavy = estimate(w.build(), "fargate");
  CHECK(item(heavy, "load balancer capacity (ALB)").quantity / 730 == Approx(7.2));
  CHECK(assumption(heavy, "traffic.request_size") == nullptr);
}

TEST_CASE("network: data transfer out is a line on every target, and its absence says which field prices it",
          "[cost][network]") {
  auto w = http_service();
  for (const char* target : {"lambda", "fargate", "ec2"}) {
    INFO(target);
    const auto unknown = estimate(w.build(), target);
    const auto* a = assumption(unknown, "traffic.response_size");
    REQUIRE(a != nullptr);
    CHECK(a->why.find("give traffic.response_size") != std::string::npos);
  }
  w.size("traffic.response_size", 100.0 * 1024);  // 2.628M × 100 KiB = 250.6 GiB × $0.09
  for (const char* target : {"lambda", "fargate", "ec2"}) {
    INFO(target);
    const auto e = estimate(w.build(), target);
    const auto& out = item(e, "data transfer out (to the internet)");
    CHECK(out.quantity == Approx(2.628e6 * 100 / 1024 / 1024));
    CHECK(out.usd == Approx(22.56));
  }
}

TEST_CASE("network: public IPv4 addresses for load balancers and tasks, a NAT gateway when asked for",
          "[cost][network]") {
  auto w = http_service();
  const auto open = estimate(w.build(), "fargate");
  CHECK(item(open, "public IPv4 addresses (ALB, one per Availability Zone)").quantity == 1460);
  CHECK(item(open, "public IPv4 addresses (one per task or instance)").quantity == 730);
  CHECK_FALSE(has_item(open, "NAT gateway"));
  // Three charged addresses a month (the ALB's two and the task's) are $10.95: the "~$11.00" of a published bill for
  // four addresses, one of them free (hwangyeon.uk, aws-facts F).
  CHECK(item(open, "public IPv4 addresses (ALB, one per Availability Zone)").usd +
            item(open, "public IPv4 addresses (one per task or instance)").usd ==
        Approx(10.95));
  CHECK_FALSE(has_item(estimate(w.build(), "lambda"), "public IPv4 addresses"));
  w.flag("network.nat_gateway", true);
  for (const char* target : {"lambda", "fargate", "ec2"}) {
    INFO(target);
    const auto e = estimate(w.build(), target);
    CHECK(item(e, "NAT gateway").usd == Approx(730 * 0.045));  // $32.85
    CHECK(item(e, "public IPv4 addresses (NAT gateway)").usd == Approx(3.65));
    CHECK_FALSE(has_item(e, "public IPv4 addresses (one per task or instance)"));  // private subnets
    CHECK(assumption(e, "network.nat_gateway") != nullptr);
  }
  w.text("operations.availability", "high");  // one gateway per zone
  CHECK(item(estimate(w.build(), "ec2"), "NAT gateway (one in each of two Availability Zones)").quantity == 1460);
}

TEST_CASE("lambda: a latency target under 100 ms prices provisioned concurrency as Lambda's remedy", "[cost]") {
  auto w = http_service();
  CHECK_FALSE(has_item(estimate(w.build(), "lambda"), "compute on provisioned concurrency (arm64)"));
  w.duration("latency.p99", 0.05);
  const auto e = estimate(w.build(), "lambda");
  // 1 request/s × 0.1 s = 0.1 in flight: one environment of 512 MiB all month, 1,314,000 GB-s × $0.0000033334.
  CHECK(item(e, "provisioned concurrency (1 × 512 MiB, arm64)").usd == Approx(4.38));
  CHECK(assumption(e, "latency.p99") != nullptr);
  w.duration("latency.p99", 0.2);
  CHECK_FALSE(has_item(estimate(w.build(), "lambda"), "compute on provisioned concurrency (arm64)"));
}

TEST_CASE("lambda: provisioned concurrency as given, in five-minute steps, and what it cannot serve runs on demand",
          "[cost]") {
  auto w = http_service();
  w.text("resources.architecture", "x86_64").number("latency.provisioned_concurrency.count", 0);
  CHECK_FALSE(has_item(estimate(w.build(), "lambda"), "compute on provisioned concurrency (x86_64)"));
  // One environment for 8.01 hours: billed 8 h 5 min = 29,100 s, serving 291,000 invocations of 100 ms; the other
  // 2,337,000 run on demand.
  w.number("latency.provisioned_concurrency.count", 1).number("latency.provisioned_concurrency.hours_per_month", 8.01);
  const auto e = estimate(w.build(), "lambda");
  CHECK(item(e, "provisioned concurrency (1 × 512 MiB for 8.083 hours, x86_64)").quantity == Approx(0.5 * 29'100));
  CHECK(item(e, "compute on provisioned concurrency (x86_64)").quantity == Approx(291'000 * 0.1 * 0.5));
  CHECK(item(e, "compute (x86_64)").quantity == Approx(2'337'000 * 0.1 * 0.5));
  // A count without hours is on all month.
  w.number("latency.provisioned_concurrency.hours_per_month", 800);  // capped at the 730 hours of a month
  CHECK(item(estimate(w.build(), "lambda"), "provisioned concurrency (1 × 512 MiB, x86_64)").quantity ==
        Approx(0.5 * 2'628'000));
}

TEST_CASE("ec2: the operating system keeps its share of an instance's memory, and the estimate says so", "[cost]") {
  Workload w("service");
  w.size("resources.memory", 8 * k_gib).text("traffic.pattern", "steady").text("resources.architecture", "arm64");
  // 8 GiB fits no 8 GiB instance once the OS keeps 5 % (0.4 GiB): a 16 GiB m7g.xlarge, not an m7g.large.
  const auto e = estimate(w.build(), "ec2");
  CHECK(e.summary == "1 × m7g.xlarge (arm64), all month");
  CHECK(assumption(e, "ec2.os_memory")->value == "0.8 GiB of m7g.xlarge");
  w.size("resources.memory", 7.5 * k_gib);  // fits the 7.6 GiB an m7g.large leaves
  CHECK(estimate(w.build(), "ec2").summary == "1 × m7g.large (arm64), all month");
  CHECK(cost::usable_instance_memory_gib(1) == Approx(0.75));  // at least 256 MiB
  CHECK(cost::usable_instance_memory_gib(64) == Approx(60.8));
  // AWS's measured case: an m4.large's 8 GiB registers as 7,985 MiB with the ECS agent before any reservation; the
  // model leaves the workload less than that, as AWS Batch's 5 % buffer on top does.
  CHECK(cost::usable_instance_memory_gib(8) * 1024 < 7985);
}

TEST_CASE("cost: quantities carry no binary noise, and real fractions keep their digits", "[cost]") {
  CHECK(cost::snap_quantity(6e6 * 0.28 * 4) == 6'720'000);
  CHECK(cost::snap_quantity(0.1 + 0.2) == 0.3);
  CHECK(cost::snap_quantity(788.4) == 788.4);
  CHECK(cost::snap_quantity(1.0 / 3) == Approx(1.0 / 3).epsilon(1e-9));
  CHECK(cost::snap_quantity(0) == 0);
  // Ten significant digits at every magnitude, whatever the binary exponent suggests.
  CHECK(cost::snap_quantity(13.3333333333333) == 13.33333333);
  CHECK(cost::snap_quantity(9.99999999999) == 10);
  CHECK(cost::snap_quantity(1024.0 / 3) == 341.3333333);
  CHECK(cost::snap_quantity(0.000123456789012) == 0.0001234567890);
  CHECK(cost::snap_quantity(123456789012345.0) == 123456789000000.0);
}

TEST_CASE("cost: the free tier is a setting the caller passes, off by default", "[cost]") {
  const auto profile = http_service().build();
  CHECK_FALSE(cost::read_cost_inputs(profile).free_tier);
  CHECK(cost::read_cost_inputs(profile, cost::CostSettings{true}).free_tier);
  const auto off = estimate(profile, "lambda");
  CHECK(assumption(off, "pricing.free_tier")->value == "not applied");
  const auto on = estimate_with(profile, "lambda", us_east_1(), cost::CostSettings{true});
  CHECK(on.monthly_usd < off.monthly_usd);
}

// The cost model on examples worked by hand, target by target: each line item and total against a sum done from
// the built-in us-east-1 prices. Properties over many workloads are in estimate_properties_test.cpp.
#include <algorithm>
#include <array>
#include <bit>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <numeric>

#include "caas/cost/price_table.hpp"
#include "caas/model/workload_profile.hpp"
#include "cost_test_support.hpp"
#include "estimate_common.hpp"

using namespace caas;
using cost::RegionPrices;
using namespace caas::cost::test;  // Workload, WorkloadProfile, Kind, Value and the example workloads

// --- Hand-worked sums ---------------------------------------------------------------------------------------------

TEST_CASE("lambda: a spiky 2M × 800 ms × 1 GiB function on arm64 costs requests plus first-tier GB-seconds", "[cost]") {
  const auto e = estimate(thumbnailer().build(), "lambda");
  // requests: 2 M × $0.20 per M = $0.40
  CHECK(item(e, "requests").usd == Approx(0.40));
  // GB-seconds: 2,000,000 × 0.8 s × 1 GiB = 1,600,000 GB-s × $0.0000133334 = $21.33344 -> $21.33
  const auto& compute = item(e, "compute (arm64)");
  CHECK(compute.quantity == Approx(1'600'000));
  CHECK(compute.usd == Approx(21.33));
  CHECK(e.monthly_usd == Approx(0.40 + 21.33));
  CHECK(e.items.size() == 2);
  CHECK(e.summary == "2M requests × 800ms at 1024 MiB (arm64)");
  CHECK(assumes(e, "resources.architecture"));
  CHECK(assumes(e, "pricing.free_tier"));
  CHECK(assumes(e, "pricing.tiers"));
  CHECK(assumes(e, "lambda.init"));
}

TEST_CASE("fargate: a steady service of 10 requests/s × 200 ms runs 3 arm64 tasks behind an ALB", "[cost]") {
  const auto e = estimate(steady_api().build(), "fargate");
  // in flight: 10/s × 0.2 s = 2; tasks = max(2 (availability high), ceil(2 / 0.7 = 2.86)) = 3
  // vCPU: 3 × 730 h × 0.5 vCPU = 1,095 vCPU-h × $0.03238 = $35.4561 -> $35.46
  // memory: 3 × 730 h × 1 GB = 2,190 GB-h × $0.00356 = $7.7964 -> $7.80
  // ALB: 730 h × $0.0225 = $16.425 -> $16.43; LCUs: 1 new connection/s (ten requests each) ÷ 25 = 0.04, the largest
  // dimension with no sizes given -> 29.2 LCU-h × $0.008 = $0.2336 -> $0.23
  // public IPv4: the ALB's two, 1,460 IP-h, and the three tasks', 2,190 IP-h, × $0.005 = $7.30 and $10.95
  CHECK(item(e, "vCPU (arm64)").quantity == Approx(1095));
  CHECK(item(e, "vCPU (arm64)").usd == Approx(35.46));
  CHECK(item(e, "memory (arm64)").usd == Approx(7.80));
  CHECK(item(e, "load balancer (ALB)").usd == Approx(16.43));
  CHECK(item(e, "load balancer capacity (ALB)").quantity == Approx(29.2));
  CHECK(item(e, "load balancer capacity (ALB)").usd == Approx(0.23));
  CHECK(item(e, "public IPv4 addresses (ALB, one per Availability Zone)").usd == Approx(7.30));
  CHECK(item(e, "public IPv4 addresses (one per task or instance)").usd == Approx(10.95));
  CHECK(e.monthly_usd == Approx(35.46 + 7.80 + 16.43 + 0.23 + 7.30 + 10.95));
  CHECK(e.summary == "3 × 0.5 vCPU / 1 GiB tasks (arm64), all month");
  CHECK_FALSE(assumes(e, "execution.concurrency"));  // written in the workload
}

TEST_CASE("lambda: the worked example's service costs requests, GB-seconds and the HTTP API", "[cost]") {
  const auto e = estimate(steady_api().build(), "lambda");
  // requests: 26.28 M × $0.20 = $5.256 -> $5.26
  // GB-seconds: 26,280,000 × 0.2 s × 1 GiB = 5,256,000 × $0.0000133334 = $70.0804 -> $70.08
  // API Gateway: 26.28 M × $1.00 = $26.28
  CHECK(item(e, "requests").usd == Approx(5.26));
  CHECK(item(e, "compute (arm64)").usd == Approx(70.08));
  CHECK(item(e, "API Gateway HTTP API").usd == Approx(26.28));
  CHECK(e.monthly_usd == Approx(5.26 + 70.08 + 26.28));
}

TEST_CASE("ec2: a 30-minute GPU job run 100 times a month costs 50 hours of a g4dn.xlarge", "[cost]") {
  const auto e = estimate(gpu_job().build(), "ec2");
  // 12 GiB fits the 16 GiB g4dn.xlarge after the OS's 5 % (0.8 GiB)
  // instance: 100 runs × 0.5 h = 50 h × $0.526 = $26.30
  // root volume: 20 GiB × 50/730 month = 1.36986 GiB-month × $0.08 = $0.10959 -> $0.11
  // its public IPv4 address while it runs: 50 IP-h × $0.005 = $0.25
  CHECK(item(e, "instances (g4dn.xlarge)").quantity == Approx(50));
  CHECK(item(e, "instances (g4dn.xlarge)").usd == Approx(26.30));
  CHECK(item(e, "root volume (gp3, 20 GiB per instance)").usd == Approx(0.11));
  CHECK(item(e, "public IPv4 addresses (one per task or instance)").usd == Approx(0.25));
  CHECK(e.monthly_usd == Approx(26.30 + 0.11 + 0.25));
  CHECK(e.summary == "g4dn.xlarge (x86_64), 100 runs × 30m");
}

TEST_CASE("lambda: cold-start sensitivity buys provisioned concurrency and bills duration at the on-PC price",
          "[cost]") {
  auto w = Workload("function");
  w.duration("execution.duration.typical", 0.25)
      .size("resources.memory", 2 * k_gib)
      .text("resources.architecture", "x86_64")
      .count("traffic.requests_per_month", 26.28e6)
      .flag("latency.cold_start_sensitive", true);
  const auto e = estimate(w.build(), "lambda");
  // n = ceil(10/s × 0.25 s = 2.5) = 3; 3 × 2 GB × 2,628,000 s = 15,768,000 GB-s × $0.0000041667 = $65.70
  // compute: 26,280,000 × 0.25 s × 2 GB = 13,140,000 GB-s × $0.0000097222 = $127.7497 -> $127.75
  // requests: 26.28 M × $0.20 = $5.256 -> $5.26
  CHECK(item(e, "provisioned concurrency (3 × 2048 MiB, x86_64)").quantity == Approx(15'768'000));
  CHECK(item(e, "provisioned concurrency (3 × 2048 MiB, x86_64)").usd == Approx(65.70));
  CHECK(item(e, "compute on provisioned concurrency (x86_64)").usd == Approx(127.75));
  CHECK(item(e, "requests").usd == Approx(5.26));
  CHECK(e.monthly_usd == Approx(65.70 + 127.75 + 5.26));
  CHECK(e.summary == "26.28M requests × 250ms at 2048 MiB (x86_64), 3 provisioned");
}

TEST_CASE("fargate: a short job is billed a minute per run on the smallest task", "[cost]") {
  auto w = Workload("job");
  w.duration("execution.duration.typical", 20).count("traffic.runs_per_month", 300);
  const auto e = estimate(w.build(), "fargate");
  // 300 runs × 60 s = 5 task-hours; 0.25 vCPU / 0.5 GiB on arm64
  // vCPU: 1.25 vCPU-h × $0.03238 = $0.0405 -> $0.04; memory: 2.5 GB-h × $0.00356 = $0.0089 -> $0.01;
  // the task's public IPv4 address: 5 IP-h × $0.005 = $0.025 -> $0.03
  CHECK(item(e, "vCPU (arm64)").quantity == Approx(1.25));
  CHECK(e.monthly_usd == Approx(0.08));
  CHECK(e.summary == "0.25 vCPU / 0.5 GiB task (arm64), 300 runs × 1m");
  CHECK(assumes(e, "resources.memory"));
  CHECK(assumes(e, "resources.cpu"));
}

// --- Model choices ------------------------------------------------------------------------------------------------

TEST_CASE("lambda: memory is raised to give the cpu asked for, rounded up and capped at 10,240 MiB", "[cost]") {
  auto w = thumbnailer();
  w.number("resources.cpu", 2);
  CHECK(estimate(w.build(), "lambda").summary == "2M requests × 800ms at 3538 MiB (arm64)");
  w.number("resources.cpu", 0.3);  // 530.7 MiB, below the 1 GiB asked for
  CHECK(estimate(w.build(), "lambda").summary == "2M requests × 800ms at 1024 MiB (arm64)");
  w.number("resources.cpu", 8);
  CHECK(estimate(w.build(), "lambda").summary == "2M requests × 800ms at 10240 MiB (arm64)");
  w.size("resources.memory", 1e9).number("resources.cpu", 0.25);  // 953.67 MiB
  CHECK(estimate(w.build(), "lambda").summary == "2M requests × 800ms at 954 MiB (arm64)");
}

TEST_CASE("lambda: a websocket front door prices messages and connection-minutes", "[cost]") {
  auto w = thumbnailer();
  w.triggers({"websocket"});
  const auto e = estimate(w.build(), "lambda");
  CHECK(item(e, "API Gateway WebSocket messages").usd == Approx(2 * 1.00));
  CHECK(item(e, "API Gateway WebSocket connection-minutes").usd == Approx(2 * 0.25));
  w.triggers({"http"});
  CHECK(item(estimate(w.build(), "lambda"), "API Gateway HTTP API").usd == Approx(2 * 1.00));
}

TEST_CASE("lambda: ephemeral storage above 512 MB is billed by the GB-second", "[cost]") {
  auto w = thumbnailer();
  w.count("traffic.requests_per_month", 200e6).size("resources.ephemeral_storage", 2560 * k_mib);
  const auto e = estimate(w.build(), "lambda");
  // 200,000,000 × 0.8 s × 2 GB above 512 MB = 320,000,000 GB-s × $0.0000000309 = $9.888 -> $9.89
  CHECK(item(e, "ephemeral storage above 512 MB").usd == Approx(9.89));
}

TEST_CASE("fargate and ec2: spiky demand with a latency target is sized for peak_rps, without one for the average",
          "[cost]") {
  auto w = Workload("service");
  w.duration("execution.duration.typical", 0.1)
      .text("traffic.pattern", "spiky")
      .count("traffic.requests_per_month", 2.628e6)  // 1 request a second on average
      .number("traffic.peak_rps", 70);
  CHECK(estimate(w.build(), "fargate").summary == "1 × 0.25 vCPU / 0.5 GiB task (arm64), all month");
  w.duration("latency.p99", 0.5);
  // 70/s × 0.1 s = 7 in flight; 7 / 0.7 = 10 tasks
  const auto e = estimate(w.build(), "fargate");
  CHECK(e.summary == "10 × 0.25 vCPU / 0.5 GiB tasks (arm64), all month");
  CHECK(assumes(e, "traffic.peak_rps"));
  CHECK(estimate(w.build(), "ec2").summary.rfind("10 × ", 0) == 0);
}

TEST_CASE("fargate and ec2: Spot and Savings Plans do not combine; the larger discount applies", "[cost]") {
  auto w = steady_api();
  w.text("cost.commitment", "3y");
  const auto plan = estimate(w.build(), "fargate");
  const auto& discount = item(plan, "Compute Savings Plan, 3 years (45 % off compute)");
  CHECK(discount.usd == Approx(-0.45 * (35.46 + 7.80)).margin(0.006));
  w.flag("cost.interruptible", true);
  const auto both = estimate(w.build(), "fargate");
  CHECK(item(both, "Spot (70 % off compute)").usd == Approx(-0.70 * (35.46 + 7.80)).margin(0.006));
  CHECK(assumes(both, "cost.commitment"));
  const auto ec2 = estimate(w.build(), "ec2");
  CHECK(item(ec2, "Spot (65 % off compute)").usd < 0);
}

TEST_CASE("windows: x86_64 prices plus the licence per vCPU-hour, and no Fargate Spot", "[cost]") {
  auto w = steady_api();
  w.text("runtime.os", "windows").text("resources.architecture", "any").flag("cost.interruptible", true);
  const auto fargate = estimate(w.build(), "fargate");
  // Windows tasks start at 1 vCPU / 2 GB; 3 × 730 h × 1 vCPU = 2,190 vCPU-h
  CHECK(item(fargate, "vCPU (Windows)").usd == Approx(2190 * 0.09148).margin(0.006));
  CHECK(item(fargate, "Windows licence").usd == Approx(2190 * 0.046).margin(0.006));
  CHECK(assumes(fargate, "cost.interruptible"));
  const auto ec2 = estimate(w.build(), "ec2");
  CHECK(ec2.summary.find("x86_64, Windows") != std::string::npos);
  CHECK(item(ec2, "Windows licence").unit_price_usd == Approx(0.046));
}

TEST_CASE("ec2: burstable types only when demand is known not to be steady", "[cost]") {
  auto w = Workload("service");
  w.size("resources.memory", 512 * k_mib);
  const auto unknown_shape = estimate(w.build(), "ec2");
  CHECK(unknown_shape.summary == "1 × c7g.large (arm64), all month");
  CHECK(assumes(unknown_shape, "traffic.pattern"));
  w.text("traffic.pattern", "steady");
  CHECK(estimate(w.build(), "ec2").summary == "1 × c7g.large (arm64), all month");
  w.text("traffic.pattern", "diurnal");
  CHECK(estimate(w.build(), "ec2").summary == "1 × t4g.micro (arm64), all month");
  w.text("resources.architecture", "x86_64");
  CHECK(estimate(w.build(), "ec2").summary == "1 × t3.micro (x86_64), all month");
}

TEST_CASE("ec2: work bigger than Fargate is priced on a big general or memory instance, not a GPU one", "[cost]") {
  auto w = Workload("service");
  w.number("resources.cpu", 48).size("resources.memory", 384 * k_gib).text("traffic.pattern", "steady");
  CHECK(estimate(w.build(), "ec2").summary == "1 × r6i.16xlarge (x86_64), all month");
  CHECK_FALSE(cost::estimate_cost(w.build(), "fargate", us_east_1()).estimate);
  w.number("resources.gpu", 8);
  const auto e = estimate(w.build(), "ec2");
  CHECK(e.summary == "1 × p4d.24xlarge (x86_64), all month");
  CHECK(assumes(e, "pricing.instance"));  // UNCONFIRMED price
}

TEST_CASE("cost: unknown when no honest estimate is possible, with the reason", "[cost]") {
  auto function = Workload("function");
  function.duration("execution.duration.typical", 0.1);
  for (auto target : {"lambda", "fargate", "ec2"}) {
    const auto r = cost::estimate_cost(function.build(), target, us_east_1());
    CHECK_FALSE(r.estimate);
    CHECK(r.unknown_reason.find("needs traffic.requests_per_month") != std::string::npos);
  }
  auto job = Workload("job");
  job.count("traffic.runs_per_month", 10);
  CHECK(cost::estimate_cost(job.build(), "ec2", us_east_1()).unknown_reason.find("duration") != std::string::npos);
  CHECK(cost::estimate_cost(gpu_job().build(), "lambda", us_east_1()).unknown_reason == "Lambda offers no GPUs");
  CHECK(cost::estimate_cost(gpu_job().build(), "fargate", us_east_1()).unknown_reason == "Fargate offers no GPUs");
  const auto other = cost::estimate_cost(steady_api().build(), "kubernetes", us_east_1());
  CHECK_FALSE(other.estimate);
  CHECK(other.unknown_reason == "no cost model for target `kubernetes`");
  CHECK_FALSE(cost::estimate_monthly_usd(cost::read_cost_inputs(job.build()), "ec2", us_east_1()));
}

TEST_CASE("cost: a service without traffic costs its always-on minimum", "[cost]") {
  auto w = Workload("service");
  w.text("traffic.pattern", "steady");
  const auto fargate = estimate(w.build(), "fargate");
  CHECK(fargate.summary == "1 × 0.25 vCPU / 0.5 GiB task (arm64), all month");
  CHECK(assumes(fargate, "traffic.requests_per_month"));
  // Lambda bills per request: without traffic its cost is unknown, not $0.
  CHECK_FALSE(cost::estimate_cost(w.build(), "lambda", us_east_1()).estimate);
  w.text("operations.availability", "high");
  CHECK(estimate(w.build(), "ec2").summary == "2 × c7g.large (arm64), all month");
}

TEST_CASE("cost: traffic_scale multiplies requests, runs and peak_rps", "[cost]") {
  const auto once = estimate(thumbnailer().build(), "lambda");
  const auto ten = estimate(thumbnailer().build(), "lambda", 10);
  CHECK(item(ten, "requests").quantity == Approx(10 * item(once, "requests").quantity));
  CHECK(item(ten, "compute (arm64)").usd == Approx(213.33));  // 16,000,000 GB-s × $0.0000133334 = $213.3344
  CHECK(estimate(gpu_job().build(), "ec2", 2).items.front().quantity == Approx(100));
}

// --- Properties ---------------------------------------------------------------------------------------------------

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
using model::WorkloadProfile;
using util::Kind;
using util::Value;

namespace {

using namespace caas::cost::test;

// The hand-worked examples: unit prices copied from rules/pricing/aws-us-east-1.yaml, sums done by hand.
Workload thumbnailer() {
  Workload w("function");
  w.triggers({"s3"})
      .duration("execution.duration.typical", 0.8)
      .size("resources.memory", 1 * k_gib)
      .text("traffic.pattern", "spiky")
      .count("traffic.requests_per_month", 2e6)
      .number("traffic.peak_rps", 150);
  return w;
}

Workload steady_api() {
  Workload w("service");
  w.triggers({"http"})
      .duration("execution.duration.typical", 0.2)
      .number("execution.concurrency", 1)
      .number("resources.cpu", 0.5)
      .size("resources.memory", 1 * k_gib)
      .text("resources.architecture", "arm64")
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 26.28e6)  // 10 requests a second
      .text("operations.availability", "high");
  return w;
}

Workload gpu_job() {
  Workload w("job");
  w.triggers({"schedule"})
      .duration("execution.duration.typical", 30 * 60)
      .number("resources.cpu", 4)
      .size("resources.memory", 12 * k_gib)
      .number("resources.gpu", 1)
      .text("resources.architecture", "x86_64")
      .text("traffic.pattern", "scheduled")
      .count("traffic.runs_per_month", 100);
  return w;
}

}  // namespace

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

namespace {
std::vector<WorkloadProfile> varied_profiles() {
  std::vector<WorkloadProfile> profiles = {thumbnailer().build(), steady_api().build(), gpu_job().build()};
  auto spiky = steady_api();
  spiky.text("traffic.pattern", "spiky").number("traffic.peak_rps", 300).flag("latency.cold_start_sensitive", true);
  profiles.push_back(spiky.build());
  auto worker = Workload("worker");
  worker.triggers({"sqs"})
      .duration("execution.duration.typical", 2)
      .number("execution.concurrency", 4)
      .size("resources.memory", 3 * k_gib)
      .size("resources.ephemeral_storage", 40 * k_gib)
      .count("traffic.requests_per_month", 5e6)
      .text("cost.commitment", "1y")
      .flag("cost.interruptible", true);
  profiles.push_back(worker.build());
  auto batch = Workload("job");
  batch.duration("execution.duration.typical", 45).count("traffic.runs_per_month", 2000).text("runtime.os", "windows");
  profiles.push_back(batch.build());
  auto socket = Workload("service");
  socket.triggers({"websocket", "http"}).count("traffic.requests_per_month", 40e6).text("traffic.pattern", "diurnal");
  profiles.push_back(socket.build());
  return profiles;
}
}  // namespace

TEST_CASE("cost: never falls as traffic rises, for every target", "[cost][property]") {
  const auto profiles = varied_profiles();
  for (std::size_t p = 0; p < profiles.size(); ++p) {
    const auto inputs = cost::read_cost_inputs(profiles[p]);
    for (auto target : cost::cost_targets()) {
      std::optional<double> previous;
      for (double scale = 0.001; scale <= 1000; scale *= 1.07) {
        const auto usd = cost::estimate_monthly_usd(inputs, target, us_east_1(), scale);
        if (!usd) continue;
        INFO("profile " << p << ", " << target << ", scale " << scale);
        if (previous) CHECK(*usd >= *previous);
        previous = usd;
      }
    }
  }
}

TEST_CASE("cost: line items add up to the total, and the fast total matches the full estimate", "[cost][property]") {
  for (const auto& profile : varied_profiles()) {
    for (auto target : cost::cost_targets()) {
      for (double scale : {0.01, 1.0, 37.0}) {
        const auto full = cost::estimate_cost(profile, target, us_east_1(), scale);
        const auto fast = cost::estimate_monthly_usd(cost::read_cost_inputs(profile), target, us_east_1(), scale);
        REQUIRE(full.estimate.has_value() == fast.has_value());
        if (!fast) continue;
        const auto& e = *full.estimate;
        double sum = 0;
        for (const auto& i : e.items) {
          sum += i.usd;
          CHECK(i.usd == Approx(i.quantity * i.unit_price_usd).margin(0.0051));
          CHECK(std::round(i.usd * 100) == Approx(i.usd * 100));  // whole cents
        }
        CHECK(sum == e.monthly_usd);
        CHECK(*fast == e.monthly_usd);
        CHECK_FALSE(e.summary.empty());
      }
    }
  }
}

namespace {

// Many shapes of workload: every kind, OS, architecture, size, pattern, discount and front door in combination.
std::vector<WorkloadProfile> many_profiles() {
  std::vector<WorkloadProfile> profiles = varied_profiles();
  const char* kinds[] = {"service", "worker", "job", "function"};
  const char* architectures[] = {"x86_64", "arm64", "any"};
  const char* patterns[] = {"steady", "spiky", "diurnal", "unpredictable"};
  const char* commitments[] = {"none", "1y", "3y"};
  int n = 0;
  for (const char* kind : kinds)
    for (const char* arch : architectures)
      for (const char* pattern : patterns)
        for (const char* commitment : commitments) {
          ++n;
          auto w = Workload(kind);
          w.text("resources.architecture", arch).text("traffic.pattern", pattern).text("cost.commitment", commitment);
          w.duration("execution.duration.typical", 0.02 * (n % 9 + 1) * (n % 4 == 0 ? 100 : 1));
          w.count(std::string_view(kind) == "job" ? "traffic.runs_per_month" : "traffic.requests_per_month",
                  1000.0 * (n % 13 + 1) * (n % 5 == 0 ? 1e4 : 1));
          if (n % 2 == 0) w.size("resources.memory", (256.0 + 700 * (n % 11)) * k_mib);
          if (n % 3 == 0) w.number("resources.cpu", 0.25 * (n % 7 + 1));
          if (n % 5 == 1) w.number("resources.gpu", 1);
          if (n % 7 == 2) w.text("runtime.os", "windows");
          if (n % 4 == 1) w.flag("cost.interruptible", true);
          if (n % 6 == 3) w.flag("latency.cold_start_sensitive", true).number("traffic.peak_rps", 40.0 * (n % 5 + 1));
          if (n % 8 == 5) w.size("resources.ephemeral_storage", 30 * k_gib);
          if (n % 3 == 1) w.number("execution.concurrency", n % 5 + 1);
          if (n % 4 == 2) w.text("operations.availability", "high");
          if (n % 5 == 2)
            w.triggers({"http"});
          else if (n % 5 == 4)
            w.triggers({"websocket"});
          profiles.push_back(w.build());
        }
  return profiles;
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

}  // namespace

TEST_CASE("cost: a prepared cost gives the full estimate's total to the bit, at every traffic", "[cost][property]") {
  const auto profiles = many_profiles();
  std::size_t priced = 0;
  for (std::size_t p = 0; p < profiles.size(); ++p) {
    const auto inputs = cost::read_cost_inputs(profiles[p]);
    for (auto target : cost::cost_targets()) {
      const auto prepared = cost::prepare_cost(inputs, target, us_east_1());
      std::vector<double> scales = {0, -1, 1, 0.001, 1000, 1.0 / 3, 7.3e-6};
      for (double scale = 0.001; scale <= 1000; scale *= 1.0 + 1.0 / 3) scales.push_back(scale);
      for (const double scale : scales) {
        INFO("profile " << p << ", " << target << ", scale " << scale);
        const auto full = cost::estimate_cost(inputs, target, us_east_1(), scale);
        const auto fast = cost::estimate_monthly_usd(inputs, target, us_east_1(), scale);
        const auto once = cost::estimate_monthly_usd(prepared, scale);
        REQUIRE(full.estimate.has_value() == fast.has_value());
        REQUIRE(fast.has_value() == once.has_value());
        if (!fast) continue;
        ++priced;
        CHECK(same_bits(*fast, full.estimate->monthly_usd));
        CHECK(same_bits(*once, full.estimate->monthly_usd));
      }
    }
  }
  CHECK(priced > 10'000);  // most combinations are priced, on every target
}

TEST_CASE("fargate: the task size is the smallest valid one covering cpu and memory", "[cost][property]") {
  using cost::fargate_task_size;
  const auto size_of = [](double cpu, double mib, bool windows = false) {
    const auto s = fargate_task_size(cpu, mib, windows);
    REQUIRE(s);
    return std::pair{s->vcpu, s->memory_mib};
  };
  CHECK(size_of(0, 512) == std::pair{0.25, 512.0});
  CHECK(size_of(0.25, 513) == std::pair{0.25, 1024.0});
  CHECK(size_of(0.25, 3000) == std::pair{0.5, 3072.0});
  CHECK(size_of(1, 512) == std::pair{1.0, 2048.0});
  CHECK(size_of(2, 17 * 1024) == std::pair{4.0, 17408.0});
  CHECK(size_of(4, 31 * 1024) == std::pair{8.0, 32768.0});
  CHECK(size_of(16, 100 * 1024) == std::pair{16.0, 106496.0});
  CHECK(size_of(0.5, 1024, true) == std::pair{1.0, 2048.0});
  CHECK_FALSE(fargate_task_size(32, 1024, false));
  CHECK_FALSE(fargate_task_size(1, 121 * 1024, false));
  CHECK_FALSE(fargate_task_size(8, 1024, true));

  // Against every valid combination: the answer covers the need and nothing valid that covers it is cheaper.
  const double vcpu_price = 0.03238, gib_price = 0.00356;
  const auto price = [&](const cost::TaskSize& s) { return s.vcpu * vcpu_price + s.memory_mib / 1024 * gib_price; };
  for (bool windows : {false, true}) {
    const auto all = cost::fargate_task_sizes(windows);
    for (double cpu : {0.0, 0.25, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0}) {
      for (double mib : {128.0, 512.0, 600.0, 1024.0, 2500.0, 4096.0, 9000.0, 20000.0, 40000.0, 70000.0, 122880.0}) {
        const auto chosen = fargate_task_size(cpu, mib, windows);
        const bool exists =
            std::any_of(all.begin(), all.end(), [&](const auto& s) { return s.vcpu >= cpu && s.memory_mib >= mib; });
        INFO("cpu " << cpu << ", MiB " << mib << ", windows " << windows);
        REQUIRE(chosen.has_value() == exists);
        if (!chosen) continue;
        CHECK(std::any_of(all.begin(), all.end(),
                          [&](const auto& s) { return s.vcpu == chosen->vcpu && s.memory_mib == chosen->memory_mib; }));
        CHECK(chosen->vcpu >= cpu);
        CHECK(chosen->memory_mib >= mib);
        for (const auto& s : all)
          if (s.vcpu >= cpu && s.memory_mib >= mib) CHECK(price(s) >= price(*chosen));
      }
    }
  }
}

TEST_CASE("fargate: the combination table has the rows of aws-facts B", "[cost]") {
  const auto all = cost::fargate_task_sizes(false);
  const auto count_for = [&](double vcpu) {
    return std::count_if(all.begin(), all.end(), [&](const auto& s) { return s.vcpu == vcpu; });
  };
  CHECK(count_for(0.25) == 3);  // 0.5, 1, 2 GB
  CHECK(count_for(0.5) == 4);   // 1-4 GB
  CHECK(count_for(1) == 7);     // 2-8 GB
  CHECK(count_for(2) == 13);    // 4-16 GB
  CHECK(count_for(4) == 23);    // 8-30 GB
  CHECK(count_for(8) == 12);    // 16-60 GB in 4s
  CHECK(count_for(16) == 12);   // 32-120 GB in 8s
  CHECK(cost::fargate_task_sizes(true).size() == 7 + 13 + 23);
}

TEST_CASE("cost: the fast total is quick enough for a break-even search", "[cost][.bench]") {
  const auto inputs = cost::read_cost_inputs(steady_api().build());
  const auto start = std::chrono::steady_clock::now();
  double sink = 0;
  for (int i = 0; i < 100'000; ++i)
    for (auto target : cost::cost_targets())
      sink += cost::estimate_monthly_usd(inputs, target, us_east_1(), 1 + i % 100).value_or(0);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN("300,000 estimates in " << seconds << " s (" << sink << ")");
}

namespace {

// Processor time per call of `estimate` (target, profile index, round) over the varied profiles, per target: the
// machine may be shared, so wall time would measure the neighbours too.
template <typename Estimate>
void report_cpu_per_call(const char* what, std::size_t profiles, Estimate estimate) {
  constexpr int k_rounds = 20'000;
  for (std::size_t t = 0; t < cost::cost_targets().size(); ++t) {
    double sink = 0;
    const auto start = std::clock();
    for (int i = 0; i < k_rounds; ++i)
      for (std::size_t p = 0; p < profiles; ++p) sink += estimate(t, p, 1 + i % 7).value_or(0);
    const double cpu = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    WARN(what << ", " << cost::cost_targets()[t] << ": " << cpu / (k_rounds * static_cast<double>(profiles)) * 1e6
              << " µs of processor time per call (" << sink << ")");
  }
}

}  // namespace

TEST_CASE("cost: processor time of one total, per target", "[cost][.bench]") {
  std::vector<cost::CostInputs> inputs;
  for (const auto& profile : varied_profiles()) inputs.push_back(cost::read_cost_inputs(profile));
  report_cpu_per_call("from inputs", inputs.size(), [&](std::size_t t, std::size_t p, double scale) {
    return cost::estimate_monthly_usd(inputs[p], cost::cost_targets()[t], us_east_1(), scale);
  });
}

TEST_CASE("cost: processor time of one total from a prepared cost, per target", "[cost][.bench]") {
  std::vector<std::array<cost::PreparedCost, 3>> prepared;
  for (const auto& profile : varied_profiles()) {
    const auto inputs = cost::read_cost_inputs(profile);
    prepared.push_back({cost::prepare_cost(inputs, "lambda", us_east_1()),
                        cost::prepare_cost(inputs, "fargate", us_east_1()),
                        cost::prepare_cost(inputs, "ec2", us_east_1())});
  }
  report_cpu_per_call("prepared", prepared.size(), [&](std::size_t t, std::size_t p, double scale) {
    return cost::estimate_monthly_usd(prepared[p][t], scale);
  });
}

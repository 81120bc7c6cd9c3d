// AWS's own worked examples, from the Lambda, Fargate, Elastic Load Balancing and API Gateway pricing pages, priced
// by the model and checked to the cent wherever the example can be written as a workload. Each is cited, with its
// figures, in docs/cost-model.md ("AWS's worked examples"). Where an example quotes a unit price that differs from
// the built-in table, the test prices with the example's own, as a --pricing file would.
#include <catch2/catch.hpp>

#include "cost_test_support.hpp"

using namespace caas;
using namespace caas::cost::test;

namespace {

const cost::CostSettings k_free_tier{true};

Workload lambda_x86(double requests, double seconds, double memory_mib) {
  Workload w("function");
  w.duration("execution.duration.typical", seconds)
      .size("resources.memory", memory_mib * k_mib)
      .text("resources.architecture", "x86_64")
      .count("traffic.requests_per_month", requests);
  return w;
}

}  // namespace

// --- AWS Lambda pricing page (https://aws.amazon.com/lambda/pricing/) --------------------------------------------

TEST_CASE("aws lambda example 1, mobile backend: 3M × 120 ms × 1536 MB with the free tier is $2.73", "[cost][aws]") {
  // 3M × 120 ms = 360,000 s; × 1.5 GB = 540,000 GB-s; − 400,000 free = 140,000 × $0.0000166667 = $2.33.
  // 3M − 1M free = 2M requests × $0.20 = $0.40. Total $2.73.
  const auto e = estimate_with(lambda_x86(3e6, 0.120, 1536).build(), "lambda", us_east_1(), k_free_tier);
  CHECK(item(e, "compute (x86_64, after the free tier)").quantity == 140'000);
  CHECK(item(e, "compute (x86_64, after the free tier)").usd == Approx(2.33));
  CHECK(item(e, "requests (after the free tier)").quantity == 2);
  CHECK(item(e, "requests (after the free tier)").usd == Approx(0.40));
  CHECK(e.monthly_usd == Approx(2.73));
  CHECK(assumption(e, "pricing.free_tier")->value == "applied");
}

TEST_CASE("aws lambda example 2, streaming telemetry: 7.44M × 2 s × 1 GB is $249.49", "[cost][aws]") {
  // 10,000 vehicles × 24 × 31 = 7,440,000 messages × $0.20/M = $1.488 -> $1.49; 14.88M GB-s × $0.0000166667 =
  // $248.00. No free tier in this example.
  auto w = lambda_x86(7.44e6, 2, 1024);
  w.triggers({"kinesis"});
  const auto e = estimate(w.build(), "lambda");
  CHECK(item(e, "requests").usd == Approx(1.49));
  CHECK(item(e, "compute (x86_64)").quantity == 14'880'000);
  CHECK(item(e, "compute (x86_64)").usd == Approx(248.00));
  CHECK(e.monthly_usd == Approx(249.49));
}

TEST_CASE("aws lambda example 3, BERT inference with 2048 MB of ephemeral storage is $106.41", "[cost][aws]") {
  // 6M × 280 ms = 1,680,000 s × 4 GB = 6,720,000 GB-s − 400,000 free = 6,320,000 × $0.0000166667 = $105.33;
  // 5M requests × $0.20 = $1.00; 1,680,000 s × (2048 − 512) MB = 2,520,000 GB-s × $0.0000000309 = $0.08.
  auto w = lambda_x86(6e6, 0.280, 4096);
  w.size("resources.ephemeral_storage", 2048 * k_mib);
  const auto e = estimate_with(w.build(), "lambda", us_east_1(), k_free_tier);
  CHECK(item(e, "compute (x86_64, after the free tier)").quantity == 6'320'000);
  CHECK(item(e, "compute (x86_64, after the free tier)").usd == Approx(105.33));
  CHECK(item(e, "requests (after the free tier)").usd == Approx(1.00));
  CHECK(item(e, "ephemeral storage above 512 MB").quantity == 2'520'000);
  CHECK(item(e, "ephemeral storage above 512 MB").usd == Approx(0.08));
  CHECK(e.monthly_usd == Approx(106.41));
  // Without the free tier the GB-seconds are the example's 6,720,000, with no binary noise (6M × 0.28 × 4 in
  // doubles is 6,720,000.000000001).
  CHECK(item(estimate(w.build(), "lambda"), "compute (x86_64)").quantity == 6'720'000);
}

TEST_CASE("aws lambda provisioned concurrency example 2, Cyber Monday: 7 × 4096 MB for 24 hours is $32.26",
          "[cost][aws]") {
  // 7 × 4 GB = 28 GB × 86,400 s = 2,419,200 GB-s × $0.0000041667 = $10.08; 2M × 280 ms × 4 GB = 2,240,000 GB-s on
  // provisioned concurrency × $0.0000097222 = $21.78; 2M requests × $0.20 = $0.40. Total $32.26. The seven
  // environments can serve 7 × 86,400 s ÷ 0.28 s = 2.16M invocations in those 24 hours, so all 2M run on them.
  auto w = lambda_x86(2e6, 0.280, 4096);
  w.number("latency.provisioned_concurrency.count", 7).number("latency.provisioned_concurrency.hours_per_month", 24);
  const auto e = estimate(w.build(), "lambda");
  const auto& pc = item(e, "provisioned concurrency (7 × 4096 MiB for 24 hours, x86_64)");
  CHECK(pc.quantity == 2'419'200);
  CHECK(pc.usd == Approx(10.08));
  CHECK(item(e, "compute on provisioned concurrency (x86_64)").quantity == 2'240'000);
  CHECK(item(e, "compute on provisioned concurrency (x86_64)").usd == Approx(21.78));
  CHECK(item(e, "requests").usd == Approx(0.40));
  CHECK_FALSE(has_item(e, "compute (x86_64)"));
  CHECK(e.monthly_usd == Approx(32.26));
  CHECK(e.summary == "2M requests × 280ms at 4096 MiB (x86_64), 7 provisioned for 24 hours");
}

TEST_CASE("aws lambda provisioned concurrency example 1, app launch: 100 × 1536 MB for 8 hours is $18.00",
          "[cost][aws]") {
  // 100 × 1.5 GB = 150 GB × 28,800 s = 4,320,000 GB-s × $0.0000041667 = $18.00; 3M − 1M free requests = $0.40. The
  // example's other lines run 100 ms on provisioned concurrency and 120 ms without, two durations that one
  // workload's typical duration cannot express.
  auto w = lambda_x86(3e6, 0.120, 1536);
  w.number("latency.provisioned_concurrency.count", 100).number("latency.provisioned_concurrency.hours_per_month", 8);
  const auto e = estimate_with(w.build(), "lambda", us_east_1(), k_free_tier);
  CHECK(item(e, "provisioned concurrency (100 × 1536 MiB for 8 hours, x86_64)").quantity == 4'320'000);
  CHECK(item(e, "provisioned concurrency (100 × 1536 MiB for 8 hours, x86_64)").usd == Approx(18.00));
  CHECK(item(e, "requests (after the free tier)").usd == Approx(0.40));
}

TEST_CASE("aws lambda durable functions example: 32M GB-s on arm64 less the free tier is $421.34", "[cost][aws]") {
  // 1M executions × 32 s × 1 GB, two invocations each: 32,000,000 GB-s − 400,000 free = 31,600,000 × $0.0000133334 =
  // $421.34; 2M − 1M free requests × $0.20 = $0.20. (The durable operations, data written and retained are not
  // modelled.)
  Workload w("function");
  w.duration("execution.duration.typical", 16)
      .size("resources.memory", 1024 * k_mib)
      .text("resources.architecture", "arm64")
      .count("traffic.requests_per_month", 2e6);
  const auto e = estimate_with(w.build(), "lambda", us_east_1(), k_free_tier);
  CHECK(item(e, "compute (arm64, after the free tier)").quantity == 31'600'000);
  CHECK(item(e, "compute (arm64, after the free tier)").usd == Approx(421.34));
  CHECK(item(e, "requests (after the free tier)").usd == Approx(0.20));
}

TEST_CASE("aws lambda event source mapping example 2: 30M × 1 s × 1 GB on SQS is $500 + $6", "[cost][aws]") {
  // 30,000,000 GB-s × $0.0000166667 = $500.00; 30M requests × $0.20 = $6.00 (the example's event pollers, $74, are
  // not modelled).
  auto w = lambda_x86(30e6, 1, 1024);
  w.triggers({"sqs"});
  const auto e = estimate(w.build(), "lambda");
  CHECK(item(e, "compute (x86_64)").usd == Approx(500.00));
  CHECK(item(e, "requests").usd == Approx(6.00));
  CHECK(e.monthly_usd == Approx(506.00));
}

TEST_CASE("aws lambda tiers: past 6B GB-seconds on x86_64 the rest is billed at the next tier", "[cost][aws]") {
  // The tiers of AWS's tiered-pricing announcement: 0-6B GB-s at $0.0000166667, 6-15B at $0.000015 (-10 %), over 15B
  // at $0.0000133334 (-20 %). 5,000M × 2 s × 1 GB = 10B GB-s: 6B × $0.0000166667 = $100,000.20 and 4B × $0.000015 =
  // $60,000.00.
  const auto e = estimate(lambda_x86(5e9, 2, 1024).build(), "lambda");
  CHECK(item(e, "compute (x86_64, tier 1)").quantity == 6e9);
  CHECK(item(e, "compute (x86_64, tier 1)").usd == Approx(100'000.20));
  CHECK(item(e, "compute (x86_64, tier 2)").quantity == 4e9);
  CHECK(item(e, "compute (x86_64, tier 2)").usd == Approx(60'000.00));
  CHECK(item(e, "requests").usd == Approx(1'000.00));
  CHECK(assumption(e, "pricing.tiers") != nullptr);
  // arm64's tiers start at 7.5B: 20B GB-s is 7.5B + 11.25B + 1.25B.
  Workload arm("function");
  arm.duration("execution.duration.typical", 4)
      .size("resources.memory", 1024 * k_mib)
      .text("resources.architecture", "arm64")
      .count("traffic.requests_per_month", 5e9);
  const auto a = estimate(arm.build(), "lambda");
  CHECK(item(a, "compute (arm64, tier 1)").quantity == 7.5e9);
  CHECK(item(a, "compute (arm64, tier 2)").quantity == 11.25e9);
  CHECK(item(a, "compute (arm64, tier 3)").quantity == 1.25e9);
}

// --- AWS Fargate pricing page (https://aws.amazon.com/fargate/pricing/) ------------------------------------------

namespace {

// "N tasks that run for M minutes every day for 30 days": a job of N × 30 runs a month.
Workload fargate_runs(double runs, double seconds, double cpu, double memory_gib) {
  Workload w("job");
  w.duration("execution.duration.typical", seconds)
      .number("resources.cpu", cpu)
      .size("resources.memory", memory_gib * k_gib)
      .text("resources.architecture", "x86_64")
      .count("traffic.runs_per_month", runs);
  return w;
}

}  // namespace

TEST_CASE("aws fargate example 1: 5 tasks × 10 minutes a day, 1 vCPU, 2 GB, 30 GB of storage is $1.26", "[cost][aws]") {
  // 5 × 1 × $0.000011244 × 600 × 30 = $1.01; 5 × 2 × $0.000001235 × 600 × 30 = $0.22; 5 × 10 GB above the 20 GB
  // included × $0.0000000308 × 600 × 30 = $0.03. Total $1.26. The built-in hourly prices are the same ones.
  auto w = fargate_runs(5 * 30, 600, 1, 2);
  w.size("resources.ephemeral_storage", 30 * k_gib);
  const auto e = estimate(w.build(), "fargate");
  CHECK(item(e, "vCPU (x86_64)").quantity == 25);
  CHECK(item(e, "vCPU (x86_64)").usd == Approx(1.01));
  CHECK(item(e, "memory (x86_64)").usd == Approx(0.22));
  CHECK(item(e, "ephemeral storage above 20 GiB").usd == Approx(0.03));
  // The page notes that public IPv4 addresses are charged on top; they are an item of their own here.
  CHECK(e.monthly_usd - item(e, "public IPv4 addresses (one per task or instance)").usd == Approx(1.26));
}

TEST_CASE("aws fargate example 2: the same on Graviton (arm64) is $1.02", "[cost][aws]") {
  // 5 × 1 × $0.0000089944 × 600 × 30 = $0.81; 5 × 2 × $0.0000009889 × 600 × 30 = $0.18; storage $0.03.
  auto w = fargate_runs(5 * 30, 600, 1, 2);
  w.text("resources.architecture", "arm64").size("resources.ephemeral_storage", 30 * k_gib);
  const auto e = estimate(w.build(), "fargate");
  CHECK(item(e, "vCPU (arm64)").usd == Approx(0.81));
  CHECK(item(e, "memory (arm64)").usd == Approx(0.18));
  CHECK(item(e, "ephemeral storage above 20 GiB").usd == Approx(0.03));
  CHECK(e.monthly_usd - item(e, "public IPv4 addresses (one per task or instance)").usd == Approx(1.02));
}

TEST_CASE("aws fargate example 3: 10 pods × 1 hour a day, 0.25 vCPU, 1 GB is $4.37", "[cost][aws]") {
  // 10 × 0.25 × $0.000011244 × 3600 × 30 = $3.04; 10 × 1 × $0.000001235 × 3600 × 30 = $1.33. Total $4.37.
  const auto e = estimate(fargate_runs(10 * 30, 3600, 0.25, 1).build(), "fargate");
  CHECK(item(e, "vCPU (x86_64)").usd == Approx(3.04));
  CHECK(item(e, "memory (x86_64)").usd == Approx(1.33));
  CHECK(e.monthly_usd - item(e, "public IPv4 addresses (one per task or instance)").usd == Approx(4.37));
}

TEST_CASE("aws fargate example 4: 10 Windows tasks × 1 hour a day, 1 vCPU, 2 GB is $47.25", "[cost][aws]") {
  // At the example's own per-second prices: 10 × 1 × $0.0000254167 × 3600 × 30 = $27.45; the Windows OS licence
  // 10 × 1 × $0.0000127778 × 3600 × 30 = $13.80; memory 10 × 2 × $0.0000027778 × 3600 × 30 = $6.00. Total $47.25.
  auto w = fargate_runs(10 * 30, 3600, 1, 2);
  w.text("runtime.os", "windows");
  const auto prices = with_prices({{"fargate.windows.vcpu_hour", 0.0000254167 * 3600},
                                   {"fargate.windows.license_vcpu_hour", 0.0000127778 * 3600},
                                   {"fargate.windows.gb_hour", 0.0000027778 * 3600}});
  const auto e = estimate_with(w.build(), "fargate", prices);
  CHECK(item(e, "vCPU (Windows)").usd == Approx(27.45));
  CHECK(item(e, "Windows licence").usd == Approx(13.80));
  CHECK(item(e, "memory (Windows)").usd == Approx(6.00));
  CHECK(e.monthly_usd - item(e, "public IPv4 addresses (one per task or instance)").usd == Approx(47.25));
}

TEST_CASE("aws fargate billing: by the second, a minute at least on Linux and five minutes on Windows", "[cost][aws]") {
  // "Pricing is calculated per second with a 1-minute minimum ... For Windows containers, billing is calculated
  // per second with a 5-minute minimum."
  const auto hours = [](const Workload& w) { return item(estimate(w.build(), "fargate"), "vCPU (x86_64)").quantity; };
  CHECK(hours(fargate_runs(3600, 30, 1, 2)) == Approx(60));    // 30 s billed as 60 s
  CHECK(hours(fargate_runs(3600, 61.2, 1, 2)) == Approx(62));  // 61.2 s billed as 62 s
  auto windows = fargate_runs(3600, 90, 1, 2);
  windows.text("runtime.os", "windows");
  const auto e = estimate(windows.build(), "fargate");
  CHECK(item(e, "vCPU (Windows)").quantity == Approx(300));  // 90 s billed as 300 s
  CHECK(assumption(e, "execution.duration.typical")->value == "5m");
}

TEST_CASE("aws ec2 billing: by the second with a 60-second minimum", "[cost][aws]") {
  Workload w("job");
  w.duration("execution.duration.typical", 30)
      .count("traffic.runs_per_month", 3600)
      .text("traffic.pattern", "scheduled");
  CHECK(estimate(w.build(), "ec2").items.front().quantity == Approx(60));  // 3,600 runs × 60 s
  w.duration("execution.duration.typical", 90.4);
  CHECK(estimate(w.build(), "ec2").items.front().quantity == Approx(91));  // 3,600 runs × 91 s
}

TEST_CASE("aws lambda billing: each invocation's duration rounded up to the millisecond", "[cost][aws]") {
  // 10M × 1.2 ms, billed as 2 ms, × 128 MB = 2,500 GB-s.
  const auto e = estimate(lambda_x86(10e6, 0.0012, 128).build(), "lambda");
  CHECK(item(e, "compute (x86_64)").quantity == 2'500);
  CHECK(assumption(e, "execution.duration.typical")->value == "2ms");
}

// --- Elastic Load Balancing pricing page (https://aws.amazon.com/elasticloadbalancing/pricing/) ------------------

TEST_CASE("aws elb example, ALB: 300 KB/s processed is 1.08 LCU, $0.03114 an hour", "[cost][aws]") {
  // 1 new connection/s (0.04 LCU), 120 active connections (0.04), 300 KB/s = 1.08 GB an hour (1.08), 250 rule
  // evaluations/s (0.25): 1.08 LCU × $0.008 = $0.00864 + $0.0225 = $0.03114 an hour; the page's 30-day month
  // (720 h) makes it $22.42. Here 5 requests/s of 10 KB in and 50 KB out give the same 300 KB/s.
  Workload w("service");
  w.triggers({"http"})
      .duration("execution.duration.typical", 0.05)
      .count("traffic.requests_per_month", 5 * 2'628'000.0)
      .size("traffic.request_size", 10 * k_kb)
      .size("traffic.response_size", 50 * k_kb);
  const auto e = estimate(w.build(), "fargate");
  const auto& hours = item(e, "load balancer (ALB)");
  const auto& lcu = item(e, "load balancer capacity (ALB)");
  CHECK(lcu.quantity / 730 == Approx(1.08));
  CHECK(hours.quantity / 730 * hours.unit_price_usd + lcu.quantity / 730 * lcu.unit_price_usd == Approx(0.03114));
  CHECK((hours.unit_price_usd + lcu.quantity / 730 * lcu.unit_price_usd) * 720 == Approx(22.42).margin(0.005));
  // At AWS's 730-hour month: $16.43 + 788.4 LCU-h × $0.008 = $6.31.
  CHECK(hours.usd == Approx(16.43));
  CHECK(lcu.usd == Approx(6.31));
  CHECK(assumption(e, "pricing.lcu")->value == "1.08");
}

TEST_CASE("aws elb example, NLB: 300 KB/s of TCP is 1.08 NLCU, $0.02898 an hour", "[cost][aws]") {
  // 1 TCP connection/s lasting 2 minutes, 300 KB/s: 1.08 NLCU × $0.006 = $0.00648 + $0.0225 = $0.02898 an hour.
  // Here 10 requests/s (one connection/s at ten requests each) of 10 KB in and 20 KB out.
  Workload w("service");
  w.triggers({"tcp"})
      .duration("execution.duration.typical", 0.05)
      .count("traffic.requests_per_month", 10 * 2'628'000.0)
      .size("traffic.request_size", 10 * k_kb)
      .size("traffic.response_size", 20 * k_kb);
  const auto e = estimate(w.build(), "ec2");
  const auto& hours = item(e, "load balancer (NLB)");
  const auto& nlcu = item(e, "load balancer capacity (NLB)");
  CHECK(nlcu.quantity / 730 == Approx(1.08));
  CHECK(hours.unit_price_usd + nlcu.quantity / 730 * nlcu.unit_price_usd == Approx(0.02898));
  CHECK(nlcu.usd == Approx(4.73));  // 788.4 NLCU-h × $0.006
}

// --- Amazon API Gateway pricing page (https://aws.amazon.com/api-gateway/pricing/) -------------------------------

TEST_CASE("aws api gateway: HTTP API requests past 300M a month are billed at the next tier", "[cost][aws]") {
  // 1B requests: 300M × $1.00 + 700M × $0.90 = $930.
  Workload w("function");
  w.triggers({"http"}).duration("execution.duration.typical", 0.01).count("traffic.requests_per_month", 1e9);
  const auto e = estimate(w.build(), "lambda");
  CHECK(item(e, "API Gateway HTTP API (tier 1)").usd == Approx(300.00));
  CHECK(item(e, "API Gateway HTTP API (tier 2)").usd == Approx(630.00));
}

TEST_CASE("aws api gateway: a REST API's four tiers", "[cost][aws]") {
  // 1B requests: 333M × $3.50 + 667M × $2.80 = $1,165.50 + $1,867.60 = $3,033.10; past 20B, $1.51 a million.
  Workload w("function");
  w.triggers({"http"})
      .text("network.front_door", "api-gateway-rest")
      .duration("execution.duration.typical", 0.01)
      .count("traffic.requests_per_month", 1e9);
  const auto e = estimate(w.build(), "lambda");
  CHECK(item(e, "API Gateway REST API (tier 1)").usd == Approx(1'165.50));
  CHECK(item(e, "API Gateway REST API (tier 2)").usd == Approx(1'867.60));
  w.count("traffic.requests_per_month", 21e9);
  const auto big = estimate(w.build(), "lambda");
  CHECK(item(big, "API Gateway REST API (tier 3)").quantity == Approx(19'000));
  CHECK(item(big, "API Gateway REST API (tier 4)").quantity == Approx(1'000));
  CHECK(item(big, "API Gateway REST API (tier 4)").usd == Approx(1'510.00));
}

TEST_CASE("aws api gateway: a 513 KB HTTP API request is metered as two, a 33 KB WebSocket message as two",
          "[cost][aws]") {
  Workload w("function");
  w.triggers({"http"})
      .duration("execution.duration.typical", 0.1)
      .count("traffic.requests_per_month", 1e6)
      .size("traffic.request_size", 513 * 1024.0);
  CHECK(item(estimate(w.build(), "lambda"), "API Gateway HTTP API").quantity == Approx(2));
  w.size("traffic.request_size", 512 * 1024.0);
  CHECK(item(estimate(w.build(), "lambda"), "API Gateway HTTP API").quantity == Approx(1));
  w.triggers({"websocket"}).size("traffic.request_size", 33 * 1024.0);
  CHECK(item(estimate(w.build(), "lambda"), "API Gateway WebSocket messages").quantity == Approx(2));
}

// --- Data transfer out (Amazon EC2 pricing page, "Data transfer") ------------------------------------------------

TEST_CASE("aws data transfer out: 10 TB at $0.09, the next 40 TB at $0.085, 100 GB free with --free-tier",
          "[cost][aws]") {
  // 20 TB out: 10,240 GB × $0.09 = $921.60 and 10,240 GB × $0.085 = $870.40.
  Workload w("service");
  w.triggers({"http"})
      .duration("execution.duration.typical", 0.05)
      .count("traffic.requests_per_month", 20.0 * 1024 * 1024)
      .size("traffic.response_size", 1 * k_mib);
  const auto e = estimate(w.build(), "fargate");
  CHECK(item(e, "data transfer out (to the internet, tier 1)").quantity == Approx(10'240));
  CHECK(item(e, "data transfer out (to the internet, tier 1)").usd == Approx(921.60));
  CHECK(item(e, "data transfer out (to the internet, tier 2)").usd == Approx(870.40));
  // 150 GB with the free tier: 100 GB free, 50 GB × $0.09 = $4.50, on every target alike.
  w.count("traffic.requests_per_month", 150.0 * 1024);
  for (const char* target : {"lambda", "fargate", "ec2"}) {
    const auto free = estimate_with(w.build(), target, us_east_1(), k_free_tier);
    INFO(target);
    CHECK(item(free, "data transfer out (to the internet, after the free tier)").quantity == Approx(50));
    CHECK(item(free, "data transfer out (to the internet, after the free tier)").usd == Approx(4.50));
  }
}

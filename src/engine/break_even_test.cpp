#include "caas/engine/break_even.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>

#include "test_workloads.hpp"

using namespace caas;
using engine::test::k_gib;
using engine::test::thumbnailer;
using engine::test::Workload;

namespace {

const cost::RegionPrices& us_east_1() { return *engine::test::builtin_prices().find_region("us-east-1"); }

const std::vector<std::string> k_all = {"lambda", "fargate", "ec2"};

// The target with the lowest monthly total at `scale` (the first listed on a tie), evaluated directly.
std::string cheapest_at(const cost::CostInputs& inputs, const std::vector<std::string>& targets, double scale) {
  std::string best;
  double lowest = 0;
  for (const auto& target : targets) {
    const auto usd = cost::estimate_monthly_usd(inputs, target, us_east_1(), scale);
    if (usd && (best.empty() || *usd < lowest)) {
      best = target;
      lowest = *usd;
    }
  }
  return best;
}

// A queue worker of 1 s × 0.25 vCPU / 512 MiB on arm64, 1.5M messages a month: Fargate runs one task up to 0.7
// messages a second (1,839,600 a month), then two. It sits behind a NAT gateway, so its tasks have no public
// addresses, and the gateway costs every target the same.
Workload sawtooth_worker() {
  Workload w("worker");
  w.triggers({"sqs"})
      .flag("network.nat_gateway", true)
      .duration("execution.duration.typical", 1)
      .number("resources.cpu", 0.25)
      .size("resources.memory", 0.5 * k_gib)
      .text("resources.architecture", "arm64")
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 1.5e6);
  return w;
}

std::vector<model::WorkloadProfile> varied_profiles() {
  std::vector<model::WorkloadProfile> profiles = {thumbnailer().build(), sawtooth_worker().build()};
  auto api = Workload("service");
  api.triggers({"http"})
      .duration("execution.duration.typical", 0.2)
      .number("resources.cpu", 0.5)
      .size("resources.memory", 1 * k_gib)
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 26.28e6)
      .text("operations.availability", "high");
  profiles.push_back(api.build());
  api.text("traffic.pattern", "spiky").number("traffic.peak_rps", 300).flag("latency.cold_start_sensitive", true);
  profiles.push_back(api.build());
  auto worker = Workload("worker");
  worker.triggers({"sqs"})
      .duration("execution.duration.typical", 2)
      .number("execution.concurrency", 4)
      .size("resources.memory", 3 * k_gib)
      .count("traffic.requests_per_month", 5e6)
      .flag("cost.interruptible", true);
  profiles.push_back(worker.build());
  auto job = Workload("job");
  job.duration("execution.duration.typical", 45).count("traffic.runs_per_month", 2000);
  profiles.push_back(job.build());
  auto socket = Workload("service");
  socket.triggers({"websocket"}).count("traffic.requests_per_month", 40e6).text("traffic.pattern", "diurnal");
  profiles.push_back(socket.build());
  auto windows = Workload("service");
  windows.triggers({"http"}).text("runtime.os", "windows").count("traffic.requests_per_month", 3e6);
  profiles.push_back(windows.build());
  return profiles;
}

}  // namespace

TEST_CASE("break-even: Lambda gives way to one always-on task where its bill reaches the task's",
          "[engine][break-even]") {
  const auto inputs = cost::read_cost_inputs(thumbnailer().build());
  const auto result = engine::find_break_even(inputs, k_all, us_east_1());
  REQUIRE(result);
  CHECK(result->field == "traffic.requests_per_month");
  CHECK(result->events_per_month == 2e6);
  // Fargate: one 0.25 vCPU / 1 GiB arm64 task all month, 182.5 vCPU-h × $0.03238 = $5.91, 730 GB-h × $0.00356 =
  // $2.60, and its public IPv4 address, 730 IP-h × $0.005 = $3.65: $12.16. (EC2 needs a t4g.small once the OS
  // keeps its share of a t4g.micro's 1 GiB: $12.26 + $1.60 + $3.65 = $17.51.)
  // Lambda per million: $0.20 + 1,000,000 × 0.8 s × 1 GiB × $0.0000133334 = $10.86672.
  // Break-even: 12.16 ÷ 10.86672 = 1.11901 M requests.
  REQUIRE(result->crossings.size() == 1);
  const auto& crossing = result->crossings[0];
  CHECK(crossing.below == "lambda");
  CHECK(crossing.above == "fargate");
  CHECK_FALSE(crossing.at_step);
  CHECK(crossing.events_per_month == Approx(1'119'010).epsilon(0.01));
  CHECK(crossing.requests_per_second == Approx(crossing.events_per_month / 2'628'000));
  // Below today's traffic: seen from today, Lambda becomes the cheaper choice as traffic falls.
  CHECK(engine::crossing_message(*result, crossing, "AWS Lambda") ==
        "AWS Lambda becomes the cheaper choice below 1.12M requests a month (about 0.427 requests/second sustained)");
}

TEST_CASE("break-even: every crossing of a sawtooth is found, the one at a step reported as such",
          "[engine][break-even]") {
  const auto inputs = cost::read_cost_inputs(sawtooth_worker().build());
  const auto result = engine::find_break_even(inputs, {"lambda", "fargate"}, us_east_1());
  REQUIRE(result);
  // Fargate, one 0.25 vCPU / 0.5 GiB task: 182.5 vCPU-h × $0.03238 = $5.91, 365 GB-h × $0.00356 = $1.30: $7.21;
  // two tasks $11.82 + $2.60 = $14.42. Lambda per million: $0.20 + 500,000 GB-s × $0.0000133334 = $6.8667. The NAT
  // gateway and its address ($32.85 + $3.65) are on both bills, so they move no crossing.
  // Lambda reaches $7.21 at 1.05M; Fargate needs a second task above 0.7/s = 1,839,600 a month, where Lambda costs
  // $12.63; Lambda reaches $14.42 at 2.1M.
  REQUIRE(result->crossings.size() == 3);
  CHECK(result->crossings[0].below == "lambda");
  CHECK(result->crossings[0].above == "fargate");
  CHECK(result->crossings[0].events_per_month == Approx(1.05e6).epsilon(0.01));
  CHECK_FALSE(result->crossings[0].at_step);
  CHECK(result->crossings[1].below == "fargate");
  CHECK(result->crossings[1].above == "lambda");
  CHECK(result->crossings[1].at_step);
  CHECK(result->crossings[1].events_per_month == Approx(1'839'600).epsilon(1e-5));
  CHECK(result->crossings[2].below == "lambda");
  CHECK(result->crossings[2].above == "fargate");
  CHECK(result->crossings[2].events_per_month == Approx(2.1e6).epsilon(0.01));
  CHECK_FALSE(result->crossings[2].at_step);
  CHECK(engine::crossing_message(*result, result->crossings[1], "AWS Lambda") ==
        "AWS Lambda becomes the cheaper choice above 1.84M requests a month (about 0.7 requests/second sustained), "
        "where a task, instance or provisioned-concurrency count steps up");
}

TEST_CASE("break-even: each crossing agrees with direct evaluation on both sides", "[engine][break-even][property]") {
  const std::vector<std::vector<std::string>> subsets = {
      k_all, {"lambda", "fargate"}, {"lambda", "ec2"}, {"fargate", "ec2"}};
  int crossings = 0;
  for (const auto& profile : varied_profiles()) {
    const auto inputs = cost::read_cost_inputs(profile);
    for (const auto& targets : subsets) {
      const auto result = engine::find_break_even(inputs, targets, us_east_1());
      REQUIRE(result);
      double previous = 0;
      for (std::size_t i = 0; i < result->crossings.size(); ++i) {
        const auto& c = result->crossings[i];
        INFO(profile.at("kind").written << " " << result->events_per_month << ", crossing " << i << " at " << c.scale
                                        << (c.at_step ? " (step)" : ""));
        ++crossings;
        CHECK(c.scale > previous);
        CHECK(c.scale >= engine::k_smallest_scale);
        CHECK(c.scale <= engine::k_largest_scale);
        CHECK(c.below != c.above);
        if (i > 0) CHECK(result->crossings[i - 1].above == c.below);
        // Just below, the old target is cheapest; at 1 % more traffic (across the step, for a step), the new one.
        const double margin = c.at_step ? 1e-5 : 0.01;
        CHECK(cheapest_at(inputs, targets, c.scale * (1 - margin)) == c.below);
        CHECK(cheapest_at(inputs, targets, c.scale * (1 + margin)) == c.above);
        previous = c.scale;
      }
    }
  }
  CHECK(crossings >= 10);
}

TEST_CASE("break-even: the cheapest target at today's traffic is where the crossings leave it",
          "[engine][break-even][property]") {
  for (const auto& profile : varied_profiles()) {
    const auto inputs = cost::read_cost_inputs(profile);
    const auto result = engine::find_break_even(inputs, k_all, us_east_1());
    REQUIRE(result);
    std::string expected = cheapest_at(inputs, k_all, 1);
    for (const auto& c : result->crossings)
      if (c.scale <= 1) expected = c.above;
    if (!result->crossings.empty() && result->crossings.front().scale > 1) expected = result->crossings.front().below;
    CHECK(cheapest_at(inputs, k_all, 1) == expected);
  }
}

TEST_CASE("break-even: nothing to find without traffic or with fewer than two targets", "[engine][break-even]") {
  auto idle = Workload("service");
  idle.text("traffic.pattern", "steady");
  CHECK_FALSE(engine::find_break_even(cost::read_cost_inputs(idle.build()), k_all, us_east_1()));
  const auto inputs = cost::read_cost_inputs(thumbnailer().build());
  CHECK_FALSE(engine::find_break_even(inputs, {"lambda"}, us_east_1()));
  // Jobs scale their runs: a job billed per run on each target, in proportion, never changes its cheapest.
  auto job = Workload("job");
  job.duration("execution.duration.typical", 600).count("traffic.runs_per_month", 30);
  const auto runs = engine::find_break_even(cost::read_cost_inputs(job.build()), k_all, us_east_1());
  REQUIRE(runs);
  CHECK(runs->field == "traffic.runs_per_month");
  CHECK(runs->crossings.empty());
}

TEST_CASE("break-even: traffic is written as a user would, to three significant digits", "[engine][break-even]") {
  CHECK(engine::format_traffic(19'234'567) == "19.2M");
  CHECK(engine::format_traffic(711'350) == "711k");
  CHECK(engine::format_traffic(1'839'600) == "1.84M");
  CHECK(engine::format_traffic(2'000'000) == "2M");
  CHECK(engine::format_traffic(999.6) == "1000");
  CHECK(engine::format_traffic(0.3) == "0.3");
}

TEST_CASE("break-even: recommend lists each crossing under what would change the advice", "[engine][break-even]") {
  engine::EngineOptions options;
  options.prices = &engine::test::builtin_prices();
  const auto rec = engine::recommend(thumbnailer().build(), {}, engine::test::builtin_rules(), options);
  std::vector<model::Change> changes;
  for (const auto& change : rec.what_would_change)
    if (change.kind == "break_even") changes.push_back(change);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].target == "lambda");
  CHECK(changes[0].field == "traffic.requests_per_month");
  CHECK(changes[0].value == "1.12M");
  CHECK(changes[0].message ==
        "AWS Lambda becomes the cheaper choice below 1.12M requests a month (about 0.427 requests/second sustained)");
  options.explain_changes = false;
  CHECK(engine::recommend(thumbnailer().build(), {}, engine::test::builtin_rules(), options).what_would_change.empty());
  options.explain_changes = true;
  options.prices = nullptr;  // no costs: no break-even
  for (const auto& change :
       engine::recommend(thumbnailer().build(), {}, engine::test::builtin_rules(), options).what_would_change)
    CHECK(change.kind != "break_even");
}

TEST_CASE("cost table: each target's total at a tenth to ten times today's traffic", "[engine][break-even]") {
  const auto inputs = cost::read_cost_inputs(thumbnailer().build());
  const auto rows = engine::cost_table(inputs, k_all, us_east_1());
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].scale == 0.1);
  CHECK(rows[4].scale == 10);
  CHECK(rows[2].events_per_month == 2e6);
  CHECK(rows[0].events_per_month == Approx(2e5));
  // ×1: $21.73 on Lambda (0.40 + 21.33), $12.16 on Fargate, $17.51 on EC2 (see above); ×0.1: 0.04 + 2.13 = $2.17
  // on Lambda.
  CHECK(rows[2].usd[0] == Approx(21.73));
  CHECK(rows[2].usd[1] == Approx(12.16));
  CHECK(rows[2].usd[2] == Approx(17.51));
  CHECK(rows[0].usd[0] == Approx(2.17));
  for (std::size_t r = 1; r < rows.size(); ++r)
    for (std::size_t t = 0; t < k_all.size(); ++t) CHECK(*rows[r].usd[t] >= *rows[r - 1].usd[t]);
}

TEST_CASE("break-even: the search is quick enough to run for every workload", "[engine][break-even][.bench]") {
  const auto profiles = varied_profiles();
  std::vector<cost::CostInputs> inputs;
  inputs.reserve(profiles.size());
  for (const auto& p : profiles) inputs.push_back(cost::read_cost_inputs(p));
  constexpr int k_rounds = 2000;
  std::size_t sink = 0;
  const auto start = std::chrono::steady_clock::now();
  const auto cpu_start = std::clock();
  for (int i = 0; i < k_rounds; ++i)
    for (const auto& in : inputs) sink += engine::find_break_even(in, k_all, us_east_1())->crossings.size();
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN("break-even search, processor time: " << cpu / (k_rounds * static_cast<double>(inputs.size())) * 1e6
                                             << " µs per workload");
  const auto call_start = std::chrono::steady_clock::now();
  double total = 0;
  for (int i = 0; i < k_rounds; ++i)
    for (const auto& in : inputs)
      for (const auto& target : k_all)
        total += cost::estimate_monthly_usd(in, target, us_east_1(), 1 + i % 7).value_or(0);
  const auto call_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - call_start).count();
  WARN("one total-only estimate: " << call_seconds / (k_rounds * 3.0 * static_cast<double>(inputs.size())) * 1e6
                                   << " µs (" << total << ")");
  WARN("break-even search: " << seconds / (k_rounds * static_cast<double>(inputs.size())) * 1e6 << " µs per workload ("
                             << sink << " crossings)");
}

// Properties of the cost model over many generated workloads (monotone in traffic, items adding up, the fast
// total equal to the full estimate to the bit, Fargate's task sizes), and its processor-time benchmarks ([.bench]).
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

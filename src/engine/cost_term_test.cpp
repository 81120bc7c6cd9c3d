#include <catch2/catch.hpp>

#include "caas/engine/engine.hpp"
#include "test_workloads.hpp"

using namespace caas;
using engine::test::k_gib;
using engine::test::Workload;

namespace {

// The price table with every price of one target multiplied by `factor`: its own keys (and for Lambda its front
// door, API Gateway), and for EC2 its instances. Discounts and sizes are not prices and stay as they are; the load
// balancer serves both Fargate and EC2 and stays too.
cost::PriceTable raised(std::string_view target, double factor) {
  auto table = engine::test::builtin_prices();
  for (auto& [name, region] : table.regions) {
    for (auto& [key, price] : region.prices) {
      const bool own =
          key.rfind(std::string(target) + ".", 0) == 0 || (target == "lambda" && key.rfind("apigw.", 0) == 0);
      if (own && price.unit != "percent off" && price.unit != "GiB") price.usd *= factor;
    }
    if (target == "ec2")
      for (auto& instance : region.instances) instance.usd_per_hour *= factor;
  }
  return table;
}

const model::TargetResult& result_for(const model::Recommendation& rec, std::string_view id) {
  for (const auto& r : rec.ranking)
    if (r.target.id == id) return r;
  FAIL("no target " << id);
  return rec.ranking.front();
}

std::vector<model::WorkloadProfile> profiles() {
  std::vector<model::WorkloadProfile> all;
  auto function = Workload("function");
  function.triggers({"s3"})
      .duration("execution.duration.typical", 0.8)
      .duration("execution.duration.max", 30)
      .size("resources.memory", 1 * k_gib)
      .text("traffic.pattern", "spiky")
      .count("traffic.requests_per_month", 2e6)
      .text("cost.priority", "high");
  all.push_back(function.build());
  auto api = Workload("service");
  api.triggers({"http"})
      .duration("execution.duration.typical", 0.2)
      .number("resources.cpu", 0.5)
      .size("resources.memory", 1 * k_gib)
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 26.28e6)
      .text("operations.availability", "high")
      .number("cost.monthly_budget", 70);
  all.push_back(api.build());
  auto worker = Workload("worker");
  worker.triggers({"sqs"})
      .duration("execution.duration.typical", 2)
      .number("execution.concurrency", 4)
      .size("resources.memory", 3 * k_gib)
      .count("traffic.requests_per_month", 5e6);
  all.push_back(worker.build());
  auto job = Workload("job");
  job.triggers({"schedule"})
      .duration("execution.duration.typical", 300)
      .duration("execution.duration.max", 600)
      .count("traffic.runs_per_month", 2000)
      .text("cost.priority", "high");
  all.push_back(job.build());
  auto idle = Workload("service");
  idle.triggers({"http"}).count("traffic.requests_per_month", 50e3).text("traffic.pattern", "diurnal");
  all.push_back(idle.build());
  return all;
}

}  // namespace

TEST_CASE("cost in the score: a higher price never raises a target's rank", "[engine][cost][property]") {
  int moved = 0;
  for (const auto& profile : profiles()) {
    engine::EngineOptions options;
    options.prices = &engine::test::builtin_prices();
    const auto before = engine::recommend(profile, {}, engine::test::builtin_rules(), options);
    for (const std::string target : {"lambda", "fargate", "ec2"}) {
      for (const double factor : {1.5, 3.0, 20.0}) {
        const auto prices = raised(target, factor);
        options.prices = &prices;
        const auto after = engine::recommend(profile, {}, engine::test::builtin_rules(), options);
        const auto& old_result = result_for(before, target);
        const auto& new_result = result_for(after, target);
        INFO(profile.at("kind").written << ": " << target << " prices × " << factor);
        CHECK(new_result.rank >= old_result.rank);
        if (old_result.feasible) CHECK(new_result.score <= old_result.score);
        if (old_result.cost && new_result.cost) CHECK(new_result.cost->monthly_usd >= old_result.cost->monthly_usd);
        if (new_result.rank > old_result.rank) ++moved;
      }
    }
  }
  CHECK(moved > 0);  // the prices do move ranks, so the property is not vacuous
}

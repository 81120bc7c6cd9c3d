#include "caas/engine/cost_curve.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "caas/engine/break_even.hpp"
#include "test_workloads.hpp"

using namespace caas;
using engine::test::k_gib;
using engine::test::Workload;

namespace {

engine::EngineOptions options_with_curve() {
  engine::EngineOptions options;
  options.prices = &engine::test::builtin_prices();
  options.cost_curve = true;
  return options;
}

model::Recommendation recommend(const model::WorkloadProfile& profile) {
  return engine::recommend(profile, {}, engine::test::builtin_rules(), options_with_curve());
}

// A queue worker of 1 s × 0.25 vCPU / 512 MiB: one Fargate task up to 0.7 messages a second, then two, three...
Workload stepping_worker() {
  Workload w("worker");
  w.triggers({"sqs"})
      .duration("execution.duration.typical", 1)
      .number("resources.cpu", 0.25)
      .size("resources.memory", 0.5 * k_gib)
      .text("resources.architecture", "arm64")
      .text("traffic.pattern", "steady")
      .count("traffic.requests_per_month", 1.5e6);
  return w;
}

std::size_t index_of(const model::CostCurve& curve, std::string_view id) {
  return static_cast<std::size_t>(std::find(curve.targets.begin(), curve.targets.end(), id) - curve.targets.begin());
}

}  // namespace

TEST_CASE("cost curve: at the cost table's scales the points are the cost table's numbers", "[cost_curve]") {
  const auto profile = stepping_worker().build();
  const auto rec = recommend(profile);
  REQUIRE(rec.cost_curve);
  const auto& curve = *rec.cost_curve;
  REQUIRE(curve.targets.size() == 3);
  const auto table = engine::cost_table(cost::read_cost_inputs(profile), curve.targets,
                                        *engine::test::builtin_prices().find_region("us-east-1"));
  for (const auto& row : table) {
    const auto point =
        std::find_if(curve.points.begin(), curve.points.end(), [&](const auto& p) { return p.scale == row.scale; });
    REQUIRE(point != curve.points.end());
    CHECK(point->usd == row.usd);
  }
}

TEST_CASE("cost curve: runs from a tenth to ten times today's traffic in ascending order", "[cost_curve]") {
  const auto rec = recommend(stepping_worker().build());
  const auto& points = rec.cost_curve->points;
  REQUIRE(points.size() >= engine::curve_scales().size());
  CHECK(points.front().scale == 0.1);
  CHECK(points.back().scale == 10);
  CHECK(std::is_sorted(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.scale < b.scale; }));
  CHECK(std::adjacent_find(points.begin(), points.end(),
                           [](const auto& a, const auto& b) { return a.scale == b.scale; }) == points.end());
  CHECK(rec.cost_curve->events_per_month == 1.5e6);
}

TEST_CASE("cost curve: a step of the task count is drawn where it is, not across a grid interval", "[cost_curve]") {
  const auto rec = recommend(stepping_worker().build());
  const auto& curve = *rec.cost_curve;
  const auto fargate = index_of(curve, "fargate");
  REQUIRE(fargate < curve.targets.size());
  // One task serves 0.7 messages a second (1,839,600 a month): the second task starts just above 1.2264× today's.
  const double step = 1'839'600 / 1.5e6;
  bool found = false;
  for (std::size_t i = 1; i < curve.points.size(); ++i) {
    const auto& a = curve.points[i - 1];
    const auto& b = curve.points[i];
    if (*b.usd[fargate] > *a.usd[fargate] * 1.5) {
      found = true;
      CHECK(a.scale <= step);
      CHECK(b.scale >= step);
      CHECK(b.scale / a.scale < 1.001);
    }
  }
  CHECK(found);
}

TEST_CASE("cost curve: carries the break-even search's crossings", "[cost_curve]") {
  const auto profile = stepping_worker().build();
  const auto rec = recommend(profile);
  const auto break_even = engine::find_break_even(profile, rec, options_with_curve());
  REQUIRE(break_even);
  REQUIRE(rec.cost_curve->crossings.size() == break_even->crossings.size());
  for (std::size_t i = 0; i < break_even->crossings.size(); ++i) {
    CHECK(rec.cost_curve->crossings[i].scale == break_even->crossings[i].scale);
    CHECK(rec.cost_curve->crossings[i].below == break_even->crossings[i].below);
    CHECK_FALSE(rec.cost_curve->crossings[i].message.empty());
  }
  CHECK(rec.cost_curve->compared == break_even->targets);
}

TEST_CASE("cost curve: without traffic there are no points, and the note says why", "[cost_curve]") {
  Workload w("function");
  w.triggers({"s3"}).duration("execution.duration.typical", 0.5);
  const auto rec = recommend(w.build());
  REQUIRE(rec.cost_curve);
  CHECK(rec.cost_curve->points.empty());
  CHECK(rec.cost_curve->note == "the workload gives no traffic.requests_per_month to scale");
}

TEST_CASE("cost curve: only computed when asked for", "[cost_curve]") {
  engine::EngineOptions options;
  options.prices = &engine::test::builtin_prices();
  const auto rec = engine::recommend(stepping_worker().build(), {}, engine::test::builtin_rules(), options);
  CHECK_FALSE(rec.cost_curve);
}

#include <catch2/catch.hpp>

#include "caas/diff/compare.hpp"

using namespace caas;
using model::ChangeKind;

namespace {

struct TargetSpec {
  std::string id;
  bool feasible = true;
  double score = 0;
  std::optional<double> usd;
  std::vector<std::string> blockers = {};
};

model::Recommendation workload(const std::string& name, const std::vector<TargetSpec>& targets,
                               std::vector<model::InputValue> inputs = {}, std::string runs_on = {}) {
  model::Recommendation rec;
  rec.name = name;
  rec.runs_on = std::move(runs_on);
  rec.inputs = std::move(inputs);
  for (const auto& spec : targets) {
    model::TargetResult result;
    result.target.id = spec.id;
    result.target.name = "T " + spec.id;
    result.feasible = spec.feasible;
    result.score = spec.score;
    if (spec.usd) result.cost = model::CostEstimate{*spec.usd, {}, {}, {}};
    for (const auto& rule : spec.blockers)
      result.blockers.push_back({rule, model::Effect::exclude, 0, "no", "src", {}});
    result.rank = static_cast<int>(rec.ranking.size()) + 1;
    rec.ranking.push_back(std::move(result));
  }
  if (!rec.ranking.empty() && rec.ranking.front().feasible) rec.recommended = rec.ranking.front().target.id;
  return rec;
}

diff::SideFile file(const std::string& key, std::vector<model::Recommendation> workloads) {
  return {key, key, std::move(workloads), {}};
}

diff::Side side(std::vector<diff::SideFile> files) { return {{}, std::move(files)}; }

model::Recommendation lambda_api(const std::string& duration = "10m") {
  return workload("api", {{"lambda", true, 7, 27.07}, {"fargate", true, 5, 8.54}},
                  {{"kind", "function", 2, 7}, {"execution.duration.max", duration, 5, 8}});
}

model::Recommendation fargate_api() {
  return workload("api", {{"fargate", true, 6, 17.08}, {"lambda", false, 0, std::nullopt, {"lambda-max-duration"}}},
                  {{"kind", "function", 2, 7}, {"execution.duration.max", "20m", 5, 8}});
}

}  // namespace

TEST_CASE("diff compare: the same workloads on both sides are counted unchanged, not listed", "[diff]") {
  const auto result = diff::compare(side({file("a.yaml", {lambda_api()})}), side({file("a.yaml", {lambda_api()})}));
  CHECK(result.changes.empty());
  CHECK(result.unchanged == 1);
  CHECK(result.cost.change == 0);
}

TEST_CASE("diff compare: a changed input that rules a target out shows the flip, the field and the blocker", "[diff]") {
  const auto result = diff::compare(side({file("a.yaml", {lambda_api()})}), side({file("a.yaml", {fargate_api()})}));
  REQUIRE(result.changes.size() == 1);
  const auto& change = result.changes.front();
  CHECK(change.kind == ChangeKind::changed);
  CHECK(change.target_changed());
  CHECK(change.recommended_before == "lambda");
  CHECK(change.recommended_after == "fargate");
  REQUIRE(change.fields.size() == 1);
  CHECK(change.fields[0].field == "execution.duration.max");
  CHECK(change.fields[0].before == "10m");
  CHECK(change.fields[0].after == "20m");
  CHECK(change.fields[0].line == 5);
  REQUIRE(change.targets.size() == 2);
  CHECK(change.targets[0].target == "fargate");  // the head's rank order
  const auto& lambda = change.targets[1];
  CHECK(lambda.feasible_before == true);
  CHECK(lambda.feasible_after == false);
  CHECK(lambda.score_after == std::nullopt);
  REQUIRE(lambda.ruled_out_by.size() == 1);
  CHECK(lambda.ruled_out_by[0].rule == "lambda-max-duration");
  CHECK(change.cost_before == Approx(27.07));
  CHECK(change.cost_after == Approx(17.08));
  CHECK(result.cost.change == Approx(17.08 - 27.07));
  CHECK(result.target_changes() == 1);
}

TEST_CASE("diff compare: a file moved without other change is listed as moved, with both paths", "[diff]") {
  const auto result =
      diff::compare(side({file("old/a.yaml", {lambda_api()})}), side({file("new/a.yaml", {lambda_api()})}));
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].kind == ChangeKind::moved);
  CHECK(result.changes[0].file == "new/a.yaml");
  CHECK(result.changes[0].file_before == "old/a.yaml");
  CHECK(result.unchanged == 0);
}

TEST_CASE("diff compare: a moved file that also changes is matched by name and listed as changed", "[diff]") {
  const auto result =
      diff::compare(side({file("old/a.yaml", {lambda_api()})}), side({file("new/b.yaml", {fargate_api()})}));
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].kind == ChangeKind::changed);
  CHECK(result.changes[0].file_before == "old/a.yaml");
}

TEST_CASE("diff compare: a workload renamed in its own file is the same workload", "[diff]") {
  auto renamed = lambda_api();
  renamed.name = "api-v2";
  renamed.inputs.push_back({"name", "api-v2", 1, 7});
  auto original = lambda_api();
  original.inputs.push_back({"name", "api", 1, 7});
  const auto result = diff::compare(side({file("a.yaml", {original})}), side({file("a.yaml", {renamed})}));
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].kind == ChangeKind::changed);
  CHECK(result.changes[0].name == "api-v2");
  CHECK(result.changes[0].name_before == "api");
  REQUIRE(result.changes[0].fields.size() == 1);
  CHECK(result.changes[0].fields[0].field == "name");
}

TEST_CASE("diff compare: added and removed workloads count in the total, in and out", "[diff]") {
  auto gone = workload("gone", {{"ec2", true, 3, 30.0}});
  auto fresh = workload("fresh", {{"lambda", true, 3, 2.5}});
  const auto result = diff::compare(side({file("a.yaml", {lambda_api()}), file("gone.yaml", {gone})}),
                                    side({file("a.yaml", {lambda_api()}), file("fresh.yaml", {fresh})}));
  REQUIRE(result.changes.size() == 2);
  CHECK(result.changes[0].kind == ChangeKind::added);
  CHECK(result.changes[0].name == "fresh");
  CHECK(result.changes[1].kind == ChangeKind::removed);
  CHECK(result.changes[1].name == "gone");
  CHECK(result.cost.change == Approx(2.5 - 30.0));
  CHECK(result.unchanged == 1);
  REQUIRE(result.cost.base_total);
  CHECK(*result.cost.base_total == Approx(27.07 + 30.0));
  CHECK(*result.cost.head_total == Approx(27.07 + 2.5));
}

TEST_CASE("diff compare: the cost of runs_on counts where the workload names it", "[diff]") {
  auto before = lambda_api();
  auto after = lambda_api();
  after.runs_on = "fargate";
  after.inputs.push_back({"runs_on", "fargate", 3, 10});
  const auto result = diff::compare(side({file("a.yaml", {before})}), side({file("a.yaml", {after})}));
  REQUIRE(result.changes.size() == 1);
  const auto& change = result.changes[0];
  CHECK(change.costed_before == "lambda");
  CHECK(change.costed_after == "fargate");
  CHECK(change.verdict_before == model::Verdict::none);
  CHECK(change.verdict_after == model::Verdict::not_recommended);
  CHECK(result.cost.change == Approx(8.54 - 27.07));
  CHECK_FALSE(change.target_changed());  // the recommendation stays lambda
}

TEST_CASE("diff compare: a runs_on that can no longer run the workload is costed at the recommendation", "[diff]") {
  auto before = lambda_api();
  before.runs_on = "lambda";
  auto after = fargate_api();
  after.runs_on = "lambda";
  const auto result = diff::compare(side({file("a.yaml", {before})}), side({file("a.yaml", {after})}));
  REQUIRE(result.changes.size() == 1);
  const auto& change = result.changes[0];
  CHECK(change.verdict_before == model::Verdict::recommended);
  CHECK(change.verdict_after == model::Verdict::infeasible);
  CHECK(change.costed_before == "lambda");
  CHECK(change.costed_after == "fargate");
  CHECK(result.cost.change == Approx(17.08 - 27.07));
  CHECK(result.cost.workloads_without_cost == 0);
}

TEST_CASE("diff compare: a workload whose cost is unknown on a side is left out of the total and counted", "[diff]") {
  auto before = workload("w", {{"lambda", true, 3, std::nullopt}}, {{"kind", "function", 1, 1}});
  auto after = workload("w", {{"lambda", true, 3, 4.0}}, {{"kind", "function", 1, 1}, {"traffic.peak_rps", "5", 2, 1}});
  const auto result = diff::compare(side({file("w.yaml", {before})}), side({file("w.yaml", {after})}));
  CHECK(result.cost.change == 0);
  CHECK(result.cost.workloads_without_cost == 1);
}

TEST_CASE("diff compare: scores and costs compare as printed, so a report read back equals its evaluation", "[diff]") {
  auto exact = workload("w", {{"lambda", true, 7.0049, 27.0701}});
  auto printed = workload("w", {{"lambda", true, 7.0, 27.07}});
  const auto result = diff::compare(side({file("w.yaml", {printed})}), side({file("w.yaml", {exact})}));
  CHECK(result.changes.empty());
  CHECK(result.unchanged == 1);
}

TEST_CASE("diff compare: a workload name used twice among the unmatched is not guessed", "[diff]") {
  const auto result = diff::compare(side({file("a.yaml", {lambda_api()}), file("b.yaml", {lambda_api()})}),
                                    side({file("c.yaml", {lambda_api()}), file("d.yaml", {lambda_api()})}));
  CHECK(result.count(ChangeKind::added) == 2);
  CHECK(result.count(ChangeKind::removed) == 2);
}

TEST_CASE("diff compare: a file broken on one side leaves its workloads not compared, and its error is kept",
          "[diff]") {
  diff::SideFile broken{"a.yaml", "a.yaml", {}, {}};
  util::Diagnostic error;
  error.code = "yaml-syntax";
  error.message = "not valid YAML";
  error.where = {"a.yaml", 3, 4};
  broken.errors.push_back(error);
  const auto result = diff::compare(side({file("a.yaml", {lambda_api()})}), side({broken}));
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].kind == ChangeKind::not_compared);
  CHECK(result.changes[0].recommended_before == "lambda");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].side == "head");
  CHECK(result.errors[0].error.where.line == 3);
  CHECK(result.cost.change == 0);
}

TEST_CASE("diff compare: target changes come first, then changes, added, removed and moved, each by file", "[diff]") {
  auto changed_only = lambda_api("11m");
  const auto result =
      diff::compare(side({file("z.yaml", {lambda_api()}), file("y.yaml", {workload("y", {{"ec2", true, 1, 1.0}})}),
                          file("m1.yaml", {workload("m", {{"ec2", true, 1, 1.0}})}), file("b.yaml", {lambda_api()})}),
                    side({file("z.yaml", {fargate_api()}), file("x.yaml", {workload("x", {{"ec2", true, 1, 1.0}})}),
                          file("m2.yaml", {workload("m", {{"ec2", true, 1, 1.0}})}), file("b.yaml", {changed_only})}));
  // z and b both hold "api": each matches by its own file first.
  REQUIRE(result.changes.size() == 5);
  CHECK(result.changes[0].file == "z.yaml");
  CHECK(result.changes[0].target_changed());
  CHECK(result.changes[1].file == "b.yaml");
  CHECK(result.changes[1].kind == ChangeKind::changed);
  CHECK(result.changes[2].kind == ChangeKind::added);
  CHECK(result.changes[3].kind == ChangeKind::removed);
  CHECK(result.changes[4].kind == ChangeKind::moved);
}

TEST_CASE("diff compare: findings are matched as a baseline is, so only those the change brings are new", "[diff]") {
  auto before = lambda_api();
  before.findings.push_back({util::Severity::error, "check-runs-on-infeasible", "old words", "old/a.yaml", 3, 1, {}});
  before.findings.push_back({util::Severity::info, "lambda-note", "n", "old/a.yaml", 4, 1, {}});
  auto after = lambda_api("11m");
  after.name = "api";
  after.findings.push_back({util::Severity::error, "check-runs-on-infeasible", "new words", "new/a.yaml", 9, 1, {}});
  after.findings.push_back({util::Severity::warning, "contradiction-peak-below-average", "w", "new/a.yaml", 5, 1, {}});
  // The file moved: the base's findings are taken to the head's file before matching.
  diff::SideFile base_file{"old/a.yaml", "old/a.yaml", {before}, {}};
  diff::SideFile head_file{"new/a.yaml", "new/a.yaml", {after}, {}};
  const auto result = diff::compare(side({base_file}), side({head_file}));
  REQUIRE(result.changes.size() == 1);
  const auto& change = result.changes[0];
  REQUIRE(change.new_findings.size() == 1);
  CHECK(change.new_findings[0].rule == "contradiction-peak-below-average");
  REQUIRE(change.fixed_findings.size() == 1);
  CHECK(change.fixed_findings[0].rule == "lambda-note");
}

TEST_CASE("diff compare: an added workload's findings all come with the change", "[diff]") {
  auto fresh = lambda_api();
  fresh.findings.push_back({util::Severity::info, "check-no-runs-on", "m", "a.yaml", 1, 1, {}});
  const auto result = diff::compare(side({}), side({file("a.yaml", {fresh})}));
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].new_findings.size() == 1);
}

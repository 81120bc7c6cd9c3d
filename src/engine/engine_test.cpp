#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "caas/engine/engine.hpp"

using namespace caas;

namespace {

const char* const k_targets = R"(version: 1
revision: "t"
targets:
  - {id: lambda, name: AWS Lambda, model: FaaS, ops_burden: 1}
  - {id: fargate, name: AWS Fargate, model: CaaS, ops_burden: 2}
  - {id: ec2, name: Amazon EC2, model: IaaS, ops_burden: 3}
rules:
)";

const char* const k_rules[] = {
    R"R(  - {id: lambda-max-duration, target: lambda, effect: exclude, when: "execution.duration.max > 15m", message: "runs up to {execution.duration.max}", source: "s"}
)R",
    R"R(  - {id: lambda-events, target: lambda, effect: prefer, weight: 2, when: "any(triggers, [\"s3\", \"sqs\"])", message: "events", source: "s"}
)R",
    R"R(  - {id: fargate-long-jobs, target: fargate, effect: prefer, weight: 2, when: "kind == \"job\" and execution.duration.max > 15m", message: "long job", source: "s"}
)R",
    R"R(  - {id: ec2-ops, target: ec2, effect: avoid, weight: 3, when: "operations.ops_capacity == \"low\"", message: "ops", source: "s"}
)R",
    R"R(  - {id: any-gpu, target: [lambda, fargate], effect: exclude, when: "resources.gpu > 0", message: "gpu", source: "s"}
)R",
    R"R(  - {id: zip-note, target: lambda, effect: note, when: "package.size > 50MiB", message: "upload through S3", source: "s"}
)R",
    R"R(  - {id: os-default, target: ec2, effect: prefer, weight: 0.5, when: "runtime.os == \"linux\"", message: "linux", source: "s"}
)R",
};

rules::RuleSet table(const std::vector<std::size_t>& order) {
  std::string text = k_targets;
  for (auto i : order) text += k_rules[i];
  auto set = rules::load_rules(text, "t.yaml");
  if (!set) FAIL(set.error().front().message);
  return std::move(*set);
}

rules::RuleSet table() { return table({0, 1, 2, 3, 4, 5, 6}); }

model::FieldValue written(util::Value value, std::string text, int line) {
  model::FieldValue f;
  f.value = std::move(value);
  f.origin = model::Origin::written;
  f.written = std::move(text);
  f.line = line;
  f.column = 3;
  return f;
}

model::WorkloadProfile profile(const std::string& kind) {
  model::WorkloadProfile p;
  p.name = "w";
  p.file = "w.yaml";
  p.line = 2;
  p.at("kind") = written(util::Value::of_string(kind), kind, 2);
  return p;
}

void set_duration(model::WorkloadProfile& p, double seconds, const std::string& text) {
  p.at("execution.duration.typical") = written(util::Value::of_quantity(util::Kind::duration, seconds), text, 5);
  p.at("execution.duration.max") = written(util::Value::of_quantity(util::Kind::duration, seconds), text, 5);
}

const model::TargetResult& result_for(const model::Recommendation& rec, std::string_view id) {
  for (const auto& r : rec.ranking)
    if (r.target.id == id) return r;
  FAIL("no target " << id);
  return rec.ranking.front();
}

}  // namespace

TEST_CASE("engine: an exclusion makes its target infeasible, ranked last, with the rule as blocker", "[engine]") {
  auto p = profile("job");
  set_duration(p, 7200, "2h");
  model::apply_defaults(p);
  const auto rec = engine::recommend(p, {}, table(), {});
  const auto& lambda = result_for(rec, "lambda");
  CHECK_FALSE(lambda.feasible);
  CHECK(lambda.rank == 3);
  REQUIRE(lambda.blockers.size() == 1);
  CHECK(lambda.blockers[0].rule == "lambda-max-duration");
  CHECK(lambda.blockers[0].message == "runs up to 2h");
  CHECK(lambda.blockers[0].fields == std::vector<std::string>{"execution.duration.max"});
  CHECK(lambda.blockers[0].line == 5);
  CHECK(rec.recommended == std::optional<std::string>("fargate"));
}

TEST_CASE("engine: scores are prefer minus avoid, ties go to lower ops burden then id", "[engine]") {
  auto p = profile("function");
  p.at("triggers") = written(util::Value::of_list({util::Value::of_string("s3")}, util::Kind::string), "s3", 4);
  p.at("operations.ops_capacity") = written(util::Value::of_string("low"), "low", 6);
  model::apply_defaults(p);
  const auto rec = engine::recommend(p, {}, table(), {});
  CHECK(result_for(rec, "lambda").score == 2);
  CHECK(result_for(rec, "ec2").score == -2.5);
  CHECK(result_for(rec, "fargate").score == 0);
  CHECK(rec.ranking[0].target.id == "lambda");
  CHECK(rec.ranking[1].target.id == "fargate");
  CHECK(rec.ranking[2].target.id == "ec2");

  auto q = profile("service");
  model::apply_defaults(q);
  auto rules = table({0, 1, 2, 3, 4, 5});
  const auto tie = engine::recommend(q, {}, rules, {});
  CHECK(tie.ranking[0].target.id == "lambda");  // all at 0: lowest ops burden first
  CHECK(tie.ranking[2].target.id == "ec2");
}

TEST_CASE("engine: defaults that a fired rule read are listed as assumptions", "[engine]") {
  auto p = profile("service");
  model::apply_defaults(p);
  const auto rec = engine::recommend(p, {}, table(), {});
  REQUIRE(rec.assumptions.size() == 1);
  CHECK(rec.assumptions[0].field == "runtime.os");
  CHECK(rec.assumptions[0].value == "linux");
  const auto& ec2 = result_for(rec, "ec2");
  REQUIRE(ec2.reasons.size() == 1);
  CHECK(ec2.reasons[0].fields.empty());  // fired on a default: located at the kind line
  CHECK(ec2.reasons[0].line == 2);
}

TEST_CASE("engine: note rules become info findings and parser warnings become warning findings", "[engine]") {
  auto p = profile("function");
  p.at("package.size") = written(util::Value::of_quantity(util::Kind::size, 60e6), "60MB", 8);
  model::apply_defaults(p);
  util::Diagnostic warning;
  warning.severity = util::Severity::warning;
  warning.code = "contradiction-package-size";
  warning.message = "suspicious";
  warning.where = {"w.yaml", 8, 3};
  const auto rec = engine::recommend(p, {warning}, table(), {});
  REQUIRE(rec.findings.size() == 2);
  CHECK(rec.findings[0].severity == util::Severity::warning);
  CHECK(rec.findings[0].field == "package.size");
  CHECK(rec.findings[1].severity == util::Severity::info);
  CHECK(rec.findings[1].rule == "zip-note");
  CHECK(rec.findings[1].line == 8);
}

TEST_CASE("engine property: an exclusion always makes its target infeasible", "[engine][property]") {
  std::mt19937 random(7);
  for (int i = 0; i < 200; ++i) {
    auto p = profile(i % 2 == 0 ? "job" : "service");
    const double seconds = std::uniform_real_distribution<double>(1, 7200)(random);
    set_duration(p, seconds, "x");
    const int gpus = static_cast<int>(random() % 3);
    p.at("resources.gpu") = written(util::Value::of_number(gpus), std::to_string(gpus), 7);
    p.at("operations.ops_capacity") = written(util::Value::of_string("low"), "low", 6);
    model::apply_defaults(p);
    const auto rec = engine::recommend(p, {}, table(), {});
    for (const auto& r : rec.ranking) {
      CHECK(r.feasible == r.blockers.empty());
      if (r.target.id == "lambda" && (seconds > 900 || gpus > 0)) CHECK_FALSE(r.feasible);
      if (r.target.id == "fargate" && gpus > 0) CHECK_FALSE(r.feasible);
    }
    if (gpus > 0) CHECK(rec.recommended == std::optional<std::string>("ec2"));
  }
}

TEST_CASE("engine property: the order of rules in the file never changes the result", "[engine][property]") {
  auto p = profile("job");
  set_duration(p, 3600, "1h");
  p.at("triggers") = written(util::Value::of_list({util::Value::of_string("sqs")}, util::Kind::string), "sqs", 4);
  p.at("operations.ops_capacity") = written(util::Value::of_string("low"), "low", 6);
  p.at("package.size") = written(util::Value::of_quantity(util::Kind::size, 60e6), "60MB", 8);
  model::apply_defaults(p);
  std::vector<std::size_t> order = {0, 1, 2, 3, 4, 5, 6};
  const auto reference = engine::recommend(p, {}, table(order), {});
  std::mt19937 random(11);
  for (int i = 0; i < 30; ++i) {
    std::shuffle(order.begin(), order.end(), random);
    const auto rec = engine::recommend(p, {}, table(order), {});
    REQUIRE(rec.ranking.size() == reference.ranking.size());
    for (std::size_t k = 0; k < rec.ranking.size(); ++k) {
      CHECK(rec.ranking[k].target.id == reference.ranking[k].target.id);
      CHECK(rec.ranking[k].score == reference.ranking[k].score);
      REQUIRE(rec.ranking[k].reasons.size() == reference.ranking[k].reasons.size());
      for (std::size_t j = 0; j < rec.ranking[k].reasons.size(); ++j)
        CHECK(rec.ranking[k].reasons[j].rule == reference.ranking[k].reasons[j].rule);
    }
    CHECK(rec.findings.size() == reference.findings.size());
  }
}

TEST_CASE("engine: check judges runs_on", "[engine]") {
  auto p = profile("job");
  set_duration(p, 7200, "2h");
  p.at("runs_on") = written(util::Value::of_string("lambda"), "lambda", 3);
  model::apply_defaults(p);
  engine::EngineOptions options;
  options.judge_runs_on = true;
  auto rec = engine::recommend(p, {}, table(), options);
  REQUIRE_FALSE(rec.findings.empty());
  CHECK(rec.findings[0].severity == util::Severity::error);
  CHECK(rec.findings[0].rule == "check-runs-on-infeasible");
  CHECK(rec.findings[0].line == 3);
  CHECK(rec.findings[0].field == "runs_on");

  p.at("runs_on") = written(util::Value::of_string("ec2"), "ec2", 3);
  rec = engine::recommend(p, {}, table(), options);
  REQUIRE_FALSE(rec.findings.empty());
  CHECK(rec.findings[0].severity == util::Severity::warning);
  CHECK(rec.findings[0].rule == "check-runs-on-not-recommended");
}

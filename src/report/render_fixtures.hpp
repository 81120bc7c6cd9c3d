#pragma once
// Hand-built recommendations for the renderer tests: one Lambda answer with cost items, one with an infeasible
// target and its blocker, one with no feasible target; and a helper that runs a whole batch through a format.
#include <sstream>
#include <string>
#include <vector>

#include "caas/report/report.hpp"

namespace caas::report::test {

inline model::Target lambda_target() { return {"lambda", "AWS Lambda", "FaaS", 1}; }
inline model::Target fargate_target() { return {"fargate", "AWS Fargate", "CaaS", 2}; }
inline model::Target ec2_target() { return {"ec2", "Amazon EC2", "IaaS", 3}; }

inline model::Reason reason(std::string rule, model::Effect effect, double weight, std::string message,
                            std::vector<std::string> fields = {}) {
  model::Reason r;
  r.rule = std::move(rule);
  r.effect = effect;
  r.weight = weight;
  r.message = std::move(message);
  r.source = "seed: " + r.rule;
  r.fields = std::move(fields);
  r.line = r.fields.empty() ? 0 : 5;
  r.column = r.fields.empty() ? 0 : 3;
  return r;
}

inline model::CostEstimate cost(double monthly, std::vector<model::CostItem> items = {}) {
  model::CostEstimate c;
  c.monthly_usd = monthly;
  c.items = std::move(items);
  c.assumptions = {{"pricing.free_tier", "none", "it belongs to the account, not the workload"}};
  return c;
}

inline model::TargetResult feasible(model::Target target, int rank, double score,
                                    std::optional<model::CostEstimate> c) {
  model::TargetResult t;
  t.target = std::move(target);
  t.rank = rank;
  t.score = score;
  t.cost_points = score > 1 ? 1.6 : 0.4;
  t.cost = std::move(c);
  return t;
}

inline model::TargetResult infeasible(model::Target target, int rank, model::Reason blocker) {
  model::TargetResult t;
  t.target = std::move(target);
  t.rank = rank;
  t.feasible = false;
  t.score = -1;  // meaningless when infeasible: must not be printed
  t.blockers.push_back(std::move(blocker));
  return t;
}

// thumbnailer → Lambda, Fargate second, EC2 out by a policy rule.
inline model::Recommendation thumbnailer() {
  model::Recommendation r;
  r.name = "thumbnailer";
  r.file = "services/thumbnailer.yaml";
  r.recommended = "lambda";
  auto lambda = feasible(lambda_target(), 1, 7.0,
                         cost(27.07, {{"requests", 2000000, "request", 0.0000002, 0.4},
                                      {"compute (GB-seconds, arm64)", 1600000, "GB-second", 0.0000166667, 26.67}}));
  lambda.reasons = {
      reason("lambda-event-driven", model::Effect::prefer, 2,
             "event-driven: Lambda runs code in response to events and bills nothing while idle", {"triggers"}),
      reason("lambda-package-size", model::Effect::note, 0, "zip over 50 MB is uploaded through S3"),
      reason("cost", model::Effect::prefer, 1.6,
             "$27.07 a month, 3.17× the cost of AWS Fargate ($8.54): cost earns 1.60 of 4")};
  auto fargate = feasible(fargate_target(), 2, 3.5, cost(8.54));
  fargate.reasons = {reason("fargate-idle", model::Effect::avoid, 1.5, "pays for tasks while idle")};
  auto ec2 = infeasible(ec2_target(), 3,
                        reason("policy-no-ec2", model::Effect::exclude, 0, "team policy: no servers", {"x.policy"}));
  r.ranking = {lambda, fargate, ec2};
  r.assumptions = {{"resources.architecture", "any", "default; priced as arm64"}};
  r.what_would_change = {{"break_even", "fargate", "traffic.requests_per_month", "19M",
                          "Fargate becomes the cheaper choice above 19 M requests a month"},
                         {"limit", "ec2", "x.policy", "false", "EC2 becomes feasible if x.policy is false"}};
  r.findings = {
      {util::Severity::info, "runs-on-missing", "no runs_on to judge", "services/thumbnailer.yaml", 1, 1, "runs_on"}};
  return r;
}

// A three-hour batch job: Lambda is blocked by its 15-minute limit, Fargate wins.
inline model::Recommendation nightly_report() {
  model::Recommendation r;
  r.name = "nightly-report";
  r.file = "jobs/nightly.yaml";
  r.recommended = "fargate";
  auto fargate = feasible(fargate_target(), 1, 4.25, cost(12.345));
  auto ec2 = feasible(ec2_target(), 2, 1.0, std::nullopt);
  ec2.cost_unknown_reason = "no price for this instance family in eu-south-2";
  auto lambda =
      infeasible(lambda_target(), 3,
                 reason("lambda-max-duration", model::Effect::exclude, 0,
                        "runs up to 3h; a Lambda invocation is stopped after 15 minutes", {"execution.duration.max"}));
  lambda.blockers[0].source = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html";
  r.ranking = {fargate, ec2, lambda};
  r.what_would_change = {{"limit", "lambda", "execution.duration.max", "15m",
                          "Lambda becomes feasible if the longest run drops to 15 minutes"}};
  return r;
}

// Nothing fits: every target has a blocker.
inline model::Recommendation gpu_trainer() {
  model::Recommendation r;
  r.name = "gpu-trainer";
  r.file = "ml/trainer.yaml";
  r.ranking = {infeasible(ec2_target(), 1, reason("policy-budget", model::Effect::exclude, 0, "over budget")),
               infeasible(fargate_target(), 2, reason("fargate-no-gpu", model::Effect::exclude, 0, "no GPUs")),
               infeasible(lambda_target(), 3, reason("lambda-no-gpu", model::Effect::exclude, 0, "no GPUs"))};
  return r;
}

inline util::Diagnostic broken_file_error() {
  util::Diagnostic d;
  d.code = "unknown-key";
  d.message = "unknown key 'memroy' in resources";
  d.hint = "did you mean 'memory'?";
  d.where = {"services/broken.yaml", 4, 3};
  d.source_line = "  memroy: 1GiB";
  d.span = 6;
  return d;
}

inline Summary batch_summary() {
  Summary s;
  s.files = 4;
  s.workloads = 3;
  s.errors = 1;
  s.by_target = {{"lambda", "AWS Lambda", 1}, {"fargate", "AWS Fargate", 1}, {"ec2", "Amazon EC2", 0}};
  s.by_none = 1;
  s.exit_code = 2;
  return s;
}

inline ToolInfo tool() { return {"caas-advisor", "0.1.0", "2026-11-26", "2026-11-26"}; }

// The whole protocol: begin, every result, every error, finish.
inline std::string render(std::string_view format, const std::vector<model::Recommendation>& results,
                          const util::Diagnostics& errors, const Summary& summary, const RenderOptions& options = {}) {
  std::ostringstream out;
  auto renderer = find_format(format)->make(out, options);
  renderer->begin(tool());
  for (const auto& r : results) renderer->result(r);
  for (const auto& e : errors) renderer->error(e);
  renderer->finish(summary);
  return out.str();
}

inline std::string render_batch(std::string_view format, const RenderOptions& options = {}) {
  return render(format, {thumbnailer(), nightly_report(), gpu_trainer()}, {broken_file_error()}, batch_summary(),
                options);
}

}  // namespace caas::report::test

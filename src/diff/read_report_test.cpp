// Reading a JSON report back as a side of diff.
#include "caas/diff/read_report.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

using namespace caas;

namespace {

// A report of two files: one result with every part diff compares, and one file the report could not evaluate.
const std::string k_report = R"({
  "schema": "caas-advisor/report/v1",
  "tool": {"name": "caas-advisor", "version": "0.1.0", "rules_version": "2026-11-26", "pricing_date": "2026-11-26"},
  "results": [
    {
      "workload": {"name": "api", "file": "services/api.yaml"},
      "recommendation": "fargate",
      "ranking": [
        {"target": "fargate", "rank": 1, "feasible": true, "score": 3.5, "monthly_cost_usd": 44.43, "blockers": [],
         "target_name": "AWS Fargate", "extra": {"later": true}},
        {"target": "lambda", "rank": 3, "feasible": false, "score": null, "monthly_cost_usd": null,
         "blockers": [{"rule": "lambda-max-duration", "message": "runs up to 20m", "source": "https://x",
                       "fields": ["execution.duration.max"], "line": 8, "column": 3}]}
      ],
      "findings": [{"severity": "error", "rule": "check-runs-on-infeasible", "message": "m",
                    "file": "services/api.yaml", "line": 4, "column": 10, "field": null}],
      "inputs": [{"field": "runs_on", "value": "lambda", "line": 4, "column": 10},
                 {"field": "execution.duration.max", "value": "20m", "line": 8, "column": 3}]
    }
  ],
  "errors": [{"file": "services/broken.yaml", "line": 8, "column": 13, "message": "unknown key 'memroy'",
              "code": "unknown-key", "hint": null, "severity": "error"}],
  "summary": {}
}
)";

diff::ReportRead read(const std::string& text) {
  return diff::read_report(text, "base.json", diff::report_limits(std::size_t{1024} * 1024));
}

}  // namespace

TEST_CASE("read report: each result becomes the advice diff compares, extras passed over", "[diff][report-side]") {
  const auto report = read(k_report);
  REQUIRE(report.errors.empty());
  CHECK(report.rules_version == "2026-11-26");
  REQUIRE(report.files.size() == 2);
  const auto& api = report.files[0];
  CHECK(api.file == "services/api.yaml");
  REQUIRE(api.workloads.size() == 1);
  const auto& rec = api.workloads[0];
  CHECK(rec.name == "api");
  CHECK(rec.recommended == "fargate");
  CHECK(rec.runs_on == "lambda");  // from the inputs as written
  REQUIRE(rec.ranking.size() == 2);
  CHECK(rec.ranking[0].target.name == "AWS Fargate");
  CHECK(rec.ranking[0].cost->monthly_usd == Approx(44.43));
  CHECK_FALSE(rec.ranking[1].feasible);
  CHECK_FALSE(rec.ranking[1].cost);
  CHECK(rec.ranking[1].target.name == "lambda");  // no target_name: the id
  REQUIRE(rec.ranking[1].blockers.size() == 1);
  CHECK(rec.ranking[1].blockers[0].source == "https://x");
  CHECK(rec.ranking[1].blockers[0].fields == std::vector<std::string>{"execution.duration.max"});
  REQUIRE(rec.findings.size() == 1);
  CHECK(rec.findings[0].severity == util::Severity::error);
  CHECK(rec.findings[0].line == 4);
  CHECK(rec.inputs.size() == 2);
}

TEST_CASE("read report: a file the report could not evaluate keeps its error, so it is not compared",
          "[diff][report-side]") {
  const auto report = read(k_report);
  const auto& broken = report.files[1];
  CHECK(broken.file == "services/broken.yaml");
  CHECK(broken.workloads.empty());
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].code == "error-in-report");
  CHECK(broken.errors[0].where.line == 8);
  CHECK(broken.errors[0].message == "when the report was written: unknown key 'memroy' (unknown-key)");
}

TEST_CASE("read report: a result that cannot be read is a located error for its file, the rest is read",
          "[diff][report-side]") {
  std::string text = k_report;
  text.replace(text.find("\"feasible\": true"), 16, "\"feasible\": \"yes\"");
  const auto report = read(text);
  CHECK(report.errors.empty());
  REQUIRE(report.files.size() == 2);
  CHECK(report.files[0].workloads.empty());
  REQUIRE(report.files[0].errors.size() == 1);
  const auto& error = report.files[0].errors[0];
  CHECK(error.where.file == "base.json");
  CHECK(error.where.line == 9);
  CHECK(error.message.find("feasible") != std::string::npos);
  CHECK(report.files[1].errors.size() == 1);  // the other file is still read
}

TEST_CASE("read report: a result without a file is an error of the report itself", "[diff][report-side]") {
  std::string text = k_report;
  text.replace(text.find("\"file\": \"services/api.yaml\"}"), 28, "\"path\": \"services/api.yaml\"}");
  const auto report = read(text);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].code == "missing-field");
  CHECK(report.errors[0].where.line == 6);
}

TEST_CASE("read report: another schema, or not a report at all, is refused where it says so", "[diff][report-side]") {
  std::string diff = k_report;
  diff.replace(diff.find("report/v1"), 9, "diff/v1");
  auto report = read(diff);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].code == "not-a-report");
  CHECK(report.errors[0].where.line == 2);
  CHECK(report.files.empty());
  CHECK(read("[1, 2]").errors[0].code == "not-a-mapping");
  CHECK(read("{\"schema\": ").errors[0].code == "yaml-syntax");
  CHECK(read("").errors[0].code == "not-a-mapping");
}

TEST_CASE("read report: input limits hold, an alias counted at each use", "[diff][report-side]") {
  util::InputLimits small = diff::report_limits(0);
  small.max_nodes = 50;
  CHECK(diff::read_report(k_report, "r.json", small).errors[0].code == "too-many-nodes");
  small.max_bytes = 100;
  CHECK(diff::read_report(k_report, "r.json", small).errors[0].code == "too-large");
  CHECK(diff::report_limits(0).max_bytes == std::size_t{64} * 1024 * 1024);
  const auto large = std::size_t{128} * 1024 * 1024;
  CHECK(diff::report_limits(large).max_bytes == large);
}

TEST_CASE("read report: a side is a report when its JSON opens with a caas-advisor schema", "[diff][report-side]") {
  CHECK(diff::looks_like_report(k_report));
  CHECK(diff::looks_like_report("\n  {\"schema\": \"caas-advisor/diff/v1\"}"));  // read, then refused by name
  CHECK_FALSE(diff::looks_like_report("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}}"));
  CHECK_FALSE(diff::looks_like_report("apiVersion: caas-advisor/v1\nname: x\n"));
  CHECK_FALSE(diff::looks_like_report(""));
}

namespace {

diff::ReportRead two_files(std::string first, std::string second) {
  diff::ReportRead report;
  report.files.push_back({std::move(first), {model::Recommendation{}}, {}});
  report.files.push_back({std::move(second), {model::Recommendation{}}, {}});
  return report;
}

}  // namespace

TEST_CASE("read report: its paths are keyed from the folder it was written for, to match the other side",
          "[diff][report-side]") {
  // `recommend repo/services -f json` against the folder repo/services: keys relative to it.
  auto side = diff::report_side(two_files("repo/services/a.yaml", "repo/services/jobs/b.yaml"),
                                {"a.yaml", "jobs/b.yaml", "c.yaml"}, "base.json");
  REQUIRE(side.files.size() == 2);
  CHECK(side.files[0].key == "a.yaml");
  CHECK(side.files[0].display == "repo/services/a.yaml");
  CHECK(side.files[1].key == "jobs/b.yaml");
  // Nothing in common with the other side (another report): from the report's common folder.
  side = diff::report_side(two_files("base/s/a.yaml", "base/s/jobs/b.yaml"), {}, "base.json");
  CHECK(side.files[0].key == "a.yaml");
  CHECK(side.files[1].key == "jobs/b.yaml");
}

TEST_CASE("read report: against a lone file, a report of one file is that file whatever its name",
          "[diff][report-side]") {
  diff::ReportRead report;
  report.files.push_back({"old/name.yaml", {model::Recommendation{}}, {}});
  report.errors.push_back(util::make_error("not-a-report", "m", {"base.json", 2, 3}));
  const auto side = diff::report_side(std::move(report), {""}, "base.json");
  REQUIRE(side.files.size() == 2);
  CHECK(side.files[0].key.empty());
  CHECK(side.files[1].key == "base.json");  // the report's own errors, as a file of their own
  CHECK(side.files[1].errors.size() == 1);
}

TEST_CASE("read report: a report written without check's findings gets check's judgement of runs_on back",
          "[diff][report-side]") {
  // k_report holds check's finding for api (runs_on lambda, infeasible): nothing is added.
  auto report = read(k_report);
  CHECK(report.files[0].workloads[0].findings.size() == 1);
  // Without it (as recommend writes the report), the judgement is made from the report: the same rule, at runs_on.
  std::string text = k_report;
  const auto from = text.find("\"findings\": [{");
  const auto to = text.find("}],", from);
  text.replace(from, to + 3 - from, "\"findings\": [],");
  report = read(text);
  REQUIRE(report.errors.empty());
  const auto& findings = report.files[0].workloads[0].findings;
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "check-runs-on-infeasible");
  CHECK(findings[0].severity == util::Severity::error);
  CHECK(findings[0].line == 4);
  CHECK(findings[0].file == "services/api.yaml");
}

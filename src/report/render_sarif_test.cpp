// SARIF 2.1.0 as GitHub code scanning requires it: one run, a named driver that declares every ruleId, relative
// URIs, 1-based regions, fingerprints that survive reformatting, the exit code in the invocation.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "render_fixtures.hpp"
#include "sarif_support.hpp"

using namespace caas;
using namespace caas::report::test;
using Json = nlohmann::json;

namespace {

model::Recommendation judged(int line_shift) {
  auto r = nightly_report();
  r.findings = {
      {util::Severity::error, "check-runs-on-infeasible", "runs_on lambda: AWS Lambda cannot run this workload", r.file,
       3 + line_shift, 10, "runs_on"},
      {util::Severity::warning, "contradiction-job-requests", "a job has 'traffic.peak_rps'", r.file, 8 + line_shift, 3,
       "traffic.peak_rps"},
      {util::Severity::info, "lambda-cold-start", "must not pay cold starts", r.file, 9 + line_shift, 3,
       "latency.cold_start_sensitive"},
  };
  r.ranking[2].reasons.push_back(reason("lambda-cold-start", model::Effect::note, 0, "must not pay cold starts"));
  r.ranking[2].reasons.back().source = "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html";
  return r;
}

Json sarif_of(const std::vector<model::Recommendation>& results, const util::Diagnostics& errors = {},
              const report::Summary& summary = batch_summary()) {
  return Json::parse(render("sarif", results, errors, summary));
}

std::vector<std::string> fingerprints(const Json& doc) {
  std::vector<std::string> out;
  for (const auto& result : doc["runs"][0]["results"])
    out.push_back(result["partialFingerprints"]["caasAdvisor/v1"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("sarif: one run, a named driver, and every ruleId declared with descriptions and help", "[report][sarif]") {
  util::Diagnostic no_line;
  no_line.code = "unreadable-file";
  no_line.message = "permission denied";
  no_line.where.file = "services/locked.yaml";
  const Json doc = sarif_of({thumbnailer(), judged(0), gpu_trainer()}, {broken_file_error(), no_line});
  CHECK(doc["version"] == "2.1.0");
  CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  REQUIRE(doc["runs"].size() == 1);
  const Json& run = doc["runs"][0];
  const Json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "caas-advisor");
  CHECK(driver["version"] == "0.1.0");
  std::vector<std::string> declared;
  for (const auto& rule : driver["rules"]) {
    declared.push_back(rule["id"]);
    CHECK_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    CHECK_FALSE(rule["help"]["text"].get<std::string>().empty());
    CHECK_FALSE(rule["help"]["markdown"].get<std::string>().empty());
    const std::set<std::string> levels = {"error", "warning", "note"};
    CHECK(levels.count(rule["defaultConfiguration"]["level"].get<std::string>()) == 1);
  }
  CHECK(declared == std::vector<std::string>{"runs-on-missing", "check-runs-on-infeasible",
                                             "contradiction-job-requests", "lambda-cold-start", "unknown-key",
                                             "unreadable-file"});
  REQUIRE(run["results"].size() == 6);
  for (const auto& result : run["results"]) {
    const auto index = result["ruleIndex"].get<std::size_t>();
    REQUIRE(index < declared.size());
    CHECK(result["ruleId"] == declared[index]);
    CHECK_FALSE(result["message"]["text"].get<std::string>().empty());
    const Json& location = result["locations"][0]["physicalLocation"];
    CHECK(location["region"]["startLine"].get<int>() >= 1);
    CHECK(location["region"]["startColumn"].get<int>() >= 1);
    const auto uri = location["artifactLocation"]["uri"].get<std::string>();
    CHECK(uri.find("://") == std::string::npos);
    CHECK(uri.front() != '/');
    CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  }
}

TEST_CASE("sarif: levels, messages and locations come from the findings and errors", "[report][sarif]") {
  util::Diagnostic no_line;
  no_line.code = "unreadable-file";
  no_line.message = "permission denied";
  no_line.where.file = "services/locked.yaml";
  const Json results = sarif_of({judged(0)}, {no_line})["runs"][0]["results"];
  REQUIRE(results.size() == 4);
  CHECK(results[0]["level"] == "error");
  CHECK(results[0]["message"]["text"] == "runs_on lambda: AWS Lambda cannot run this workload");
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"] == Json{{"startLine", 3}, {"startColumn", 10}});
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "jobs/nightly.yaml");
  CHECK(results[0]["properties"]["field"] == "runs_on");
  CHECK(results[1]["level"] == "warning");
  // An error without a line is placed at the start of its file.
  CHECK(results[2]["level"] == "error");
  CHECK(results[2]["locations"][0]["physicalLocation"]["region"] == Json{{"startLine", 1}, {"startColumn", 1}});
  // Notes come after the errors and warnings (see the 25,000-result cap).
  CHECK(results[3]["level"] == "note");
  CHECK(results[3]["properties"]["field"] == "latency.cold_start_sensitive");
}

TEST_CASE("sarif: a note rule is described from its reason, with its source as the help link", "[report][sarif]") {
  const Json rules = sarif_of({judged(0)})["runs"][0]["tool"]["driver"]["rules"];
  const Json& rule = rules[2];
  REQUIRE(rule["id"] == "lambda-cold-start");
  CHECK(rule["helpUri"] == "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html");
  CHECK(rule["defaultConfiguration"]["level"] == "note");
  CHECK(rule["fullDescription"]["text"].get<std::string>().find("must not pay cold starts") != std::string::npos);
  CHECK(rules[0]["shortDescription"]["text"] == "The target named in runs_on cannot run this workload");
}

TEST_CASE("sarif: fingerprints do not change when the file is reformatted", "[report][sarif]") {
  const auto before = fingerprints(sarif_of({judged(0)}));
  const auto after = fingerprints(sarif_of({judged(12)}));
  CHECK(before == after);
  CHECK(std::set<std::string>(before.begin(), before.end()).size() == before.size());
  for (const auto& fingerprint : before) CHECK(std::regex_match(fingerprint, std::regex("[0-9a-f]{16}")));
  // Another file or another field is another fingerprint.
  auto moved = judged(0);
  for (auto& finding : moved.findings) finding.file = "jobs/other.yaml";
  CHECK(fingerprints(sarif_of({moved}))[0] != before[0]);
}

TEST_CASE("sarif: the same finding twice in a file gets two fingerprints", "[report][sarif]") {
  auto twice = judged(0);
  twice.findings.push_back(twice.findings[0]);
  const auto prints = fingerprints(sarif_of({twice}));
  CHECK(prints[0] != prints[3]);
}

TEST_CASE("sarif: a run holds at most GitHub's 25,000 results, errors and warnings first, and says what it left out",
          "[report][sarif]") {
  // 30,000 notes, then 10 errors and 10 warnings: all 20 errors and warnings stay, and notes fill the rest.
  auto many = judged(0);
  const auto note = many.findings[2];
  many.findings.assign(30000, note);
  auto late = judged(0);
  late.name = "late";
  late.findings.resize(2);
  std::vector<model::Recommendation> results{many};
  for (int i = 0; i < 10; ++i) results.push_back(late);
  const Json doc = sarif_of(results);
  const auto& run = doc["runs"][0];
  REQUIRE(run["results"].size() == report::k_sarif_max_results);
  std::map<std::string, int> levels;
  for (const auto& r : run["results"]) ++levels[r["level"].get<std::string>()];
  CHECK(levels["error"] == 10);
  CHECK(levels["warning"] == 10);
  CHECK(levels["note"] == 24980);
  const auto& notes = run["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["message"]["text"].get<std::string>().rfind("5020 results were left out (0 errors, 0 warnings, "
                                                             "5020 notes)",
                                                             0) == 0);
  // Under the cap, nothing is left out and nothing is said.
  CHECK_FALSE(sarif_of({judged(0)})["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
}

TEST_CASE("sarif: the invocation carries the exit code", "[report][sarif]") {
  report::Summary summary;
  summary.exit_code = 1;
  const Json ok = sarif_of({judged(0)}, {}, summary)["runs"][0]["invocations"];
  REQUIRE(ok.size() == 1);
  CHECK(ok[0]["exitCode"] == 1);
  CHECK(ok[0]["executionSuccessful"] == true);
  summary.exit_code = 2;
  const Json broken = sarif_of({}, {broken_file_error()}, summary)["runs"][0]["invocations"];
  CHECK(broken[0]["exitCode"] == 2);
  CHECK(broken[0]["executionSuccessful"] == false);
}

TEST_CASE("sarif: control characters are escaped as JSON escapes, never written raw", "[report][sarif]") {
  auto r = judged(0);
  r.findings[0].message = "bad \x1b[31mred";
  const auto text = render("sarif", {r}, {}, batch_summary());
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("bad \\u001b[31mred") != std::string::npos);
}

TEST_CASE("sarif: artifact URIs are percent-encoded relative references", "[report][sarif]") {
  CHECK(report::artifact_uri("services/a b.yaml") == "services/a%20b.yaml");
  CHECK(report::artifact_uri("services\\win.yaml") == "services/win.yaml");
  CHECK(report::artifact_uri("c:d/%x.yaml") == "c%3Ad/%25x.yaml");
  CHECK(report::artifact_uri("café.yaml") == "caf%C3%A9.yaml");
  CHECK(report::artifact_uri("-") == "-");
  CHECK(report::artifact_uri("/abs/x.yaml") == "file:///abs/x.yaml");
  CHECK(report::artifact_uri("C:\\repo\\x.yaml") == "file:///C:/repo/x.yaml");
}

TEST_CASE("sarif: FNV-1a 64 matches its reference values", "[report][sarif]") {
  CHECK(report::fnv1a_64("") == 0xcbf29ce484222325ULL);
  CHECK(report::fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(report::fnv1a_64("foobar") == 0x85944171f73967e8ULL);
}

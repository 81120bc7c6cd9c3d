// No silent green: a folder with no workload, and files that were meant to be workloads, fail the run and say why;
// `check` always says its verdict.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("gate: a named folder with no workload is exit 2, counting the files skipped and why", "[e2e][gate]") {
  const auto run = run_tool({"check", "tests/fixtures/gate/no-workloads"});
  CHECK(run.exit_code == 2);
  CHECK(has(run.out + run.err,
            "tests/fixtures/gate/no-workloads: error: no workload found in this folder: 3 files skipped: 2 YAML or "
            "JSON files that are not workloads (-v lists them), 1 file not named .yaml, .yml or .json"));
  const auto excluded = run_tool({"check", "tests/fixtures/gate/no-workloads", "--exclude", "charts/*", "-f", "json"});
  CHECK(excluded.exit_code == 2);
  const auto report = json::parse(excluded.out);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["code"] == "no-workload-in-folder");
  CHECK(report["errors"][0]["message"] ==
        "no workload found in this folder: 3 files skipped: 1 YAML or JSON file that is not a workload (-v lists "
        "them), 1 file left out by --include or --exclude, 1 file not named .yaml, .yml or .json");
}

TEST_CASE("gate: a folder with a workload beside other files passes as before", "[e2e][gate]") {
  const auto run =
      run_tool({"validate", "tests/fixtures/gate/no-workloads", "tests/fixtures/batch/good-function.yaml"});
  CHECK(run.exit_code == 2);  // the folder named on its own still has none
  const auto other = run_tool({"validate", "tests/fixtures/batch/nested", "--exclude", "not-yaml.yml"});
  CHECK(other.exit_code == 0);
}

TEST_CASE("gate: files meant as workloads are errors with a hint, found in a folder or named", "[e2e][gate]") {
  const auto run = run_tool({"check", "tests/fixtures/gate/near-miss", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  REQUIRE(report["errors"].size() == 3);
  for (const auto& error : report["errors"]) CHECK(error["code"] == "almost-a-workload");
  CHECK(report["errors"][0]["file"] == "tests/fixtures/gate/near-miss/kind-case.yaml");
  CHECK(report["errors"][0]["line"] == 1);
  CHECK(report["errors"][0]["column"] == 7);
  CHECK(has(report["errors"][0]["message"], "'kind: Service' is not a workload kind"));
  CHECK(report["errors"][0]["hint"] == "write 'kind: service', or add 'apiVersion: caas-advisor/v1'");
  CHECK(report["errors"][1]["file"] == "tests/fixtures/gate/near-miss/no-api-version.yaml");
  CHECK(report["errors"][1]["line"] == 3);
  CHECK(report["errors"][1]["column"] == 1);
  CHECK(has(report["errors"][1]["message"], "'runs_on' is a workload key"));
  CHECK(report["errors"][2]["file"] == "tests/fixtures/gate/near-miss/no-name.yaml");
  CHECK(has(report["errors"][2]["message"], "without a 'name'"));
  const auto named = run_tool({"validate", "tests/fixtures/gate/near-miss/kind-case.yaml"});
  CHECK(named.exit_code == 2);
  CHECK(has(named.out + named.err, "kind-case.yaml:1:7: error: 'kind: Service' is not a workload kind"));
}

TEST_CASE("gate: with the reports in files, the log still shows every error, each failing finding and the verdict",
          "[e2e][gate]") {
  const auto dir = std::filesystem::temp_directory_path() / ("caas-gate-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto json_path = (dir / "report.json").string();
  const auto run = run_tool({"check", "tests/fixtures/batch", "-q", "-f", "json=" + json_path});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(has(run.err, "tests/fixtures/batch/broken-typo.yaml:5:3: error: unknown key"));
  CHECK(has(run.err, "tests/fixtures/batch/nested/not-yaml.yml:3:6: error:"));
  CHECK(has(run.err, "tests/fixtures/batch/nested/long-job.yaml:"));
  CHECK(has(run.err, "[check-runs-on-infeasible]"));
  // The verdict is the last line, printed even with --quiet.
  CHECK(has(run.err,
            "check failed: inputs that could not be evaluated — 3 errors, 1 warning, 0 waived, 0 known (5 "
            "files, 2 workloads)\n"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("gate: check's text report starts with the verdict, even with --quiet", "[e2e][gate]") {
  const auto run = run_tool({"check", "examples/orders-api.yaml", "-q"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("check passed — 0 errors, 0 warnings, 0 waived, 0 known\n\n  pass  orders-api", 0) == 0);
  CHECK(run.err.empty());
}

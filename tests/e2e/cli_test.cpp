// The command line end to end: exit codes, batches with broken files, standard input, rules commands.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;

TEST_CASE("cli: a folder with broken files reports every error, evaluates the rest and exits 2", "[cli][e2e]") {
  const auto run = run_tool({"recommend", "tests/fixtures/batch", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  CHECK(report["summary"]["files"] == 5);
  CHECK(report["summary"]["skipped"] == 1);
  CHECK(report["summary"]["workloads"] == 2);
  CHECK(report["summary"]["errors"] == 2);
  CHECK(report["summary"]["exit_code"] == 2);
  REQUIRE(report["results"].size() == 2);
  CHECK(report["results"][0]["workload"]["file"] == "tests/fixtures/batch/good-function.yaml");
  CHECK(report["results"][1]["workload"]["file"] == "tests/fixtures/batch/nested/long-job.yaml");
  REQUIRE(report["errors"].size() == 2);
  CHECK(report["errors"][0]["file"] == "tests/fixtures/batch/broken-typo.yaml");
  CHECK(report["errors"][0]["line"] == 5);
  CHECK(report["errors"][0]["column"] == 3);
  CHECK(report["errors"][1]["file"] == "tests/fixtures/batch/nested/not-yaml.yml");
}

TEST_CASE("cli: errors are printed compiler-style with the source line, a caret and did-you-mean", "[cli][e2e]") {
  const auto run = run_tool({"validate", "tests/fixtures/batch/broken-typo.yaml"});
  CHECK(run.exit_code == 2);
  const auto all = run.out + run.err;
  CHECK(all.find("tests/fixtures/batch/broken-typo.yaml:5:3: error:") != std::string::npos);
  CHECK(all.find("did you mean 'memory'?") != std::string::npos);
  CHECK(all.find("^~~~~~") != std::string::npos);
}

TEST_CASE("cli: folders are searched recursively in sorted order, with --include and --exclude", "[cli][e2e]") {
  auto files_of = [](const std::vector<std::string>& extra) {
    std::vector<std::string> args{"validate", "tests/fixtures/batch", "-f", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto run = run_tool(args);
    const auto report = nlohmann::json::parse(run.out);
    std::vector<std::string> files;
    for (const auto& r : report["results"]) files.push_back(r["workload"]["file"].get<std::string>());
    for (const auto& e : report["errors"]) files.push_back("error: " + e["file"].get<std::string>());
    return files;
  };
  CHECK(files_of({}) == std::vector<std::string>{"tests/fixtures/batch/good-function.yaml",
                                                 "tests/fixtures/batch/nested/long-job.yaml",
                                                 "error: tests/fixtures/batch/broken-typo.yaml",
                                                 "error: tests/fixtures/batch/nested/not-yaml.yml"});
  CHECK(files_of({"--exclude", "nested/*"}) ==
        std::vector<std::string>{"tests/fixtures/batch/good-function.yaml",
                                 "error: tests/fixtures/batch/broken-typo.yaml"});
  CHECK(files_of({"--include", "*.yml"}) ==
        std::vector<std::string>{"error: tests/fixtures/batch/nested/not-yaml.yml"});
  CHECK(
      files_of({"--include", "*-*.yaml", "--exclude", "broken-*"}) ==
      std::vector<std::string>{"tests/fixtures/batch/good-function.yaml", "tests/fixtures/batch/nested/long-job.yaml"});
}

TEST_CASE("cli: a missing path is exit 2, and the other inputs are still reported", "[cli][e2e]") {
  const auto run =
      run_tool({"recommend", "no/such/file.yaml", "tests/fixtures/batch/good-function.yaml", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  CHECK(report["results"].size() == 1);
  CHECK(report["errors"][0]["file"] == "no/such/file.yaml");
}

TEST_CASE("cli: a file named on the command line must be a workload", "[cli][e2e]") {
  const auto run = run_tool({"recommend", "tests/fixtures/batch/nested/not-a-workload.yaml", "-f", "json"});
  CHECK(run.exit_code == 2);
  CHECK(json::parse(run.out)["errors"][0]["message"].get<std::string>().find("not a workload") != std::string::npos);
}

TEST_CASE("cli: standard input is read with -", "[cli][e2e]") {
  const auto run =
      run_tool({"recommend", "-", "-f", "json"}, "name: from-stdin\nkind: job\nexecution: {duration: 2h}\n");
  CHECK(run.exit_code == 0);
  const auto report = json::parse(run.out);
  CHECK(report["results"][0]["workload"]["file"] == "-");
  CHECK(report["results"][0]["workload"]["name"] == "from-stdin");
}

TEST_CASE("cli: check fails on an infeasible runs_on, recommend does not by default", "[cli][e2e]") {
  const auto file = "tests/fixtures/batch/nested/long-job.yaml";
  CHECK(run_tool({"check", file, "-f", "json"}).exit_code == 1);
  CHECK(run_tool({"check", file, "--fail-on", "none"}).exit_code == 0);
  CHECK(run_tool({"recommend", file}).exit_code == 0);
  CHECK(run_tool({"recommend", file, "--fail-on", "error"}).exit_code == 0);    // only check judges runs_on
  CHECK(run_tool({"recommend", file, "--fail-on", "warning"}).exit_code == 1);  // a contradiction warning
  const auto report = json::parse(run_tool({"check", file, "-f", "json"}).out);
  const auto& finding = report["results"][0]["findings"][0];
  CHECK(finding["severity"] == "error");
  CHECK(finding["rule"] == "check-runs-on-infeasible");
  CHECK(finding["line"] == 3);
  CHECK(finding["field"] == "runs_on");
}

TEST_CASE("cli: bad options are exit 2 with CLI11's message", "[cli][e2e]") {
  CHECK(run_tool({"recommend", "examples", "--no-such-option"}).exit_code == 2);
  CHECK(run_tool({"recommend", "examples", "--fail-on", "sometimes"}).exit_code == 2);
  CHECK(run_tool({"recommend", "examples", "-f", "yaml"}).exit_code == 2);
  CHECK(run_tool({"recommend", "examples", "-f", "text", "-f", "json"}).exit_code == 2);
  CHECK(run_tool({"frobnicate"}).exit_code == 2);
}

TEST_CASE("cli: rules list and show, and an unknown rule id", "[cli][e2e]") {
  const auto list = run_tool({"rules", "list", "-f", "json"});
  CHECK(list.exit_code == 0);
  CHECK(json::parse(list.out).size() > 30);
  const auto show = run_tool({"rules", "show", "lambda-max-duration"});
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("15m") != std::string::npos);
  const auto unknown = run_tool({"rules", "show", "lambda-max-duration2"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean 'lambda-max-duration'?") != std::string::npos);
}

TEST_CASE("cli: --version names the tool, rule revision and pricing date", "[cli][e2e]") {
  const auto run = run_tool({"--version"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("caas-advisor 0.1.0 (rules ", 0) == 0);
  // Built from a git checkout: the second line names its commit (a source tarball has no .git, and no commit).
  if (!std::filesystem::exists(source_dir() + "/.git")) return;
  const auto newline = run.out.find('\n');
  REQUIRE(newline != std::string::npos);
  const auto commit = run.out.substr(newline + 1);
  CHECK(commit.rfind("commit ", 0) == 0);
  CHECK(commit.find_first_not_of("0123456789abcdef", 7) >= 7 + 12);
}

TEST_CASE("cli: a user's rule file adds a policy and --disable removes a rule", "[cli][e2e]") {
  const auto policy = run_tool({"recommend", "-", "-f", "json", "--rules", "tests/fixtures/pci-policy.yaml"},
                               "name: card-api\nkind: function\nx-pci: true\ntriggers: [http]\n");
  REQUIRE(policy.exit_code == 0);
  const auto report = json::parse(policy.out);
  for (const auto& r : report["results"][0]["ranking"])
    if (r["target"] == "lambda") CHECK(r["feasible"] == false);
  const auto disabled = run_tool(
      {"recommend", "tests/fixtures/batch/nested/long-job.yaml", "-f", "json", "--disable", "lambda-max-duration"});
  const auto d = json::parse(disabled.out);
  for (const auto& r : d["results"][0]["ranking"])
    if (r["target"] == "lambda") CHECK(r["feasible"] == true);
  CHECK(run_tool({"recommend", "examples", "--disable", "no-such-rule"}).exit_code == 2);
}

TEST_CASE("cli: a bad user rule file is exit 2 with a located message, in the report like any input's", "[cli][e2e]") {
  const auto run = run_tool({"recommend", "examples", "--rules", "tests/fixtures/bad-rules.yaml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("tests/fixtures/bad-rules.yaml:7:") != std::string::npos);
  CHECK(run.out.find("did you mean 'traffic.pattern'?") != std::string::npos);
  CHECK(run.err == "0 files, 0 workloads, 1 error\n");
}

TEST_CASE("cli: a broken rule or price file with -f json prints the report's shape, errors[] and all", "[cli][e2e]") {
  const auto sarif_path = (std::filesystem::temp_directory_path() / "caas-broken-table.sarif").string();
  for (const auto* option : {"--rules", "--pricing"}) {
    INFO(option);
    const auto run = run_tool({"recommend", "examples", option, "tests/bad-inputs/rules-escape-message.yaml", "-f",
                               "json", "-f", "sarif=" + sarif_path});
    CHECK(run.exit_code == 2);
    const auto report = json::parse(run.out);
    CHECK(report["schema"] == "caas-advisor/report/v1");
    CHECK(report["results"].empty());
    REQUIRE(!report["errors"].empty());
    CHECK(report["errors"][0]["file"] == "tests/bad-inputs/rules-escape-message.yaml");
    CHECK(report["errors"][0]["line"].is_number());
    CHECK(report["errors"][0]["code"].is_string());
    CHECK(report["summary"]["exit_code"] == 2);
    CHECK(report["summary"]["files"] == 0);
    CHECK(!report["tool"]["rules_version"].get<std::string>().empty());
    // The errors are on standard error too, for a CI log; and a report written to a file says the same.
    CHECK(run.err.find("tests/bad-inputs/rules-escape-message.yaml:") != std::string::npos);
    const auto sarif = json::parse(read_text(sarif_path));
    CHECK(sarif["runs"][0]["results"].size() == report["errors"].size());
    std::filesystem::remove(sarif_path);
  }
}

TEST_CASE("cli: a target a rule file adds is counted by its id in the summary of every format", "[cli][e2e]") {
  const auto run = run_tool({"recommend", "examples", "--rules", "tests/fixtures/added-target.yaml", "-f", "json"});
  REQUIRE(run.exit_code == 0);
  const auto report = json::parse(run.out);
  std::map<std::string, int> recommended;
  int none = 0;
  for (const auto& result : report["results"]) {
    if (result["recommendation"].is_null())
      ++none;
    else
      ++recommended[result["recommendation"].get<std::string>()];
  }
  REQUIRE(recommended["team-platform"] > 0);  // the rule file's target is recommended...
  const auto& by_target = report["summary"]["by_target"];
  CHECK(by_target["team-platform"] == recommended["team-platform"]);  // ...and counted, not taken for "none"
  CHECK(by_target["none"] == none);
  int counted = 0;
  for (const auto& [id, count] : by_target.items()) {
    counted += count.get<int>();
    if (id != "none") CHECK(count == recommended[id]);
  }
  CHECK(counted == report["summary"]["workloads"]);
  // The keys follow the rule table: the built-in targets, then the one the file adds, then none.
  std::vector<std::string> keys;
  for (const auto& [id, count] : by_target.items()) keys.push_back(id);
  CHECK(keys.size() == 5);

  const auto markdown =
      run_tool({"recommend", "examples", "--rules", "tests/fixtures/added-target.yaml", "-f", "markdown"});
  CHECK(markdown.out.find("Team Platform " + std::to_string(recommended["team-platform"]) + ", no target fits") !=
        std::string::npos);
}

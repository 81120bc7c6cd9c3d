// A team's workflow end to end (docs/config.md): the project configuration found from a subfolder, waivers in a
// workload file and in the configuration, and a baseline round trip. Each test builds a small repository in a
// temporary folder and runs the tool there, as CI would.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A repository of its own: a .git folder, and the example catalog-service as a service that runs on `runs_on`.
class Repo {
 public:
  explicit Repo(const std::string& name)
      : m_root(fs::temp_directory_path() / ("caas-repo-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(m_root);
    fs::create_directories(m_root / ".git");
  }
  ~Repo() { fs::remove_all(m_root); }
  Repo(const Repo&) = delete;
  Repo& operator=(const Repo&) = delete;

  void write(const std::string& path, const std::string& text) const { write_text((m_root / path).string(), text); }
  // catalog-service, which the tool would move to Fargate: on ec2 it is a check-runs-on-not-recommended warning.
  void service(const std::string& path, const std::string& name, const std::string& runs_on,
               const std::string& extra = {}) const {
    std::string text = read_text(source_dir() + "/examples/catalog-service.yaml");
    text.replace(text.find("name: catalog-service"), 21, "name: " + name);
    text.replace(text.find("kind: service"), 13, "kind: service\nruns_on: " + runs_on);
    write(path, text + extra);
  }
  std::string path(const std::string& relative = {}) const { return (m_root / relative).string(); }
  ToolRun run(const std::string& folder, const std::vector<std::string>& args) const {
    fs::create_directories(m_root / folder);
    return run_tool_in(path(folder), args);
  }

 private:
  fs::path m_root;
};

std::vector<std::string> statuses(const json& report) {
  std::vector<std::string> out;
  for (const auto& r : report["results"])
    for (const auto& f : r["findings"])
      out.push_back(r["workload"]["name"].get<std::string>() + " " + f["rule"].get<std::string>() + " " +
                    f["status"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("config: found from a subfolder up to the repository root, with paths relative to it", "[config][e2e]") {
  Repo repo("discovery");
  repo.write(".caas-advisor.yaml", "fail_on: warning\nexclude: [drafts/*]\nrules: [policy/none.yaml]\n");
  repo.write("policy/none.yaml", "version: 1\nrules: []\n");
  repo.service("services/orders/orders.yaml", "orders", "ec2");
  repo.service("services/orders/drafts/draft.yaml", "draft", "ec2", "bad_key: 1\n");

  // fail_on: warning from the file makes the warning fail; the draft is excluded; the rule file is found from here.
  auto run = repo.run("services/orders", {"check", ".", "-f", "json"});
  CHECK(run.exit_code == 1);
  auto report = json::parse(run.out);
  CHECK(report["summary"]["workloads"] == 1);
  CHECK(report["tool"]["rules_version"].get<std::string>().find('+') == std::string::npos);

  // The command line wins over the file.
  CHECK(repo.run("services/orders", {"check", ".", "--fail-on", "error", "-q"}).exit_code == 0);
  // --no-config reads none (the default fail-on of check is error); --config names one.
  CHECK(repo.run("services/orders", {"check", ".", "--no-config", "--exclude", "drafts/*", "-q"}).exit_code == 0);
  CHECK(repo.run("services/orders", {"check", ".", "--no-config", "-q"}).exit_code == 2);  // the draft is read
  repo.write("other.yaml", "fail_on: none\nexclude: drafts/*\n");
  CHECK(repo.run("services/orders", {"check", ".", "--config", "../../other.yaml", "-q"}).exit_code == 0);

  // `config` says which file applies and where every setting came from.
  run = repo.run("services/orders", {"config", "--disable", "lambda-cold-start"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("configuration: ../../.caas-advisor.yaml") != std::string::npos);
  CHECK(run.out.find("../../policy/none.yaml") != std::string::npos);
  CHECK(run.out.find("(../../.caas-advisor.yaml:1)") != std::string::npos);
  CHECK(run.out.find("lambda-cold-start") != std::string::npos);
  CHECK(run.out.find("(command line)") != std::string::npos);
  CHECK(run.out.find("(default)") != std::string::npos);
}

TEST_CASE("config: the search stops at the repository root", "[config][e2e]") {
  Repo outer("outer");
  outer.write(".caas-advisor.yaml", "fail_on: warning\n");
  fs::create_directories(outer.path("inner/.git"));
  outer.service("inner/svc.yaml", "svc", "ec2");
  CHECK(outer.run("inner", {"check", "svc.yaml", "-q"}).exit_code == 0);
  CHECK(outer.run("", {"check", "inner/svc.yaml", "-q"}).exit_code == 1);
}

TEST_CASE("config: a mistake is located, with did-you-mean, and stops the run with exit 2", "[config][e2e]") {
  Repo repo("broken");
  repo.write(".caas-advisor.yaml", "fail_on: warning\nfial_on: error\n");
  repo.service("svc.yaml", "svc", "ec2");
  auto run = repo.run("", {"check", "svc.yaml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find(".caas-advisor.yaml:2:1: error: unknown key 'fial_on'") != std::string::npos);
  CHECK(run.out.find("did you mean 'fail_on'?") != std::string::npos);
  // With the report in a file, the error is still in the log.
  run = repo.run("", {"check", "svc.yaml", "-f", "json=report.json"});
  CHECK(run.err.find(".caas-advisor.yaml:2:1: error: unknown key 'fial_on'") != std::string::npos);
  // Every format keeps its shape.
  run = repo.run("", {"check", "svc.yaml", "-f", "json"});
  CHECK(run.exit_code == 2);
  CHECK(json::parse(run.out)["errors"][0]["code"] == "unknown-key");
  CHECK(repo.run("", {"config"}).exit_code == 2);
}

TEST_CASE("waivers: a waived finding is reported as waived in every format and never fails", "[waivers][e2e]") {
  Repo repo("waived");
  repo.service("svc.yaml", "svc", "ec2",
               "waivers:\n  - rule: check-runs-on-not-recommended\n    reason: licence bound to the host\n");
  auto run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning", "-f", "json"});
  CHECK(run.exit_code == 0);
  auto report = json::parse(run.out);
  const auto& finding = report["results"][0]["findings"][0];
  CHECK(finding["rule"] == "check-runs-on-not-recommended");
  CHECK(finding["status"] == "waived");
  CHECK(finding["waiver"]["reason"] == "licence bound to the host");
  CHECK(finding["waiver"]["at"].get<std::string>().rfind("svc.yaml:", 0) == 0);
  CHECK(report["summary"]["waived"] == 1);

  run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning"});
  CHECK(run.out.find("waived") != std::string::npos);
  CHECK(run.out.find("licence bound to the host") != std::string::npos);
  run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning", "-f", "sarif"});
  const auto sarif = json::parse(run.out);
  bool suppressed = false;
  for (const auto& r : sarif["runs"][0]["results"])
    if (r["ruleId"] == "check-runs-on-not-recommended")
      suppressed = r["suppressions"][0]["status"] == "accepted" && r["suppressions"][0]["kind"] == "inSource";
  CHECK(suppressed);
  run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning", "-f", "junit"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("<skipped message=\"waived: licence bound to the host") != std::string::npos);
  CHECK(run.out.find("<failure") == std::string::npos);
  run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning", "-f", "markdown"});
  CHECK(run.out.find("waived: licence bound to the host") != std::string::npos);
  run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning", "-f", "github"});
  CHECK(run.out.find("::notice") != std::string::npos);
  CHECK(run.out.find("::warning") == std::string::npos);
}

TEST_CASE("waivers: the configuration's by glob; expired and stale ones warn; unknown ids fail", "[waivers][e2e]") {
  Repo repo("config-waivers");
  repo.service("a.yaml", "orders-a", "ec2");
  repo.service("b.yaml", "orders-b", "ec2");
  repo.write(".caas-advisor.yaml", R"(waivers:
  - workload: orders-a
    rule: check-runs-on-not-recommended
    reason: old reason
    expires: 2020-01-31
  - workload: orders-*
    rule: check-runs-on-not-recommended
    reason: moving in Q3
  - workload: nothing-*
    rule: lambda-cold-start
    reason: stale
)");
  auto run = repo.run("", {"check", ".", "--fail-on", "warning", "-f", "json"});
  auto report = json::parse(run.out);
  // The expired waiver no longer waives; the glob one does, for both.
  CHECK(statuses(report) ==
        std::vector<std::string>{"orders-a waiver-expired open", "orders-a check-runs-on-not-recommended waived",
                                 "orders-a lambda-cold-start open", "orders-b check-runs-on-not-recommended waived",
                                 "orders-b lambda-cold-start open"});
  CHECK(report["results"][0]["findings"][0]["message"].get<std::string>().find("expired on 2020-01-31") !=
        std::string::npos);
  CHECK(report["results"][0]["findings"][0]["file"] == ".caas-advisor.yaml");
  // The expired waiver's warning fails --fail-on warning; the stale one is the run's warning.
  CHECK(run.exit_code == 1);
  REQUIRE(report["summary"]["warnings"].size() == 1);
  CHECK(report["summary"]["warnings"][0]["code"] == "waiver-stale");
  CHECK(report["summary"]["warnings"][0]["line"] == 9);

  repo.write(".caas-advisor.yaml",
             "waivers:\n  - workload: '*'\n    rule: check-runs-on-not-recomended\n    reason: typo\n");
  run = repo.run("", {"check", "."});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("did you mean 'check-runs-on-not-recommended'?") != std::string::npos);
  CHECK(run.out.find(".caas-advisor.yaml:2:5") != std::string::npos);
}

TEST_CASE("waivers: a workload file's stale or reasonless waiver", "[waivers][e2e]") {
  Repo repo("file-waivers");
  repo.service("svc.yaml", "svc", "fargate", "waivers:\n  - rule: check-runs-on-not-recommended\n    reason: x\n");
  auto run = repo.run("", {"check", "svc.yaml", "-f", "json"});
  auto report = json::parse(run.out);
  CHECK(statuses(report) == std::vector<std::string>{"svc waiver-stale open", "svc lambda-cold-start open"});
  repo.service("svc.yaml", "svc", "fargate", "waivers:\n  - rule: lambda-cold-start\n");
  run = repo.run("", {"check", "svc.yaml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("'reason'") != std::string::npos);
}

TEST_CASE("disable: check ids as well as rule ids, and did-you-mean for neither", "[waivers][e2e]") {
  Repo repo("disable");
  repo.service("svc.yaml", "svc", "ec2");
  auto run = repo.run("", {"check", "svc.yaml", "--fail-on", "warning", "--disable", "check-runs-on-not-recommended",
                           "--disable", "lambda-cold-start", "-f", "json"});
  CHECK(run.exit_code == 0);
  CHECK(json::parse(run.out)["results"][0]["findings"].empty());
  run = repo.run("", {"check", "svc.yaml", "--disable", "check-no-runs-om"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("did you mean 'check-no-runs-on'?") != std::string::npos);
}

TEST_CASE("baseline: record, add one problem, only that one fails; fixed ones are counted", "[baseline][e2e]") {
  Repo repo("baseline");
  repo.service("a.yaml", "a", "ec2");
  auto run = repo.run("", {"check", ".", "--fail-on", "warning", "-f", "json=baseline.json", "-q"});
  CHECK(run.exit_code == 1);

  // The same portfolio, lines moved: nothing new.
  repo.service("a.yaml", "a", "ec2", "# a comment\n");
  run = repo.run("", {"check", ".", "--fail-on", "warning", "--baseline", "baseline.json", "-f", "json"});
  CHECK(run.exit_code == 0);
  auto report = json::parse(run.out);
  CHECK(report["summary"]["known"] == 2);
  CHECK(report["summary"]["baseline"]["new"] == 0);

  // One new problem: only it fails.
  repo.service("b.yaml", "b", "ec2");
  repo.write(".caas-advisor.yaml", "baseline: baseline.json\nfail_on: warning\n");
  run = repo.run("", {"check", ".", "-f", "json"});
  CHECK(run.exit_code == 1);
  report = json::parse(run.out);
  CHECK(statuses(report) == std::vector<std::string>{"a check-runs-on-not-recommended known",
                                                     "a lambda-cold-start known", "b check-runs-on-not-recommended new",
                                                     "b lambda-cold-start new"});
  run = repo.run("", {"check", ".", "-f", "sarif"});
  CHECK(run.out.find("\"baselineState\": \"unchanged\"") != std::string::npos);

  // a fixed: its two findings are counted as fixed.
  fs::remove(repo.path("b.yaml"));
  repo.service("a.yaml", "a", "fargate");
  run = repo.run("", {"check", ".", "-f", "json"});
  CHECK(run.exit_code == 0);
  report = json::parse(run.out);
  CHECK(report["summary"]["baseline"]["fixed"] == 1);
}

TEST_CASE("baseline: a broken or foreign baseline is exit 2, located", "[baseline][e2e]") {
  Repo repo("bad-baseline");
  repo.service("a.yaml", "a", "ec2");
  repo.write("broken.json", "{\"schema\": \"caas-advisor/report/v1\",\n  \"results\": [\n");
  auto run = repo.run("", {"check", "a.yaml", "--baseline", "broken.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("broken.json:3:1: error:") != std::string::npos);
  repo.write("foreign.json", "{\"version\": \"2.1.0\", \"runs\": []}\n");
  run = repo.run("", {"check", "a.yaml", "--baseline", "foreign.json", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  CHECK(report["errors"][0]["code"] == "bad-baseline");
  CHECK(report["errors"][0]["line"] == 1);
  run = repo.run("", {"check", "a.yaml", "--baseline", "missing.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("missing.json") != std::string::npos);
}

TEST_CASE("workloads: configured values fill what a file leaves unknown, shown with their origin", "[config][e2e]") {
  Repo repo("values");
  std::string text = read_text(source_dir() + "/examples/minimal-service.yaml");
  repo.write("svc.yaml", text + "resources: {memory: 1GiB}\n");
  repo.write(".caas-advisor.yaml",
             "workloads:\n  minimal-*:\n    traffic: {requests_per_month: 3M}\n    resources: {memory: 8GiB}\n");
  const auto run = repo.run("", {"recommend", "svc.yaml", "-f", "json"});
  REQUIRE(run.exit_code == 0);
  const auto report = json::parse(run.out);
  bool filled = false;
  for (const auto& a : report["results"][0]["assumptions"]) {
    if (a["field"] == "traffic.requests_per_month" &&
        a["why"].get<std::string>().find("configuration") != std::string::npos) {
      filled = true;
      CHECK(a["value"] == "3M");
      CHECK(a["why"].get<std::string>().find(".caas-advisor.yaml:3 (workloads 'minimal-*')") != std::string::npos);
    }
    // The file gives its memory: the configuration's is never used.
    CHECK(a["field"] != "resources.memory");
  }
  CHECK(filled);
  const auto markdown = repo.run("", {"recommend", "svc.yaml", "-f", "markdown"});
  CHECK(markdown.out.find("**Values from the project configuration**") != std::string::npos);
  CHECK(markdown.out.find("`traffic.requests_per_month` = `3M`") != std::string::npos);
  const auto plain = repo.run("", {"recommend", "svc.yaml"});
  CHECK(plain.out.find("from the project configuration, .caas-advisor.yaml:3") != std::string::npos);
  // Every other format shows them too, located in the configuration.
  const auto sarif = json::parse(repo.run("", {"recommend", "svc.yaml", "-f", "sarif"}).out);
  const auto& notes = sarif["runs"][0]["invocations"][0]["toolConfigurationNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["message"]["text"] ==
        "from the project configuration: traffic.requests_per_month = 3M for minimal-service (workloads 'minimal-*')");
  CHECK(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".caas-advisor.yaml");
  CHECK(notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
  const auto junit = repo.run("", {"recommend", "svc.yaml", "-f", "junit"});
  CHECK(junit.out.find("from the project configuration: traffic.requests_per_month = 3M (.caas-advisor.yaml:3)") !=
        std::string::npos);
  const auto github = repo.run("", {"recommend", "svc.yaml", "-f", "github"});
  CHECK(github.out.find("::notice file=.caas-advisor.yaml,line=3,title=value from the project configuration::"
                        "traffic.requests_per_month = 3M for minimal-service") != std::string::npos);
  const auto check = repo.run("", {"check", "svc.yaml"});
  CHECK(check.out.find("Values from the project configuration\n.caas-advisor.yaml:3: traffic.requests_per_month = "
                       "3M for minimal-service") != std::string::npos);
}

TEST_CASE("workloads: a region the configuration gives is checked against the prices, located there", "[config][e2e]") {
  Repo repo("values-region");
  repo.write("svc.yaml", read_text(source_dir() + "/examples/minimal-service.yaml"));
  repo.write(".caas-advisor.yaml", "workloads:\n  '*':\n    region: eu-wset-1\n");
  const auto run = repo.run("", {"recommend", "svc.yaml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find(".caas-advisor.yaml:3:13: error: no prices for region 'eu-wset-1'; did you mean 'eu-west-1'?") !=
        std::string::npos);
  repo.write(".caas-advisor.yaml", "workloads:\n  '*':\n    region: eu-west-1\n");
  CHECK(repo.run("", {"recommend", "svc.yaml"}).exit_code == 0);
}

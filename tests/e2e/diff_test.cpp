// `caas-advisor diff` end to end: two folders (tests/fixtures/diff), two lone files, a git repository made here, the
// gates' exit codes, every format's golden file, the JSON against `schema diff`, and the markdown's size.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/json_schema_check.hpp"
#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string k_base = "tests/fixtures/diff/base";
const std::string k_head = "tests/fixtures/diff/head";

// A scratch folder, removed at the end.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name)
      : dir(fs::temp_directory_path() / ("caas-diff-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

int shell(const std::string& command) { return std::system(command.c_str()); }

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// A repository whose one commit holds the base fixtures, with the head fixtures then copied over its working tree.
void make_repository(const fs::path& repo) {
  const auto base = fs::path(source_dir()) / k_base;
  const auto head = fs::path(source_dir()) / k_head;
  const std::string git = "git -C " + quoted(repo) + " ";
  REQUIRE(shell(git + "init -q -b main") == 0);
  REQUIRE(shell(git + "config user.email t@example.com && " + git + "config user.name T") == 0);
  fs::copy(base, repo, fs::copy_options::recursive);
  REQUIRE(shell(git + "add -A && " + git + "commit -q -m base") == 0);
  fs::remove_all(repo / "services");
  fs::remove_all(repo / "compose");
  fs::copy(head, repo, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

const json* find_change(const json& diff, const std::string& name) {
  for (const auto& change : diff["workloads"])
    if (change["name"] == name) return &change;
  return nullptr;
}

}  // namespace

TEST_CASE("diff: two folders in every format match their golden files", "[e2e][diff]") {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"text", "txt"}, {"json", "json"}, {"markdown", "md"}, {"github", "github"}};
  for (const auto& [format, extension] : formats) {
    const auto run = run_tool({"diff", k_base, k_head, "-f", format, "--color", "never"});
    INFO(format << "\n" << run.err);
    CHECK(run.exit_code == 2);  // billing.yaml is broken in the head
    CHECK(compare_golden(source_dir() + "/tests/golden/diff." + extension, run.out).empty());
  }
}

TEST_CASE("diff: the flips, the fields, the renames and the totals of the fixture portfolio", "[e2e][diff]") {
  const auto run = run_tool({"diff", k_base, k_head, "-f", "json"});
  const auto diff = json::parse(run.out);
  CHECK(diff["summary"]["target_changes"] == 1);
  CHECK(diff["summary"]["unchanged"] == 2);  // thumbnailer, and the compose file's web
  const auto* builder = find_change(diff, "report-builder");
  REQUIRE(builder != nullptr);
  CHECK((*builder)["recommendation"]["before"] == "lambda");
  CHECK((*builder)["recommendation"]["after"] == "fargate");
  CHECK((*builder)["inputs"][0]["field"] == "execution.duration.max");
  CHECK((*builder)["inputs"][0]["before"] == "10m");
  CHECK((*builder)["inputs"][0]["after"] == "20m");
  CHECK((*builder)["runs_on"]["after"]["verdict"] == "infeasible");
  bool ruled_out = false;
  for (const auto& target : (*builder)["targets"])
    for (const auto& reason : target["ruled_out_by"])
      ruled_out = ruled_out || (target["target"] == "lambda" && reason["rule"] == "lambda-max-duration" &&
                                reason["changed_fields"][0] == "execution.duration.max" && !reason["source"].is_null());
  CHECK(ruled_out);
  const auto* cart = find_change(diff, "cart-service");
  REQUIRE(cart != nullptr);
  CHECK((*cart)["name_before"] == "cart");
  const auto* sync = find_change(diff, "inventory-sync");
  REQUIRE(sync != nullptr);
  CHECK((*sync)["change"] == "moved");
  CHECK((*sync)["file_before"] == "tests/fixtures/diff/base/services/inventory-sync.yaml");
  CHECK(find_change(diff, "queue-worker") != nullptr);  // an imported compose service diffs like a workload
  CHECK((*find_change(diff, "billing-worker"))["change"] == "not-compared");
  // The total is the sum of each listed workload's change, added in and removed out.
  double sum = 0;
  for (const auto& change : diff["workloads"])
    if (!change["monthly_cost_usd"]["change"].is_null()) sum += change["monthly_cost_usd"]["change"].get<double>();
  CHECK(diff["summary"]["monthly_cost_usd"]["change"].get<double>() == Approx(sum).margin(0.011));
  REQUIRE(diff["errors"].size() == 1);
  CHECK(diff["errors"][0]["side"] == "head");
  CHECK(diff["errors"][0]["line"] == 8);
}

TEST_CASE("diff: the JSON validates against `schema diff`, which is the file in the repository", "[e2e][diff]") {
  const auto schema_run = run_tool({"schema", "diff"});
  CHECK(schema_run.exit_code == 0);
  CHECK(schema_run.out == read_text(source_dir() + "/docs/schemas/diff.schema.json"));
  const auto schema = json::parse(schema_run.out);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"diff", k_base, k_head, "-f", "json", "--fail-on-target-change", "--fail-on-cost-increase", "1%"},
           {"diff", k_base + "/services/orders.yaml", k_head + "/services/orders.yaml", "-f", "json"}}) {
    const auto run = run_tool(args);
    const auto errors = check_json_schema(schema, json::parse(run.out));
    INFO(run.out);
    for (const auto& error : errors) INFO(error);
    CHECK(errors.empty());
  }
}

TEST_CASE("diff: the gates' exit codes", "[e2e][diff]") {
  const auto builder_base = k_base + "/services/report-builder.yaml";
  const auto builder_head = k_head + "/services/report-builder.yaml";
  const auto orders_base = k_base + "/services/orders.yaml";  // +$5.34 on $94.03: 5.68%
  const auto orders_head = k_head + "/services/orders.yaml";
  // runs_on lambda can no longer run report-builder: a new error finding, which --fail-on error (the default) fails.
  CHECK(run_tool({"diff", builder_base, builder_head}).exit_code == 1);
  CHECK(run_tool({"diff", builder_base, builder_head, "--fail-on", "none"}).exit_code == 0);
  CHECK(run_tool({"diff", builder_base, builder_head, "--fail-on", "none", "--fail-on-target-change"}).exit_code == 1);
  CHECK(run_tool({"diff", orders_base, orders_head, "--fail-on-target-change"}).exit_code == 0);
  CHECK(run_tool({"diff", orders_base, orders_head, "--fail-on-cost-increase", "5USD"}).exit_code == 1);
  CHECK(run_tool({"diff", orders_base, orders_head, "--fail-on-cost-increase", "6USD"}).exit_code == 0);
  CHECK(run_tool({"diff", orders_base, orders_head, "--fail-on-cost-increase", "5%"}).exit_code == 1);
  CHECK(run_tool({"diff", orders_base, orders_head, "--fail-on-cost-increase", "6%"}).exit_code == 0);
  // A decrease never reaches the gate.
  CHECK(run_tool({"diff", orders_head, orders_base, "--fail-on-cost-increase", "0USD"}).exit_code == 0);
  CHECK(run_tool({"diff", orders_base, orders_head, "--fail-on", "loud"}).exit_code == 2);
  const auto bad = run_tool({"diff", orders_base, orders_head, "--fail-on-cost-increase", "50"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("50USD") != std::string::npos);
  // A broken file is exit 2 whatever the gates say.
  CHECK(run_tool({"diff", k_base, k_head, "--fail-on-target-change"}).exit_code == 2);
}

TEST_CASE("diff: a finding the base already has never fails the diff, one the change brings does", "[e2e][diff]") {
  Scratch scratch("findings");
  const std::string head = read_text(source_dir() + "/" + k_head + "/services/report-builder.yaml");
  const auto still = scratch.dir / "still.yaml";
  write_text(still.string(), head.substr(0, head.find("max: 20m")) + "max: 25m}" +
                                 head.substr(head.find("max: 20m") + std::string("max: 20m}").size()));
  const auto base = source_dir() + "/" + k_head + "/services/report-builder.yaml";  // already infeasible on lambda
  const auto known = run_tool({"diff", base, still.string(), "-f", "json"});
  CHECK(known.exit_code == 0);
  const auto diff = json::parse(known.out);
  CHECK(diff["workloads"][0]["findings"]["new"].empty());
  const auto gate = diff["gates"][0];
  CHECK(gate["gate"] == "new-findings");
  CHECK_FALSE(gate["reached"].get<bool>());
  const auto introduced =
      run_tool({"diff", source_dir() + "/" + k_base + "/services/report-builder.yaml", base, "-f", "json"});
  CHECK(introduced.exit_code == 1);
  const auto flipped = json::parse(introduced.out);
  CHECK(flipped["workloads"][0]["findings"]["new"][0]["rule"] == "check-runs-on-infeasible");
}

TEST_CASE("diff: a percentage gate prices the unchanged files too, for the base's total", "[e2e][diff]") {
  const auto plain = json::parse(run_tool({"diff", k_base, k_head, "-f", "json"}).out);
  CHECK(plain["summary"]["monthly_cost_usd"]["base_total"].is_null());
  const auto run = run_tool({"diff", k_base, k_head, "-f", "json", "--fail-on-cost-increase", "50%"});
  const auto priced = json::parse(run.out);
  const auto& cost = priced["summary"]["monthly_cost_usd"];
  REQUIRE(cost["base_total"].is_number());
  CHECK(priced["gates"][0]["gate"] == "cost-increase");
  CHECK_FALSE(priced["gates"][0]["reached"].get<bool>());
  CHECK(cost["change"] == plain["summary"]["monthly_cost_usd"]["change"]);
}

TEST_CASE("diff: two lone files are compared whatever their names", "[e2e][diff]") {
  const auto run = run_tool({"diff", k_base + "/services/cart.yaml", k_base + "/services/orders.yaml", "-f", "json"});
  const auto diff = json::parse(run.out);
  REQUIRE(diff["workloads"].size() == 1);
  CHECK(diff["workloads"][0]["change"] == "changed");
  CHECK(diff["workloads"][0]["name_before"] == "cart");
}

TEST_CASE("diff: a missing side or standard input is exit 2 with a message", "[e2e][diff]") {
  const auto missing = run_tool({"diff", k_base, "no/such/folder"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no/such/folder: no such file or folder") != std::string::npos);
  CHECK(run_tool({"diff", "-", k_head}).exit_code == 2);
  CHECK(run_tool({"diff", k_base}).exit_code == 2);
}

TEST_CASE("diff: the markdown starts with its marker and stays under GitHub's limit for thousands of changes",
          "[e2e][diff]") {
  Scratch scratch("large");
  for (int i = 0; i < 3000; ++i) {
    const auto name = "service-" + std::to_string(i);
    const std::string body = "apiVersion: caas-advisor/v1\nname: " + name +
                             "\nkind: service\ntriggers: [http]\nresources: {memory: 1GiB}\n"
                             "traffic: {pattern: steady, requests_per_month: ";
    write_text((scratch.dir / "a" / (name + ".yaml")).string(), body + "10M}\n");
    write_text((scratch.dir / "b" / (name + ".yaml")).string(), body + "20M}\n");
  }
  const auto run = run_tool({"diff", (scratch.dir / "a").string(), (scratch.dir / "b").string(), "-f", "markdown"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("<!-- caas-advisor-diff -->\n", 0) == 0);
  CHECK(run.out.size() < 65536);
  CHECK(run.out.find("more changes are not shown") != std::string::npos);
}

TEST_CASE("diff --git-base: the base read through git equals the base folder, and the working tree is untouched",
          "[e2e][diff][git]") {
  if (shell("git --version >/dev/null 2>&1") != 0) {
    WARN("git is not installed: nothing to test here");
    return;
  }
  Scratch scratch("git");
  const auto repo = scratch.dir / "repo";
  fs::create_directories(repo);
  make_repository(repo);
  const std::string status = "git -C " + quoted(repo) + " status --porcelain > " + quoted(scratch.dir / "status");
  REQUIRE(shell(status) == 0);
  const auto before = read_text((scratch.dir / "status").string());
  const auto index_time = fs::last_write_time(repo / ".git" / "index");

  const auto run = run_tool_in(repo.string(), {"diff", "--git-base", "main", "-f", "json"});
  INFO(run.err);
  CHECK(run.exit_code == 2);
  const auto diff = json::parse(run.out);
  CHECK(diff["base"]["label"].get<std::string>().rfind("main (", 0) == 0);
  CHECK(diff["head"]["label"] == "working tree");
  const auto folders = json::parse(run_tool({"diff", k_base, k_head, "-f", "json"}).out);
  for (const auto* key : {"changed", "target_changes", "added", "removed", "moved", "not_compared", "unchanged"})
    CHECK(diff["summary"][key] == folders["summary"][key]);
  CHECK(diff["summary"]["monthly_cost_usd"] == folders["summary"]["monthly_cost_usd"]);
  CHECK(diff["summary"]["unchanged_files"] == 1);  // thumbnailer.yaml: the same blob, not evaluated twice
  const auto* sync = find_change(diff, "inventory-sync");
  REQUIRE(sync != nullptr);
  CHECK((*sync)["file"] == "jobs/inventory-sync.yaml");
  CHECK((*sync)["file_before"] == "services/inventory-sync.yaml");

  CHECK(fs::last_write_time(repo / ".git" / "index") == index_time);  // not even the index's file times refreshed
  REQUIRE(shell(status) == 0);
  CHECK(read_text((scratch.dir / "status").string()) == before);

  // Paths narrow both sides alike; a folder inside the repository shows paths from where the tool runs.
  const auto services =
      json::parse(run_tool_in(repo.string(), {"diff", "--git-base", "main", "services", "-f", "json"}).out);
  CHECK(services["summary"]["added"] == 1);
  CHECK(services["summary"]["moved"] == 0);
  CHECK(services["summary"]["removed"] == 2);  // legacy-portal, and inventory-sync, which moved out of services/
  const auto inside =
      json::parse(run_tool_in((repo / "services").string(), {"diff", "--git-base", "main", "-f", "json"}).out);
  CHECK(find_change(inside, "orders-api") != nullptr);
  CHECK((*find_change(inside, "orders-api"))["file"] == "orders.yaml");
}

TEST_CASE("diff --git-base: a bad revision, or no repository, is exit 2 with git's words", "[e2e][diff][git]") {
  if (shell("git --version >/dev/null 2>&1") != 0) return;
  Scratch scratch("git-bad");
  const auto repo = scratch.dir / "repo";
  fs::create_directories(repo);
  make_repository(repo);
  const auto bad = run_tool_in(repo.string(), {"diff", "--git-base", "no-such-branch"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad revision 'no-such-branch'") != std::string::npos);
  const auto option = run_tool_in(repo.string(), {"diff", "--git-base=--output=x"});
  CHECK(option.exit_code == 2);
  CHECK_FALSE(fs::exists(repo / "x"));
  const auto outside = run_tool_in(scratch.dir.string(), {"diff", "--git-base", "main"});
  CHECK(outside.exit_code == 2);
  CHECK(outside.err.find("not a git repository") != std::string::npos);
  const auto missing = run_tool_in(repo.string(), {"diff", "--git-base", "main", "nowhere"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nowhere: no such file or folder") != std::string::npos);
}

TEST_CASE("diff --git-base: a changed rule file judges the base with its old version, so unchanged files change too",
          "[e2e][diff][git]") {
  if (shell("git --version >/dev/null 2>&1") != 0) return;
  Scratch scratch("git-rules");
  const auto repo = scratch.dir / "repo";
  fs::create_directories(repo / "services");
  fs::copy(fs::path(source_dir()) / k_base / "services" / "thumbnailer.yaml", repo / "services" / "thumbnailer.yaml");
  // A policy that, once enabled, keeps photo-thumbnailer off Lambda.
  const std::string policy =
      "version: 1\nrevision: team-1\nrules:\n"
      "  - id: team-no-large-functions\n    target: lambda\n    effect: exclude\n"
      "    when: resources.memory >= 1GiB\n    message: the team keeps functions of 1 GiB and more off Lambda\n"
      "    source: team policy\n";
  write_text((repo / "policy.yaml").string(), policy + "    enabled: false\n");
  const std::string git = "git -C " + quoted(repo) + " ";
  REQUIRE(shell(git + "init -q -b main && " + git + "config user.email t@example.com && " + git +
                "config user.name T && " + git + "add -A && " + git + "commit -q -m base") == 0);
  write_text((repo / "policy.yaml").string(), policy);
  const auto run = run_tool_in(repo.string(), {"diff", "--git-base", "main", "services", "--rules", "policy.yaml", "-f",
                                               "json", "--fail-on-target-change"});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const auto diff = json::parse(run.out);
  CHECK(diff["summary"]["unchanged_files"] == 0);
  const auto* thumbnailer = find_change(diff, "photo-thumbnailer");
  REQUIRE(thumbnailer != nullptr);
  CHECK((*thumbnailer)["recommendation"]["before"] == "lambda");
  CHECK((*thumbnailer)["recommendation"]["after"] != "lambda");
  CHECK((*thumbnailer)["inputs"].empty());  // the cause is the rule, not the file
}

TEST_CASE("diff: a JSON report written earlier is a side, read back as the folder it came from",
          "[e2e][diff][report]") {
  Scratch scratch("report");
  const auto base_report = (scratch.dir / "base.json").string();
  const auto head_report = (scratch.dir / "head.json").string();
  run_tool({"check", k_base, "-f", "json=" + base_report});
  run_tool({"check", k_head, "-f", "json=" + head_report});
  // recommend writes no check findings: check's judgement of runs_on is made from the report, so that the head's
  // judgements are not all taken for new ones.
  const auto recommend_report = (scratch.dir / "recommend.json").string();
  run_tool({"recommend", k_base, "-f", "json=" + recommend_report});
  const auto folders = json::parse(run_tool({"diff", k_base, k_head, "-f", "json"}).out);
  for (const auto& [base, head] : {std::pair{base_report, k_head}, std::pair{k_base, head_report},
                                   std::pair{base_report, head_report}, std::pair{recommend_report, k_head}}) {
    INFO(base << " → " << head);
    const auto run = run_tool({"diff", base, head, "-f", "json"});
    CHECK(run.exit_code == 2);  // billing.yaml is broken in the head, whichever way it is given
    auto diff = json::parse(run.out);
    CHECK(diff["workloads"] == folders["workloads"]);
    // Every file is evaluated or read on both sides (none is known to be the same), so the totals are known too.
    CHECK(diff["summary"]["monthly_cost_usd"]["change"] == folders["summary"]["monthly_cost_usd"]["change"]);
    CHECK(diff["summary"]["monthly_cost_usd"]["base_total"].is_number());
    auto expected = folders;
    for (auto* summary : {&diff["summary"], &expected["summary"]}) {
      summary->erase("monthly_cost_usd");
      summary->erase("unchanged_files");
    }
    CHECK(diff["summary"] == expected["summary"]);
    CHECK(diff["gates"] == folders["gates"]);
  }
}

TEST_CASE("diff: a report's result that cannot be read is a located error for its file, the rest compared",
          "[e2e][diff][report]") {
  Scratch scratch("bad-report");
  const auto report = (scratch.dir / "base.json").string();
  run_tool({"check", k_base, "-f", "json=" + report});
  auto text = read_text(report);
  const auto at = text.find("\"feasible\": true");
  REQUIRE(at != std::string::npos);
  text.replace(at, 16, "\"feasible\": 1");
  write_text(report, text);
  const auto run = run_tool({"diff", report, k_head, "-f", "json", "--fail-on", "none"});
  CHECK(run.exit_code == 2);
  const auto diff = json::parse(run.out);
  REQUIRE(diff["errors"].size() == 2);  // the report's, and billing.yaml's in the head
  const auto& error = diff["errors"][0];
  CHECK(error["side"] == "base");
  CHECK(error["file"].get<std::string>().find("base.json") != std::string::npos);
  CHECK(error["line"].get<int>() > 1);
  CHECK(error["code"] == "bad-type");
  int not_compared = 0;
  for (const auto& change : diff["workloads"]) not_compared += change["change"] == "not-compared" ? 1 : 0;
  CHECK(not_compared == 2);  // the file of the broken result, and billing-worker
  CHECK(diff["summary"]["unchanged"].get<int>() >= 1);
}

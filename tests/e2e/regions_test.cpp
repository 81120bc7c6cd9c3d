// Regions: every built-in region prices every example; an unknown region, wherever it is given, stops the run with
// exit 2 and a suggestion; `pricing regions` and `pricing show`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json run_json(const std::vector<std::string>& args) {
  const auto run = run_tool(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out);
}

std::vector<std::string> builtin_regions() {
  std::vector<std::string> names;
  const auto listed = run_json({"pricing", "regions", "-f", "json"});
  for (const auto& region : listed["regions"]) names.push_back(region["region"].get<std::string>());
  return names;
}

// workload name -> target -> monthly cost (null when unknown) and why not
std::map<std::string, std::map<std::string, json>> costs_of(const json& report) {
  std::map<std::string, std::map<std::string, json>> out;
  for (const auto& result : report["results"])
    for (const auto& target : result["ranking"]) out[result["workload"]["name"]][target["target"]] = target;
  return out;
}

}  // namespace

TEST_CASE("regions: every built-in region prices every example workload, as us-east-1 does", "[regions][e2e]") {
  const auto names = builtin_regions();
  REQUIRE(names.size() >= 15);
  const auto home = costs_of(run_json({"recommend", "examples", "-f", "json"}));
  REQUIRE(home.size() == 24);
  for (const auto& region : names) {
    INFO(region);
    const auto report = run_json({"recommend", "examples", "--region", region, "-f", "json"});
    CHECK(report["summary"]["errors"] == 0);
    const auto there = costs_of(report);
    REQUIRE(there.size() == home.size());
    int priced = 0, cheaper_or_dearer = 0;
    for (const auto& [workload, targets] : home) {
      for (const auto& [target, at_home] : targets) {
        INFO(workload << " on " << target);
        const auto& here = there.at(workload).at(target);
        // A target priced in us-east-1 is priced here; one that is not, is not for the same reason (no traffic, or
        // the target cannot run the workload), never for want of prices.
        CHECK(here["monthly_cost_usd"].is_null() == at_home["monthly_cost_usd"].is_null());
        if (here["monthly_cost_usd"].is_null()) {
          CHECK(here["cost_unknown_reason"] == at_home["cost_unknown_reason"]);
          continue;
        }
        ++priced;
        CHECK(here["monthly_cost_usd"].get<double>() > 0);
        if (here["monthly_cost_usd"] != at_home["monthly_cost_usd"]) ++cheaper_or_dearer;
      }
    }
    CHECK(priced >= 49);
    // The region's own prices are used: somewhere they differ from us-east-1's (except where they are the same).
    if (region != "us-east-1" && region != "us-east-2" && region != "us-west-2") CHECK(cheaper_or_dearer > 0);
  }
}

TEST_CASE("regions: a misspelt --region is exit 2 with a suggestion, before any file is read", "[regions][e2e]") {
  for (const std::string command : {"recommend", "check", "validate"}) {
    INFO(command);
    const auto run = run_tool({command, "examples/orders-api.yaml", "--region", "eu-wset-1"});
    CHECK(run.exit_code == 2);
    CHECK((run.out + run.err).find("--region: no prices for region 'eu-wset-1'; did you mean 'eu-west-1'?") !=
          std::string::npos);
    CHECK(run.out.find("orders-api →") == std::string::npos);
  }
  const auto as_json = run_tool({"recommend", "examples/orders-api.yaml", "--region", "us-east1", "-f", "json"});
  CHECK(as_json.exit_code == 2);
  const auto report = json::parse(as_json.out);
  CHECK(report["results"].empty());
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["code"] == "unknown-region");
  CHECK(report["errors"][0]["message"].get<std::string>().find("did you mean 'us-east-1'?") != std::string::npos);
  const auto cost = run_tool({"cost", "examples/orders-api.yaml", "--region", "eu-wset-1"});
  CHECK(cost.exit_code == 2);
  CHECK(cost.err.find("did you mean 'eu-west-1'?") != std::string::npos);
  CHECK(cost.out.empty());
}

TEST_CASE(
    "regions: a workload's misspelt region is an error located at the field, exit 2, never a report without "
    "costs",
    "[regions][e2e]") {
  const std::string file = "tests/fixtures/regions/misspelt-region.yaml";
  for (const std::string command : {"recommend", "check", "validate"}) {
    INFO(command);
    const auto run = run_tool({command, file, "-f", "json"});
    CHECK(run.exit_code == 2);
    const auto report = json::parse(run.out);
    CHECK(report["results"].empty());
    REQUIRE(report["errors"].size() == 1);
    const auto& error = report["errors"][0];
    CHECK(error["code"] == "unknown-region");
    CHECK(error["file"] == file);
    CHECK(error["line"] == 4);
    CHECK(error["column"] == 9);
    CHECK(error["message"] == "no prices for region 'eu-wset-1'; did you mean 'eu-west-1'?");
  }
  const auto text = run_tool({"recommend", file});
  CHECK(text.exit_code == 2);
  CHECK(text.out.find(file + ":4:9: error: no prices for region 'eu-wset-1'; did you mean 'eu-west-1'?") !=
        std::string::npos);
  const auto cost = run_tool({"cost", file});
  CHECK(cost.exit_code == 2);
  CHECK(cost.err.find(file + ":4:9: error: no prices for region 'eu-wset-1'") != std::string::npos);
  CHECK(cost.out.empty());
  // In a folder, the other files are still evaluated; the run's exit code is 2.
  const auto folder = run_tool({"recommend", "tests/fixtures/regions", "-f", "json"});
  CHECK(folder.exit_code == 2);
  const auto both = json::parse(folder.out);
  CHECK(both["results"].size() == 1);
  CHECK(both["results"][0]["workload"]["name"] == "frankfurt");
  CHECK(both["results"][0]["ranking"][0]["monthly_cost_usd"].is_number());
}

TEST_CASE("regions: a workload's own region prices it with that region's prices", "[regions][e2e]") {
  const auto frankfurt = run_json({"cost", "tests/fixtures/regions/frankfurt.yaml", "-f", "json"});
  CHECK(frankfurt["results"][0]["region"] == "eu-central-1");
  const auto show = run_json({"pricing", "show", "eu-central-1", "-f", "json"});
  double fargate_vcpu = 0;
  for (const auto& price : show["prices"])
    if (price["key"] == "fargate.arm64.vcpu_hour") fargate_vcpu = price["usd"].get<double>();
  REQUIRE(fargate_vcpu > 0);
  bool seen = false;
  for (const auto& target : frankfurt["results"][0]["targets"])
    if (target["target"] == "fargate")
      for (const auto& item : target["cost"]["items"])
        if (item["item"] == "vCPU (arm64)") {
          CHECK(item["unit_price_usd"].get<double>() == fargate_vcpu);
          seen = true;
        }
  CHECK(seen);
}

TEST_CASE("regions: a region added by --pricing is priced, listed and shown", "[regions][e2e]") {
  const auto dir = fs::temp_directory_path() / "caas-regions-test";
  fs::create_directories(dir);
  std::string text = read_text(source_dir() + "/rules/pricing/aws-eu-west-1.yaml");
  for (std::size_t at; (at = text.find("eu-west-1:")) != std::string::npos;) text.replace(at, 10, "af-south-1:");
  const auto file = (dir / "af-south-1.yaml").string();
  write_text(file, text);
  const auto regions = run_json({"pricing", "regions", "--pricing", file, "-f", "json"});
  std::set<std::string> names;
  for (const auto& region : regions["regions"]) names.insert(region["region"]);
  CHECK(names.count("af-south-1") == 1);
  CHECK(run_tool({"pricing", "show", "af-south-1", "--pricing", file}).exit_code == 0);
  const auto priced =
      run_json({"recommend", "examples/orders-api.yaml", "--pricing", file, "--region", "af-south-1", "-f", "json"});
  CHECK(priced["results"][0]["ranking"][0]["monthly_cost_usd"].is_number());
  // Without the file the region is unknown; the message names the way to price it.
  const auto unknown = run_tool({"recommend", "examples/orders-api.yaml", "--region", "af-south-1"});
  CHECK(unknown.exit_code == 2);
  CHECK((unknown.out + unknown.err).find("pricing import") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("pricing: regions and show match their golden files; show refuses an unknown region", "[regions][e2e]") {
  for (const std::string format : {"text", "json"}) {
    const auto run = run_tool({"pricing", "regions", "-f", format});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(compare_golden(source_dir() + "/tests/golden/pricing-regions." + (format == "text" ? "txt" : "json"), run.out)
              .empty());
  }
  const auto show = run_tool({"pricing", "show", "ap-south-1"});
  CHECK(show.exit_code == 0);
  CHECK(compare_golden(source_dir() + "/tests/golden/pricing-show-ap-south-1.txt", show.out).empty());
  const auto shown = run_json({"pricing", "show", "ap-south-1", "-f", "json"});
  CHECK(shown["region"] == "ap-south-1");
  CHECK(shown["prices"].size() == shown["price_count"]);
  CHECK(shown["instances"].size() == shown["instance_count"]);
  for (const auto& price : shown["prices"]) {
    INFO(price["key"]);
    CHECK_FALSE(price["source"].get<std::string>().empty());
  }
  const auto unknown = run_tool({"pricing", "show", "ap-sotuh-1"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean 'ap-south-1'?") != std::string::npos);
  CHECK(run_tool({"pricing"}).exit_code == 2);
}

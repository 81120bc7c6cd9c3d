// Published decisions of real teams, each written as a workload from what the team published (the figures they did
// not publish are marked in the file): the advisor must pick the target the team moved to, and rule out what the
// team's situation rules out. The sources and their figures are in docs/scoring.md ("Published decisions"). Also the
// AWS worked examples through the command line: --free-tier and quantities as printed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;

namespace {

struct Decision {
  const char* file;
  const char* moved_to;
  std::set<std::string> ruled_out;
  bool free_tier;
};

json recommend(const Decision& decision) {
  std::vector<std::string> args = {"recommend", std::string("tests/fixtures/decisions/") + decision.file, "-f", "json"};
  if (decision.free_tier) args.emplace_back("--free-tier");
  const auto run = run_tool(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out)["results"][0];
}

const json& target_of(const json& result, const std::string& id) {
  for (const auto& target : result["ranking"])
    if (target["target"] == id) return target;
  FAIL("no target " << id);
  return result;
}

}  // namespace

TEST_CASE("decisions: the advice is the target each team moved to, with the same targets ruled out",
          "[e2e][decisions]") {
  const std::vector<Decision> decisions = {
      // Prime Video's stream monitoring: serverless to ECS on EC2 with EC2 Savings Plans, over 90 % cheaper.
      {"prime-video-stream-monitor.yaml", "ec2", {}, false},
      // Insider's Web SDK collector: API Gateway and Lambda to Fargate, 90 % cheaper.
      {"insider-web-sdk-collector.yaml", "fargate", {}, false},
      // Project A's data hub workers: Fargate to Lambda, about $2,150-2,550 to $773 a month.
      {"project-a-data-hub-worker.yaml", "lambda", {}, false},
      // A small team's internal tool after the 12-month free tier: EC2 behind an ALB to Lambda and the always-free
      // allowances.
      {"internal-tool-after-free-tier.yaml", "lambda", {}, true},
  };
  for (const auto& decision : decisions) {
    INFO(decision.file);
    const auto result = recommend(decision);
    CHECK(result["recommendation"] == decision.moved_to);
    std::set<std::string> ruled_out;
    for (const auto& target : result["ranking"])
      if (!target["feasible"].get<bool>()) ruled_out.insert(target["target"].get<std::string>());
    CHECK(ruled_out == decision.ruled_out);
  }
}

TEST_CASE("decisions: steady busy capacity goes to EC2 through busy time, not a request count", "[e2e][decisions]") {
  const auto result = recommend({"prime-video-stream-monitor.yaml", "ec2", {}, false});
  const auto& ec2 = target_of(result, "ec2");
  bool steady = false;
  for (const auto& reason : ec2["reasons"]) steady = steady || reason["rule"] == "ec2-steady-utilisation";
  CHECK(steady);
  // EC2 is materially cheaper than Fargate here (the EC2 Instance Savings Plan against the Compute Savings Plan).
  CHECK(ec2["monthly_cost_usd"].get<double>() < 0.95 * target_of(result, "fargate")["monthly_cost_usd"].get<double>());
}

TEST_CASE("decisions: an internal tool's bill on EC2 shows the public IPv4 addresses its developer found",
          "[e2e][decisions]") {
  const auto result = recommend({"internal-tool-after-free-tier.yaml", "lambda", {}, true});
  const auto& ec2 = target_of(result, "ec2");
  int addresses = 0;
  for (const auto& item : ec2["cost"]["items"])
    if (item["item"].get<std::string>().rfind("public IPv4 addresses", 0) == 0) addresses += 1;
  CHECK(addresses == 2);  // the load balancer's and the instance's
  CHECK(target_of(result, "lambda")["monthly_cost_usd"].get<double>() < 1.0);
}

TEST_CASE("cost: --free-tier applies the always-free allowances, as AWS's Lambda example 1 does", "[e2e][cost]") {
  const auto file = "tests/fixtures/aws-examples/lambda-mobile-backend.yaml";
  const auto with = run_tool({"cost", file, "--free-tier", "-f", "json"});
  REQUIRE(with.exit_code == 0);
  CHECK(json::parse(with.out)["results"][0]["targets"][0]["monthly_cost_usd"] == 2.73);
  const auto without = run_tool({"cost", file, "-f", "json"});
  REQUIRE(without.exit_code == 0);
  // 3M × $0.20 = $0.60, 540,000 GB-s × $0.0000166667 = $9.00.
  CHECK(json::parse(without.out)["results"][0]["targets"][0]["monthly_cost_usd"] == 9.60);
  const auto recommend = run_tool({"recommend", file, "--free-tier", "-f", "json"});
  REQUIRE(recommend.exit_code == 0);
  CHECK(json::parse(recommend.out)["results"][0]["ranking"][0]["monthly_cost_usd"] == 2.73);
}

TEST_CASE("cost: printed quantities carry no binary noise, in text and json", "[e2e][cost]") {
  const auto file = "tests/fixtures/aws-examples/lambda-bert-inference.yaml";
  const auto text = run_tool({"cost", file, "--color", "never"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("6,720,000 GB-second") != std::string::npos);
  CHECK(text.out.find("6,720,000.") == std::string::npos);
  const auto js = run_tool({"cost", file, "-f", "json"});
  REQUIRE(js.exit_code == 0);
  CHECK(js.out.find("\"quantity\": 6720000") != std::string::npos);
  CHECK(js.out.find("6720000.000") == std::string::npos);
}

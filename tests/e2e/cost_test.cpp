// `caas-advisor cost`: goldens, exit codes, line items of examples checked against sums worked by hand, and the
// properties of the break-even and of cost in the ranking over every example.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "caas/engine/break_even.hpp"
#include "caas/engine/engine.hpp"
#include "caas/parse/parse_workload.hpp"
#include "caas/tables/embedded_tables.hpp"
#include "support/run_tool.hpp"

using namespace caas;
using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const json& target_of(const json& report, std::string_view id) {
  for (const auto& target : report["results"][0]["targets"])
    if (target["target"] == id) return target;
  FAIL("no target " << id);
  return report;
}

double item_usd(const json& target, std::string_view name) {
  for (const auto& item : target["cost"]["items"])
    if (item["item"] == name) return item["usd"].get<double>();
  FAIL("no item " << name);
  return 0;
}

json cost_json(const std::string& file) {
  const auto run = run_tool({"cost", file, "-f", "json"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out);
}

const cost::PriceTable& prices() {
  static const cost::PriceTable k_table = *caas::tables::load_embedded_prices();
  return k_table;
}

const rules::RuleSet& rule_table() {
  static const rules::RuleSet k_set = *caas::tables::load_embedded_rules();
  return k_set;
}

std::vector<parse::ParsedWorkload> examples() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(source_dir() + "/examples"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::vector<parse::ParsedWorkload> all;
  for (const auto& file : files) {
    auto parsed = parse::parse_file(read_text(file), fs::path(file).filename().string());
    REQUIRE(parsed.kind == parse::FileKind::workload);
    for (auto& workload : parsed.workloads) all.push_back(std::move(workload));
  }
  return all;
}

std::string cheapest_at(const cost::CostInputs& inputs, const std::vector<std::string>& targets,
                        const cost::RegionPrices& region, double scale) {
  std::string best;
  double lowest = 0;
  for (const auto& target : targets) {
    const auto usd = cost::estimate_monthly_usd(inputs, target, region, scale);
    if (usd && (best.empty() || *usd < lowest)) {
      best = target;
      lowest = *usd;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("cost: text and json match their golden files", "[cost][e2e]") {
  for (const std::string stem :
       {"photo-thumbnailer", "team-directory-api", "llm-inference-api", "churn-model-scoring"}) {
    for (const std::string format : {"text", "json"}) {
      const auto run = run_tool({"cost", "examples/" + stem + ".yaml", "-f", format, "--color", "never"});
      INFO(stem << " as " << format << "\n" << run.err);
      CHECK(run.exit_code == 0);
      CHECK(run.err.empty());
      const auto golden = source_dir() + "/tests/golden/cost-" + stem + (format == "text" ? ".txt" : ".json");
      CHECK(compare_golden(golden, run.out).empty());
    }
  }
}

TEST_CASE("cost: a spiky Lambda function's line items are requests and first-tier GB-seconds", "[cost][e2e]") {
  const auto report = cost_json("examples/photo-thumbnailer.yaml");
  const auto& lambda = target_of(report, "lambda");
  // 2M requests × $0.20 per million = $0.40; 2,000,000 × 0.8 s × 1 GiB = 1,600,000 GB-s × $0.0000133334 = $21.33
  CHECK(item_usd(lambda, "requests") == Approx(0.40));
  CHECK(item_usd(lambda, "compute (arm64)") == Approx(21.33));
  CHECK(lambda["monthly_cost_usd"].get<double>() == Approx(21.73));
}

TEST_CASE("cost: a steady HTTP service's Fargate bill is one task and a load balancer", "[cost][e2e]") {
  const auto report = cost_json("examples/team-directory-api.yaml");
  const auto& fargate = target_of(report, "fargate");
  // One 0.25 vCPU / 0.5 GiB arm64 task: 182.5 vCPU-h × $0.03238 = $5.909 -> $5.91; 365 GB-h × $0.00356 = $1.30.
  // ALB: 730 h × $0.0225 = $16.425 -> $16.43; 300k requests a month are 0.0005 LCU, not a whole one: $0.00.
  // Public IPv4: the ALB's two addresses, 1,460 IP-h, and the task's, 730 IP-h, × $0.005 = $7.30 + $3.65.
  // Total $34.59.
  CHECK(item_usd(fargate, "vCPU (arm64)") == Approx(5.91));
  CHECK(item_usd(fargate, "memory (arm64)") == Approx(1.30));
  CHECK(item_usd(fargate, "load balancer (ALB)") == Approx(16.43));
  CHECK(item_usd(fargate, "load balancer capacity (ALB)") == Approx(0.00));
  CHECK(item_usd(fargate, "public IPv4 addresses (ALB, one per Availability Zone)") == Approx(7.30));
  CHECK(item_usd(fargate, "public IPv4 addresses (one per task or instance)") == Approx(3.65));
  CHECK(fargate["monthly_cost_usd"].get<double>() == Approx(34.59));
}

TEST_CASE("cost: a GPU service runs on EC2 only, and Lambda and Fargate say why they have no cost", "[cost][e2e]") {
  const auto report = cost_json("examples/llm-inference-api.yaml");
  const auto& ec2 = target_of(report, "ec2");
  // 16 GiB of host memory fits no 16 GiB g4dn.xlarge once the OS keeps its 5 %: two g4dn.2xlarge (availability
  // high), 1,460 h × $0.752 = $1,097.92; root volumes 40 GiB-month × $0.08 = $3.20; ALB $16.43 + 3.33 LCU-h $0.03;
  // public IPv4, the ALB's two and the instances' two: $7.30 + $7.30. Total $1,132.18.
  CHECK(item_usd(ec2, "instances (g4dn.2xlarge)") == Approx(1097.92));
  CHECK(item_usd(ec2, "root volume (gp3, 20 GiB per instance)") == Approx(3.20));
  CHECK(ec2["monthly_cost_usd"].get<double>() == Approx(1132.18));
  const auto& lambda = target_of(report, "lambda");
  CHECK(lambda["feasible"] == false);
  CHECK(lambda["monthly_cost_usd"].is_null());
  CHECK(lambda["cost_unknown_reason"] == "Lambda offers no GPUs");
  CHECK(report["results"][0]["break_even"]["crossings"].empty());
  CHECK(report["results"][0]["break_even"]["note"] ==
        "no break-even: fewer than two targets that fit have a known cost");
}

TEST_CASE("cost: a target that does not fit is still priced, and marked with its blockers", "[cost][e2e]") {
  const auto report = cost_json("examples/churn-model-scoring.yaml");
  const auto& lambda = target_of(report, "lambda");
  CHECK(lambda["feasible"] == false);
  CHECK(lambda["blockers"] == json::array({"lambda-max-duration"}));
  CHECK(lambda["monthly_cost_usd"].is_number());
  CHECK(report["results"][0]["break_even"]["compared"] == json::array({"fargate", "ec2"}));  // rank order
  REQUIRE(report["results"][0]["cost_table"].size() == 5);
  CHECK(report["results"][0]["cost_table"][2]["scale"] == 1);
  CHECK(report["results"][0]["cost_table"][2]["monthly_cost_usd"]["ec2"] ==
        target_of(report, "ec2")["monthly_cost_usd"]);
}

TEST_CASE("cost: a broken or missing file is exit 2 with a located message on standard error", "[cost][e2e]") {
  const auto broken = run_tool({"cost", "tests/fixtures/batch/broken-typo.yaml"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.out.empty());
  CHECK(broken.err.find("tests/fixtures/batch/broken-typo.yaml:5:3: error:") != std::string::npos);
  const auto missing = run_tool({"cost", "no/such/file.yaml", "-f", "json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("no/such/file.yaml: error: cannot read") != std::string::npos);
  const auto other = run_tool({"cost", "tests/fixtures/batch/nested/not-a-workload.yaml"});
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("not a workload file") != std::string::npos);
  CHECK(run_tool({"cost", "examples/orders-api.yaml", "-f", "sarif"}).exit_code == 2);
}

TEST_CASE("cost: standard input, --region and --disable apply", "[cost][e2e]") {
  const auto piped =
      run_tool({"cost", "-", "-f", "json"}, read_text(source_dir() + "/examples/photo-thumbnailer.yaml"));
  REQUIRE(piped.exit_code == 0);
  CHECK(json::parse(piped.out)["results"][0]["workload"]["file"] == "-");
  const auto elsewhere = cost_json("examples/photo-thumbnailer.yaml");
  CHECK(elsewhere["results"][0]["region"] == "us-east-1");
  const auto region = run_tool({"cost", "examples/photo-thumbnailer.yaml", "--region", "eu-west-1", "-f", "json"});
  REQUIRE(region.exit_code == 0);
  const auto ireland = json::parse(region.out)["results"][0];
  CHECK(ireland["region"] == "eu-west-1");
  CHECK(ireland["targets"][0]["monthly_cost_usd"].is_number());
  CHECK(ireland["break_even"]["note"] != "no prices for region eu-west-1; costs are left out");
  const auto disabled =
      run_tool({"cost", "examples/churn-model-scoring.yaml", "--disable", "lambda-max-duration", "-f", "json"});
  REQUIRE(disabled.exit_code == 0);
  CHECK(json::parse(disabled.out)["results"][0]["targets"][0]["feasible"] == true);
}

TEST_CASE("break-even: every example's crossings agree with direct evaluation", "[cost][e2e][property]") {
  int crossings = 0;
  for (const auto& workload : examples()) {
    engine::EngineOptions options;
    options.prices = &prices();
    const auto rec = engine::recommend(workload.profile, workload.warnings, rule_table(), options);
    const auto result = engine::find_break_even(workload.profile, rec, options);
    if (!result) continue;
    const auto inputs = cost::read_cost_inputs(workload.profile);
    const auto& region = *engine::region_prices(workload.profile, options);
    for (const auto& c : result->crossings) {
      INFO(workload.profile.file << ": " << c.below << " -> " << c.above << " at " << c.events_per_month);
      ++crossings;
      const double margin = c.at_step ? 1e-5 : 0.01;
      CHECK(cheapest_at(inputs, result->targets, region, c.scale * (1 - margin)) == c.below);
      CHECK(cheapest_at(inputs, result->targets, region, c.scale * (1 + margin)) == c.above);
    }
    // recommend says the same, one entry per crossing.
    const auto listed = std::count_if(rec.what_would_change.begin(), rec.what_would_change.end(),
                                      [](const model::Change& change) { return change.kind == "break_even"; });
    CHECK(static_cast<std::size_t>(listed) == result->crossings.size());
  }
  CHECK(crossings >= 5);
}

TEST_CASE("cost in the score: raising one target's prices never raises its rank, for every example",
          "[cost][e2e][property]") {
  for (const auto& workload : examples()) {
    engine::EngineOptions options;
    options.prices = &prices();
    const auto before = engine::recommend(workload.profile, workload.warnings, rule_table(), options);
    for (const std::string target : {"lambda", "fargate", "ec2"}) {
      auto raised = prices();
      for (auto& [name, region] : raised.regions) {
        for (auto& [key, price] : region.prices)
          if (key.rfind(target + ".", 0) == 0 && price.unit != "percent off" && price.unit != "GiB") price.usd *= 3;
        if (target == "ec2")
          for (auto& instance : region.instances) instance.usd_per_hour *= 3;
      }
      options.prices = &raised;
      const auto after = engine::recommend(workload.profile, workload.warnings, rule_table(), options);
      const auto rank = [&](const model::Recommendation& rec) {
        for (const auto& r : rec.ranking)
          if (r.target.id == target) return r.rank;
        return 0;
      };
      INFO(workload.profile.file << ": " << target << " prices × 3");
      CHECK(rank(after) >= rank(before));
    }
  }
}

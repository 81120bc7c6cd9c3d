// Importers end to end: every file of the corpus of real specs (tests/corpus/) either imports, with a golden summary
// of its workloads and their recommendation, or fails with a located message; none crashes. `import` prints
// workload files that our parser reads back; the advice on imported workloads is sensible.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "caas/import/import.hpp"
#include "caas/parse/parse_workload.hpp"
#include "support/run_tool.hpp"

using namespace caas::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::vector<std::string> k_folders = {"cloudformation", "compose", "ecs", "k8s", "sam", "serverless"};

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// One line per workload (its imported values and the answer), per error (located), per skipped file.
std::string summarise(const json& report) {
  std::string out;
  for (const auto& result : report["results"]) {
    out += base_name(result["workload"]["file"].get<std::string>()) + "\n";
    for (const auto& field : result["imported"]["fields"])
      out += "  " + field["field"].get<std::string>() + " = " + field["value"].get<std::string>() + "  <- " +
             field["from"].get<std::string>() + ":" + std::to_string(field["line"].get<int>()) + "\n";
    out += "  -> " +
           (result["recommendation"].is_null() ? std::string("none") : result["recommendation"].get<std::string>()) +
           "\n";
  }
  for (const auto& error : report["errors"]) {
    out += "error " + base_name(error["file"].get<std::string>()) + ":" +
           std::to_string(error["line"].is_null() ? 0 : error["line"].get<int>()) + ": " +
           error["code"].get<std::string>() + ": " + error["message"].get<std::string>() + "\n";
  }
  for (const auto& skipped : report["summary"]["skipped_files"])
    out += "skipped " + base_name(skipped.get<std::string>()) + "\n";
  return out;
}

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  for (const auto& folder : k_folders)
    for (const auto& entry : fs::directory_iterator(source_dir() + "/tests/corpus/" + folder))
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("corpus: every file imports or fails with a located message, matching its golden summary", "[e2e][import]") {
  for (const auto& folder : k_folders) {
    const auto run = run_tool({"recommend", "tests/corpus/" + folder, "-f", "json", "-v", "-j", "2"});
    INFO(folder << "\n" << run.err);
    CHECK((run.exit_code == 0 || run.exit_code == 2));
    const auto report = json::parse(run.out);
    for (const auto& error : report["errors"]) {
      INFO(error.dump());
      CHECK(error["line"].is_number());
      CHECK(error["line"].get<int>() > 0);
    }
    for (const auto& result : report["results"]) CHECK(result.contains("imported"));
    CHECK(compare_golden(source_dir() + "/tests/golden/corpus-" + folder + ".txt", summarise(report)).empty());
  }
}

TEST_CASE("corpus: each workload the import command prints reads back as a valid workload file", "[e2e][import]") {
  int imported = 0;
  for (const auto& path : corpus_files()) {
    const auto text = read_text(path);
    const auto result = caas::import::import_spec(text, path);
    if (!result) continue;
    for (const auto& workload : result->workloads) {
      const auto yaml = caas::import::to_workload_yaml(workload, base_name(path));
      const auto parsed = caas::parse::parse_workload(yaml, workload.profile.name + ".yaml");
      INFO(path << "\n" << yaml);
      REQUIRE(parsed.has_value());
      CHECK(parsed->profile.name == workload.profile.name);
      CHECK(parsed->profile.at("kind").value == workload.profile.at("kind").value);
      CHECK(parsed->profile.at("resources.memory").value == workload.profile.at("resources.memory").value);
      ++imported;
    }
  }
  CHECK(imported > 300);
}

TEST_CASE("import command: prints workload files, writes them with --out, refuses what it cannot read",
          "[e2e][import]") {
  const auto file = "tests/corpus/serverless/serverless__examples__aws-node-puppeteer__serverless.yml";
  const auto printed = run_tool({"import", file});
  CHECK(printed.exit_code == 0);
  CHECK(printed.out.find("name: hello\n") != std::string::npos);
  CHECK(printed.out.find("  memory: 1536MiB  # from serverless__examples__aws-node-puppeteer__serverless.yml:19 "
                         "functions.hello.memorySize") != std::string::npos);
  const auto dir = fs::temp_directory_path() / "caas-import-test";
  fs::remove_all(dir);
  const auto written = run_tool(
      {"import", "tests/corpus/compose/docker__awesome-compose__flask-redis__compose.yaml", "--out", dir.string()});
  CHECK(written.exit_code == 0);
  CHECK(fs::exists(dir / "redis.yaml"));
  CHECK(fs::exists(dir / "web.yaml"));
  const auto validated = run_tool({"validate", dir.string()});
  CHECK(validated.exit_code == 0);
  fs::remove_all(dir);
  const auto helm = run_tool(
      {"import", "tests/corpus/k8s/kubernetes__examples___archived__storage__vitess__vtgate-controller-template.yaml"});
  CHECK(helm.exit_code == 2);
  CHECK(helm.err.find(":6:13: error: this looks like a template, not YAML") != std::string::npos);
  const auto other = run_tool({"import", "examples/photo-thumbnailer.yaml"});
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("already a workload file") != std::string::npos);
}

TEST_CASE("imported advice: GPU Deployment to EC2, short CronJob to Lambda, 900 s function at Lambda's limit",
          "[e2e][import]") {
  const auto dir = fs::temp_directory_path() / "caas-import-advice";
  fs::create_directories(dir);
  write_text((dir / "gpu.yaml").string(),
             "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: infer}\nspec:\n  template:\n    spec:\n"
             "      containers:\n        - name: model\n          image: vllm\n          resources:\n"
             "            limits: {nvidia.com/gpu: 1, memory: 24Gi, cpu: '8'}\n");
  write_text(
      (dir / "cron.yaml").string(),
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: '0 * * * *'\n"
      "  jobTemplate:\n    spec:\n      activeDeadlineSeconds: 300\n      template:\n        spec:\n"
      "          restartPolicy: OnFailure\n          containers:\n            - name: r\n              image: r\n"
      "              resources: {limits: {memory: 256Mi, cpu: 250m}}\n");
  write_text(
      (dir / "serverless.yml").string(),
      "service: etl\nprovider: {name: aws, runtime: python3.12}\nfunctions:\n  crunch:\n"
      "    handler: h.crunch\n    timeout: 900\n    memorySize: 2048\n    events:\n      - sqs: arn:aws:sqs:x\n");
  auto recommendation = [&](const std::string& file) {
    const auto run = run_tool({"recommend", (dir / file).string(), "-f", "json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out)["results"][0];
  };
  CHECK(recommendation("gpu.yaml")["recommendation"] == "ec2");
  CHECK(recommendation("cron.yaml")["recommendation"] == "lambda");
  const auto crunch = recommendation("serverless.yml");
  bool near_limit = false;
  for (const auto& target : crunch["ranking"])
    for (const auto& reason : target["reasons"]) near_limit = near_limit || reason["rule"] == "lambda-near-time-limit";
  CHECK(near_limit);
  fs::remove_all(dir);
}

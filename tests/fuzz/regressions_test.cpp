// Replays every input saved under tests/fuzz/regressions/TARGET/ (crashes the fuzzers found, and hostile inputs
// worth keeping) through the same code as the fuzz target, in the ordinary test suite.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.hpp"
#include "support/run_tool.hpp"

namespace fs = std::filesystem;
using caas::test::read_text;
using caas::test::source_dir;

namespace {

std::vector<fs::path> saved_inputs(const std::string& target) {
  std::vector<fs::path> paths;
  const auto folder = fs::path(source_dir()) / "tests/fuzz/regressions" / target;
  if (!fs::is_directory(folder)) return paths;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  return paths;
}

void replay(const std::string& target, const std::function<void(std::string_view)>& body) {
  for (const auto& path : saved_inputs(target)) {
    INFO(path.filename().string());
    CHECK_NOTHROW(body(read_text(path.string())));
  }
}

}  // namespace

TEST_CASE("fuzz regressions: saved workload inputs parse, evaluate and render without breaking an invariant",
          "[fuzz][hardening]") {
  replay("workload", caas::fuzz::run_workload_file);
}

TEST_CASE("fuzz regressions: saved specs of other formats import, evaluate and render without breaking an invariant",
          "[fuzz][hardening]") {
  replay("import", caas::fuzz::run_spec_file);
}

TEST_CASE("fuzz regressions: saved conditions compile and evaluate without breaking an invariant",
          "[fuzz][hardening]") {
  replay("condition", caas::fuzz::run_condition);
}

TEST_CASE("fuzz regressions: saved rule files load without breaking an invariant", "[fuzz][hardening]") {
  replay("rules", caas::fuzz::run_rule_file);
}

TEST_CASE("fuzz regressions: saved price files load without breaking an invariant", "[fuzz][hardening]") {
  replay("prices", caas::fuzz::run_price_file);
  replay("pricelist", caas::fuzz::run_price_list);
}

TEST_CASE("fuzz regressions: saved configurations load without breaking an invariant", "[fuzz][hardening]") {
  replay("config", caas::fuzz::run_config_file);
}

TEST_CASE("fuzz regressions: saved baselines load without breaking an invariant", "[fuzz][hardening]") {
  replay("baseline", caas::fuzz::run_baseline);
}

TEST_CASE("fuzz targets: the seed corpora pass through every target", "[fuzz][hardening]") {
  const fs::path root = source_dir();
  for (const auto& entry : fs::directory_iterator(root / "examples")) {
    if (entry.path().extension() != ".yaml") continue;
    INFO(entry.path().filename().string());
    CHECK_NOTHROW(caas::fuzz::run_workload_file(read_text(entry.path().string())));
  }
  CHECK_NOTHROW(caas::fuzz::run_rule_file(read_text((root / "rules/aws.yaml").string())));
  for (const auto& entry : fs::directory_iterator(root / "tests/fixtures/pricelist")) {
    INFO(entry.path().filename().string());
    CHECK_NOTHROW(caas::fuzz::run_price_list(read_text(entry.path().string())));
  }
  CHECK_NOTHROW(caas::fuzz::run_price_file(read_text((root / "rules/pricing/aws-us-east-1.yaml").string())));
  CHECK_NOTHROW(caas::fuzz::run_condition("execution.duration.max > 15m and not x.pci"));
}

TEST_CASE("fuzz regressions: saved reports read back as a diff side without breaking an invariant",
          "[fuzz][hardening]") {
  replay("report", caas::fuzz::run_report_file);
}

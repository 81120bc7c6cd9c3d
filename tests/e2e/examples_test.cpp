// Every example in examples/, in every format, against its golden output.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/run_tool.hpp"

using namespace caas::test;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> example_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(source_dir() + "/examples"))
    if (entry.path().extension() == ".yaml") files.push_back("examples/" + entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

TEST_CASE("examples: there are enough of them to cover the rule table", "[e2e]") {
  CHECK(example_files().size() >= 15);
}

TEST_CASE("examples: text and json reports match their golden files", "[e2e]") {
  for (const auto& file : example_files()) {
    const auto stem = fs::path(file).stem().string();
    for (const std::string format : {"text", "json"}) {
      const auto run = run_tool({"recommend", file, "-f", format, "--color", "never"});
      INFO(file << " as " << format << "\n" << run.err);
      REQUIRE(run.exit_code == 0);  // never rewrite a golden file from a failed run
      const auto golden = source_dir() + "/tests/golden/" + stem + (format == "text" ? ".txt" : ".json");
      CHECK(compare_golden(golden, run.out).empty());
    }
  }
}

TEST_CASE("examples: output is byte-identical run to run", "[e2e][property]") {
  const auto first = run_tool({"recommend", "examples", "-f", "json", "-j", "2"});
  const auto second = run_tool({"recommend", "examples", "-f", "json", "-j", "2"});
  const auto single = run_tool({"recommend", "examples", "-f", "json", "-j", "1"});
  CHECK(first.exit_code == 0);
  CHECK(first.out == second.out);
  CHECK(first.out == single.out);
}

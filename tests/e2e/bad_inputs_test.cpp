// The bad-input corpus (tests/bad-inputs/, described in its README.md), end to end: every file is exit 2 with its
// located message, and a folder of them beside good files loses nothing from the good ones. No timing: a hang would
// hang the suite, and the tool's own limits are what keep each run short.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string k_corpus = "tests/bad-inputs/";

// One row of tests/bad-inputs/expected.tsv.
struct BadInput {
  std::string file;
  std::string role;  // workload, rules (--rules), pricing (--pricing), config (--config), baseline (--baseline),
                     // report (a side of diff) or pricelist (pricing import)
  int exit_code = 2;
  std::string in_folder;    // in a folder: error (reported) or skipped (not a workload); "-" for rules and pricing
  std::string first_error;  // the first "file:line:col: error: ..." line the text report prints
};

std::vector<BadInput> read_expectations() {
  std::vector<BadInput> rows;
  std::istringstream in(read_text(source_dir() + "/" + k_corpus + "expected.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab = 0; (tab = line.find('\t', start)) != std::string::npos && cells.size() < 4; start = tab + 1)
      cells.push_back(line.substr(start, tab - start));
    cells.push_back(line.substr(start));
    REQUIRE(cells.size() == 5);
    rows.push_back({cells[0], cells[1], std::stoi(cells[2]), cells[3], cells[4]});
  }
  return rows;
}

// The first error line of a run: the text report's errors, or a rule or price file's errors on standard error.
std::string first_error_line(const ToolRun& run) {
  std::istringstream in(run.out + run.err);
  std::string line;
  while (std::getline(in, line))
    if (line.find(": error: ") != std::string::npos) return line;
  return {};
}

ToolRun run_bad_input(const BadInput& input) {
  const std::string path = k_corpus + input.file;
  if (input.role == "rules") return run_tool({"recommend", "examples/minimal-service.yaml", "--rules", path});
  if (input.role == "pricing") return run_tool({"recommend", "examples/minimal-service.yaml", "--pricing", path});
  if (input.role == "config") return run_tool({"recommend", "examples/minimal-service.yaml", "--config", path});
  if (input.role == "baseline") return run_tool({"check", "examples/minimal-service.yaml", "--baseline", path});
  // A JSON report given to diff as a side, against a good workload (the rest is still compared).
  if (input.role == "report") return run_tool({"diff", path, "examples/minimal-service.yaml", "--fail-on", "none"});
  if (input.role == "pricelist") {
    // An AWS Price List file given to `pricing import`: nothing may be written.
    const auto out =
        (fs::temp_directory_path() / ("caas-bad-pricelist-" + std::to_string(getpid()) + ".yaml")).string();
    auto run = run_tool({"pricing", "import", path, "-o", out});
    if (fs::exists(out)) run.err += "\n" + out + ":1:1: error: written although the import failed";
    fs::remove(out);
    return run;
  }
  return run_tool({"recommend", path});
}

}  // namespace

TEST_CASE("bad inputs: the corpus holds at least 40 files, each with its expectation", "[bad-inputs][e2e]") {
  const auto rows = read_expectations();
  CHECK(rows.size() >= 40);
  std::set<std::string> listed;
  for (const auto& row : rows) listed.insert(row.file);
  for (const auto& entry : fs::directory_iterator(source_dir() + "/" + k_corpus)) {
    const auto name = entry.path().filename().string();
    if (name == "expected.tsv" || name == "README.md") continue;
    INFO(name);
    CHECK(listed.count(name) == 1);
  }
}

TEST_CASE("bad inputs: every file is exit 2 with its located message, never a crash", "[bad-inputs][e2e]") {
  for (const auto& input : read_expectations()) {
    INFO(input.file);
    const auto run = run_bad_input(input);
    CHECK(run.exit_code == input.exit_code);
    CHECK(first_error_line(run) == input.first_error);
    CHECK(run.err.find("internal error") == std::string::npos);
  }
}

TEST_CASE("bad inputs: a file over the default 1 MiB is refused before it is read", "[bad-inputs][e2e]") {
  const auto dir = fs::temp_directory_path() / ("caas-bad-inputs-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const auto huge = (dir / "huge.yaml").string();
  write_text(huge, "apiVersion: caas-advisor/v1\nname: huge\nkind: job\n# " + std::string(2u << 20, 'x') + "\n");
  const auto run = run_tool({"recommend", huge, "-f", "json"});
  fs::remove_all(dir);
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["message"] == "the file is 2097204 bytes, larger than the limit of 1MiB (--max-file-size)");
}

TEST_CASE("bad inputs: in one folder with two good files, the good ones are evaluated and every bad one is named",
          "[bad-inputs][e2e]") {
  const auto dir = fs::temp_directory_path() / ("caas-bad-batch-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::set<std::string> reported;
  int skipped = 0;
  for (const auto& input : read_expectations()) {
    if (input.role != "workload") continue;
    fs::copy_file(source_dir() + "/" + k_corpus + input.file, dir / input.file);
    if (input.in_folder == "error")
      reported.insert(input.file);
    else
      ++skipped;
  }
  fs::copy_file(source_dir() + "/examples/photo-thumbnailer.yaml", dir / "good-1.yaml");
  fs::copy_file(source_dir() + "/examples/orders-api.yaml", dir / "good-2.yaml");

  const auto run = run_tool({"recommend", dir.string(), "-f", "json", "-j", "2"});
  fs::remove_all(dir);
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  REQUIRE(report["results"].size() == 2);
  CHECK(report["results"][0]["workload"]["name"] == "photo-thumbnailer");
  CHECK(report["results"][0]["recommendation"] == "lambda");
  CHECK(report["results"][1]["workload"]["name"] == "orders-api");
  CHECK(report["results"][1]["recommendation"] == "fargate");
  std::set<std::string> named;
  for (const auto& error : report["errors"]) named.insert(fs::path(error["file"].get<std::string>()).filename());
  CHECK(named == reported);
  CHECK(report["summary"]["skipped"] == skipped);
}

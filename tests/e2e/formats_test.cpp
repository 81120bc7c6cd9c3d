// markdown, sarif, junit and github from the real binary: golden files for the examples, and the structure each CI
// system requires, on a batch with broken files.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "report/xml_check.hpp"
#include "support/run_tool.hpp"

using namespace caas::test;
using caas::report::test::read_xml;
using caas::report::test::XmlElement;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct GoldenFormat {
  std::string format;
  std::string extension;
};
const std::vector<GoldenFormat> k_formats = {
    {"markdown", "md"}, {"sarif", "sarif"}, {"junit", "junit.xml"}, {"github", "github"}};

const std::string k_batch = "tests/fixtures/batch";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  return lines;
}

// A scratch folder for workload files written by a test, removed at the end.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("caas-formats-" + std::to_string(getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
};

std::vector<std::string> fingerprints_and_lines(const json& sarif, std::vector<int>& lines) {
  std::vector<std::string> prints;
  for (const auto& result : sarif["runs"][0]["results"]) {
    prints.push_back(result["partialFingerprints"]["caasAdvisor/v1"]);
    lines.push_back(result["locations"][0]["physicalLocation"]["region"]["startLine"]);
  }
  return prints;
}

}  // namespace

TEST_CASE("formats: check over the examples matches the golden file in every CI format", "[e2e][formats]") {
  for (const auto& [format, extension] : k_formats) {
    const auto run = run_tool({"check", "examples", "-f", format, "--color", "never"});
    INFO(format << "\n" << run.err);
    CHECK(run.exit_code == 0);  // the examples that name runs_on name a feasible target
    CHECK(compare_golden(source_dir() + "/tests/golden/examples." + extension, run.out).empty());
  }
}

TEST_CASE("formats: every format is byte-identical at -j 1 and -j 2", "[e2e][formats]") {
  for (const auto& [format, extension] : k_formats) {
    const auto one = run_tool({"check", "examples", k_batch, "-f", format, "-j", "1"});
    const auto two = run_tool({"check", "examples", k_batch, "-f", format, "-j", "2"});
    INFO(format);
    CHECK(one.exit_code == 2);
    CHECK(one.out == two.out);
  }
}

TEST_CASE("formats: several formats from one evaluation, to files, equal their standard-output forms",
          "[e2e][formats]") {
  Scratch scratch;
  const auto sarif = (scratch.dir / "report.sarif").string();
  const auto junit = (scratch.dir / "report.xml").string();
  const auto run = run_tool({"check", k_batch, "-f", "sarif=" + sarif, "-f", "junit=" + junit, "-f", "github"});
  CHECK(run.exit_code == 2);
  CHECK(read_text(sarif) == run_tool({"check", k_batch, "-f", "sarif"}).out);
  CHECK(read_text(junit) == run_tool({"check", k_batch, "-f", "junit"}).out);
  CHECK(run.out == run_tool({"check", k_batch, "-f", "github"}).out);
}

TEST_CASE("formats: sarif from a batch with broken files is what GitHub code scanning accepts", "[e2e][formats]") {
  const auto run = run_tool({"check", "examples", k_batch, "-f", "sarif"});
  const json doc = json::parse(run.out);
  REQUIRE(doc["runs"].size() == 1);
  const json& run0 = doc["runs"][0];
  CHECK(run0["tool"]["driver"]["name"] == "caas-advisor");
  std::set<std::string> declared;
  for (const auto& rule : run0["tool"]["driver"]["rules"]) CHECK(declared.insert(rule["id"]).second);
  std::set<std::string> broken;
  for (const auto& result : run0["results"]) {
    CHECK(declared.count(result["ruleId"]) == 1);
    CHECK(run0["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
    const json& location = result["locations"][0]["physicalLocation"];
    const std::string uri = location["artifactLocation"]["uri"];
    CHECK(std::regex_match(uri, std::regex("(examples|tests/fixtures/batch)/[A-Za-z0-9/._-]+")));
    CHECK(location["region"]["startLine"] >= 1);
    CHECK(location["region"]["startColumn"] >= 1);
    CHECK(result.contains("partialFingerprints"));
    if (result["level"] == "error" && uri.find("tests/fixtures") == 0) broken.insert(result["ruleId"]);
  }
  CHECK(broken == std::set<std::string>{"unknown-key", "yaml-syntax", "check-runs-on-infeasible"});
  CHECK(run0["invocations"][0]["exitCode"] == 2);
  CHECK(run0["invocations"][0]["executionSuccessful"] == false);
}

TEST_CASE("formats: sarif fingerprints survive reformatting the workload file", "[e2e][formats]") {
  Scratch scratch;
  const std::string compact =
      "name: etl\nkind: job\nruns_on: lambda\nexecution: {duration: 3h}\nlatency: {cold_start_sensitive: true}\n";
  const std::string reformatted =
      "# nightly load\n\nname: etl\nkind: job\n\nruns_on: lambda   # as today\nexecution:\n  duration: 3h\n"
      "latency:\n  cold_start_sensitive: true\n";
  auto fingerprints = [&](const std::string& text, std::vector<int>& lines) {
    write_text((scratch.dir / "etl.yaml").string(), text);
    const auto run =
        run_tool({"check", (scratch.dir / "etl.yaml").string(), "--path-base", scratch.dir.string(), "-f", "sarif"});
    const json doc = json::parse(run.out);
    CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "etl.yaml");
    return fingerprints_and_lines(doc, lines);
  };
  std::vector<int> before_lines, after_lines;
  const auto before = fingerprints(compact, before_lines);
  const auto after = fingerprints(reformatted, after_lines);
  REQUIRE(before.size() >= 2);
  CHECK(before == after);
  CHECK(before_lines != after_lines);
}

TEST_CASE("formats: junit names every broken file with an <error> and keeps names unique", "[e2e][formats]") {
  const auto run = run_tool({"check", "examples", k_batch, "-f", "junit"});
  const XmlElement root = read_xml(run.out);
  std::map<std::string, const XmlElement*> suites;
  for (const auto* suite : root.all("testsuite")) {
    CHECK(suites.emplace(suite->attribute("name"), suite).second);
    std::set<std::string> names;
    for (const auto* c : suite->all("testcase")) CHECK(names.insert(c->attribute("name")).second);
  }
  std::size_t examples = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() + "/examples"))
    examples += entry.path().extension() == ".yaml" ? 1 : 0;
  CHECK(suites.size() == examples + 4);  // every example, and the batch's files that are workloads or broken
  for (const std::string broken : {"broken-typo.yaml", "nested/not-yaml.yml"}) {
    const auto* suite = suites.at(std::string(k_batch).append("/").append(broken));
    REQUIRE(suite->all("testcase").size() == 1);
    CHECK(suite->all("testcase")[0]->first("error") != nullptr);
  }
  CHECK(root.attribute("errors") == "2");
}

TEST_CASE("formats: github annotations name every broken file at its line", "[e2e][formats]") {
  const auto run = run_tool({"check", k_batch, "-f", "github"});
  const auto lines = lines_of(run.out);
  CHECK(std::count(lines.begin(), lines.end(),
                   "::error file=tests/fixtures/batch/nested/not-yaml.yml,line=3,col=6,title=yaml-syntax::not valid "
                   "YAML: mapping values are not allowed in this context") == 1);
  bool typo = false;
  for (const auto& line : lines)
    typo = typo ||
           line.rfind("::error file=tests/fixtures/batch/broken-typo.yaml,line=5,col=3,title=unknown-key::", 0) == 0;
  CHECK(typo);
  CHECK(lines.back().rfind("::notice title=caas-advisor summary::", 0) == 0);
}

TEST_CASE("formats: markdown lists broken files and stays within GitHub's comment limit", "[e2e][formats]") {
  const auto run = run_tool({"check", "examples", k_batch, "-f", "markdown"});
  CHECK(run.out.size() <= 65'536);
  CHECK(run.out.find("- ❌ error `tests/fixtures/batch/broken-typo.yaml:5:3`: unknown key") != std::string::npos);
  CHECK(run.out.find("- ❌ error `tests/fixtures/batch/nested/not-yaml.yml:3:6`: not valid YAML") != std::string::npos);
  CHECK(run.out.find("| nightly-etl | AWS Fargate | `lambda` |") != std::string::npos);
}

// Generated docs cannot go stale: docs/rules.md is the output of `rules list -f markdown`.
#include <catch2/catch.hpp>

#include "support/run_tool.hpp"

using namespace caas::test;

TEST_CASE("docs: docs/rules.md is what `rules list -f markdown` prints", "[docs][e2e]") {
  const auto run = run_tool({"rules", "list", "-f", "markdown"});
  REQUIRE(run.exit_code == 0);
  CHECK(compare_golden(source_dir() + "/docs/rules.md", run.out).empty());
}

TEST_CASE("docs: CHANGELOG.md's newest release is the version --version names", "[docs][e2e]") {
  const auto changelog = read_text(source_dir() + "/CHANGELOG.md");
  const auto heading = changelog.find("\n## [", changelog.find("## [Unreleased]") + 1);
  REQUIRE(heading != std::string::npos);
  const auto release = changelog.substr(heading + 5, changelog.find(']', heading) - heading - 5);
  const auto run = run_tool({"--version"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.rfind("caas-advisor " + release + " (", 0) == 0);
}

// Generated docs cannot go stale: docs/rules.md is the output of `rules list -f markdown`.
#include <catch2/catch.hpp>

#include "support/run_tool.hpp"

using namespace caas::test;

TEST_CASE("docs: docs/rules.md is what `rules list -f markdown` prints", "[docs][e2e]") {
  const auto run = run_tool({"rules", "list", "-f", "markdown"});
  REQUIRE(run.exit_code == 0);
  CHECK(compare_golden(source_dir() + "/docs/rules.md", run.out).empty());
}

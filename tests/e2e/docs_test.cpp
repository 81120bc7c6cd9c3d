// Generated docs cannot go stale: docs/rules.md is the output of `rules list -f markdown`, and docs/diagnostics.md
// lists the registry of codes.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "caas/util/codes.hpp"
#include "caas/util/diagnostic.hpp"

#include "support/run_tool.hpp"

using namespace caas::test;

TEST_CASE("docs: docs/rules.md is what `rules list -f markdown` prints", "[docs][e2e]") {
  const auto run = run_tool({"rules", "list", "-f", "markdown"});
  REQUIRE(run.exit_code == 0);
  CHECK(compare_golden(source_dir() + "/docs/rules.md", run.out).empty());
}

namespace {

// docs/diagnostics.md's table of codes, as the registry gives it.
std::string codes_table() {
  std::string out = "| code | severity | summary | what to do | documented in |\n|---|---|---|---|---|\n";
  for (const auto& row : caas::util::k_codes) {
    const std::string doc(row.doc);
    const auto page = doc.substr(doc.rfind('/') + 1);
    out.append("| `").append(row.id).append("` | ").append(caas::util::to_string(row.severity)).append(" | ");
    out.append(row.summary).append(" | ").append(row.help).append(" | [").append(page).append("](").append(page);
    out.append(") |\n");
  }
  return out;
}

constexpr std::string_view k_codes_start = "<!-- codes: generated";
constexpr std::string_view k_codes_end = "<!-- end of codes -->";

// Every file under src/ and include/, as one text, for finding where a code is used.
std::string all_sources() {
  std::string text;
  for (const auto* folder : {"/src", "/include"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() + folder)) {
      const auto path = entry.path().string();
      if (entry.is_regular_file() && path.find("codes.hpp") == std::string::npos &&
          path.find("_test.cpp") == std::string::npos)
        text += read_text(path);
    }
  return text;
}

}  // namespace

TEST_CASE("docs: docs/diagnostics.md lists every registered code, as the registry says it", "[docs][codes]") {
  const auto path = source_dir() + "/docs/diagnostics.md";
  auto text = read_text(path);
  const auto start = text.find(k_codes_start);
  const auto end = text.find(k_codes_end);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  const auto body_start = text.find('\n', start) + 1;
  const auto table = codes_table();
  const char* update = std::getenv("CAAS_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    text.replace(body_start, end - body_start, table);
    write_text(path, text);
  }
  CHECK(text.substr(body_start, end - body_start) == table);
}

TEST_CASE("docs: every registered code is documented on its page and emitted somewhere in the code", "[docs][codes]") {
  const auto sources = all_sources();
  for (const auto& row : caas::util::k_codes) {
    INFO(row.id);
    const auto page = read_text(source_dir() + "/" + std::string(row.doc));
    CHECK(page.find("`" + std::string(row.id) + "`") != std::string::npos);
    // A row no reader uses is a code nobody can meet: remove it, or it rots in the docs.
    CHECK(sources.find("\"" + std::string(row.id) + "\"") != std::string::npos);
  }
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

// GitHub workflow-command annotations: the grammar GitHub parses, its escaping, and the closing summary.
#include <catch2/catch.hpp>

#include <regex>

#include "render_fixtures.hpp"

using namespace caas;
using namespace caas::report::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  CHECK(start == text.size());  // every line ends with a newline
  return lines;
}

// `::command prop=value,prop=value::message`: property values hold no raw ',' ':' CR or LF, messages no CR or LF,
// and every '%' starts one of GitHub's escapes.
const std::regex k_command(
    "::(error|warning|notice)( (file|line|col|endLine|endColumn|title)=[^,:\\r\\n]*"
    "(,(file|line|col|endLine|endColumn|title)=[^,:\\r\\n]*)*)?::[^\\r\\n]*");
const std::regex k_stray_percent("%(?!25|0D|0A|3A|2C)");

model::Recommendation with_findings(std::vector<model::Finding> findings) {
  auto r = thumbnailer();
  r.findings = std::move(findings);
  return r;
}

}  // namespace

TEST_CASE("github: one annotation per finding and per error, then a summary notice", "[report][github]") {
  const auto out = render_batch("github");
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 3);
  CHECK(
      lines[0] ==
      "::notice file=services/thumbnailer.yaml,line=1,col=1,title=runs-on-missing (thumbnailer)::no runs_on to judge");
  CHECK(lines[1] ==
        "::error file=services/broken.yaml,line=4,col=3,title=unknown-key::unknown key 'memroy' in "
        "resources; did you mean 'memory'?");
  CHECK(lines[2] ==
        "::notice title=caas-advisor summary::caas-advisor: 4 files, 3 workloads; findings: 0 errors, 0 "
        "warnings, 1 note; 1 error in inputs that could not be evaluated; exit code 2.");
  for (const auto& line : lines) {
    CHECK(std::regex_match(line, k_command));
    CHECK_FALSE(std::regex_search(line, k_stray_percent));
  }
}

TEST_CASE("github: severities map to error, warning and notice", "[report][github]") {
  const auto out = render("github",
                          {with_findings({{util::Severity::error, "a", "m", "f.yaml", 2, 3, "x"},
                                          {util::Severity::warning, "b", "m", "f.yaml", 4, 5, "y"},
                                          {util::Severity::info, "c", "m", "f.yaml", 6, 7, "z"}})},
                          {}, batch_summary());
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].rfind("::error file=f.yaml,line=2,col=3,", 0) == 0);
  CHECK(lines[1].rfind("::warning file=f.yaml,line=4,col=5,", 0) == 0);
  CHECK(lines[2].rfind("::notice file=f.yaml,line=6,col=7,", 0) == 0);
  CHECK(lines[3].find("findings: 1 error, 1 warning, 1 note") != std::string::npos);
}

TEST_CASE("github: messages and properties are escaped as GitHub's toolkit does", "[report][github]") {
  const auto out = render(
      "github",
      {with_findings({{util::Severity::warning, "rule", "50% of\r\nrequests \x1b[2J", "a,b:c%.yaml", 3, 1, "x"}})}, {},
      batch_summary());
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 2);
  // Control characters from the input become visible first; the tool's own text is percent-encoded.
  CHECK(lines[0] ==
        "::warning file=a%2Cb%3Ac%25.yaml,line=3,col=1,title=rule (thumbnailer)::50%25 of\\x0d\\x0arequests "
        "\\x1b[2J");
  for (const auto& line : lines) {
    CHECK(std::regex_match(line, k_command));
    CHECK_FALSE(std::regex_search(line, k_stray_percent));
  }
}

TEST_CASE("github: an error without a line names only the file", "[report][github]") {
  util::Diagnostic missing;
  missing.code = "unreadable-path";
  missing.message = "no such file or directory";
  missing.where.file = "services/gone.yaml";
  const auto lines = lines_of(render("github", {}, {missing}, batch_summary()));
  CHECK(lines[0] == "::error file=services/gone.yaml,title=unreadable-path::no such file or directory");
}

TEST_CASE("github: past GitHub's ten annotations of a kind, the summary says where the rest are", "[report][github]") {
  std::vector<model::Finding> findings;
  for (int i = 1; i <= 11; ++i) findings.push_back({util::Severity::error, "r", "m", "f.yaml", i, 1, "x"});
  const auto few = lines_of(render("github", {with_findings({findings.begin(), findings.end() - 1})}, {}, {}));
  CHECK(few.back().find("only the first 10") == std::string::npos);
  const auto many = lines_of(render("github", {with_findings(findings)}, {}, {}));
  REQUIRE(many.size() == 12);
  CHECK(many.back().find("findings: 11 errors") != std::string::npos);
  CHECK(many.back().find("GitHub shows only the first 10 annotations of each kind in a step") != std::string::npos);
}

// -f html from the real binary: the examples' page as a golden file, determinism, escaping of hostile names and
// descriptions, and what a batch with broken files shows first. The page in a browser: tests/browser/run.sh.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "support/run_tool.hpp"

using namespace caas::test;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("caas-html-" + std::to_string(getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
};

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

std::string workload(const std::string& name, const std::string& description) {
  return "apiVersion: caas-advisor/v1\nname: " + name + "\ndescription: " + description +
         "\nkind: function\ntriggers: [s3]\nexecution: {duration: 2s}\ntraffic: {requests_per_month: 3M}\n";
}

}  // namespace

TEST_CASE("html: check over the examples matches the golden page", "[e2e][html]") {
  const auto run = run_tool({"check", "examples", "-f", "html"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(compare_golden(source_dir() + "/tests/golden/examples.html", run.out).empty());
}

TEST_CASE("html: the page is byte-identical at -j 1 and -j 2", "[e2e][html]") {
  const auto one = run_tool({"check", "examples", "tests/fixtures/batch", "-f", "html", "-j", "1"});
  const auto two = run_tool({"check", "examples", "tests/fixtures/batch", "-f", "html", "-j", "2"});
  CHECK(one.exit_code == 2);
  CHECK(one.out == two.out);
}

TEST_CASE("html: the page loads nothing and runs only its own script", "[e2e][html]") {
  const auto run = run_tool({"recommend", "examples", "-f", "html"});
  const std::string& page = run.out;
  CHECK(page.starts_with("<!DOCTYPE html>"));
  // Two scripts (one in the head, one at the end) and no other.
  CHECK(count(page, "<script") == 2);
  CHECK(count(page, "<style") == 1);
  for (const std::string loader : {"<link", "<img", "<iframe", "src=", "url(", "@import", "http-equiv=\"refresh"})
    CHECK(count(page, loader) == 0);
  // The Content-Security-Policy allows nothing from anywhere, and of inline code only the page's script and style
  // by their hashes.
  std::smatch policy;
  REQUIRE(std::regex_search(page, policy, std::regex("Content-Security-Policy\" content=\"([^\"]*)\"")));
  CHECK(policy[1].str().starts_with("default-src 'none'; style-src 'sha256-"));
  CHECK(policy[1].str().find("unsafe") == std::string::npos);
}

TEST_CASE("html: file names, descriptions and messages from the input are text, never markup", "[e2e][html]") {
  Scratch scratch;
  write_text((scratch.dir / "<img src=x onerror=alert(1)>.yaml").string(),
             workload("hostile", "\"</script><script>alert('pwned')</script> & <b>bold</b> \\e[31m\""));
  write_text((scratch.dir / "<script>alert(2)<!--.yaml").string(), "name: broken\nkind: [\n");
  const auto run = run_tool({"recommend", scratch.dir.string(), "-f", "html"});
  const std::string& page = run.out;
  CHECK(run.exit_code == 2);  // the broken file
  CHECK(count(page, "<script") == 2);
  CHECK(count(page, "<img") == 0);
  CHECK(count(page, "<b>") == 0);
  CHECK(count(page, "<!--") == 0);
  CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;.yaml") != std::string::npos);
  CHECK(page.find("&lt;/script&gt;&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;") !=
        std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(2)&lt;!--.yaml") != std::string::npos);
  // A control character is shown, not sent to the browser.
  CHECK(page.find("\\x1b[31m") != std::string::npos);
  CHECK(page.find('\x1b') == std::string::npos);
}

TEST_CASE("html: a batch with broken files names them first in the overview", "[e2e][html]") {
  const auto run = run_tool({"check", "examples", "tests/fixtures/batch", "-f", "html"});
  const std::string& page = run.out;
  const auto overview = page.find("<section id=\"overview\"");
  REQUIRE(overview != std::string::npos);
  const auto errors = page.find("could not be evaluated</h3>", overview);
  const auto by_target = page.find("Workloads by recommended target", overview);
  CHECK(errors != std::string::npos);
  CHECK(errors < by_target);
  CHECK(page.find("tests/fixtures/batch/broken-typo.yaml:5:3</code> unknown key", overview) != std::string::npos);
  // The script puts the overview and the table before the workloads; without it, the CSS does.
  CHECK(page.find("#overview { order: 1; } #portfolio { order: 2; } #details { order: 3; }") != std::string::npos);
}

TEST_CASE("html: a workload without traffic gets no chart, and the page says why", "[e2e][html]") {
  Scratch scratch;
  write_text((scratch.dir / "quiet.yaml").string(),
             "apiVersion: caas-advisor/v1\nname: quiet\nkind: function\ntriggers: [s3]\nexecution: {duration: 2s}\n");
  const auto run = run_tool({"recommend", (scratch.dir / "quiet.yaml").string(), "-f", "html"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("<svg class=\"chart\"") == std::string::npos);
  CHECK(run.out.find("No chart: the workload gives no traffic.requests_per_month to scale.") != std::string::npos);
}

TEST_CASE("html: -f html=PATH writes the page beside another format from one evaluation", "[e2e][html]") {
  Scratch scratch;
  const auto path = (scratch.dir / "report.html").string();
  const auto run = run_tool({"recommend", "examples", "-f", "html=" + path, "-f", "json"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.starts_with("{"));
  CHECK(read_text(path) == run_tool({"recommend", "examples", "-f", "html"}).out);
}

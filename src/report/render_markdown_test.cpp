// The markdown report: a portfolio table, errors and details, always within GitHub's comment limit.
#include <catch2/catch.hpp>

#include <sstream>

#include "caas/util/text.hpp"
#include "render_fixtures.hpp"

using namespace caas;
using namespace caas::report::test;

namespace {

constexpr std::size_t k_github_limit = 65'536;

std::size_t count_of(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::vector<model::Recommendation> services(int count) {
  std::vector<model::Recommendation> out;
  for (int i = 0; i < count; ++i) {
    auto r = i % 2 == 0 ? thumbnailer() : nightly_report();
    r.name = "service-" + std::to_string(i);
    r.file = "services/service-" + std::to_string(i) + ".yaml";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TEST_CASE("markdown: a portfolio row per service with recommendation, runs on, cost and status", "[report][markdown]") {
  auto judged = nightly_report();
  judged.runs_on = "lambda";
  judged.findings = {{util::Severity::error, "check-runs-on-infeasible", "no", judged.file, 3, 1, "runs_on"}};
  auto warned = thumbnailer();
  warned.findings.push_back({util::Severity::warning, "contradiction-package-size", "w", warned.file, 2, 1, "x"});
  const auto md = render("markdown", {thumbnailer(), judged, warned, gpu_trainer()}, {}, batch_summary());
  CHECK(md.find("| service | recommendation | runs on | monthly cost | status |\n|---|---|---|--:|---|\n") !=
        std::string::npos);
  CHECK(md.find("| thumbnailer | AWS Lambda | — | \\$27.07 | ✅ ok |\n") != std::string::npos);
  CHECK(md.find("| nightly-report | AWS Fargate | `lambda` | \\$12.35 | ❌ error |\n") != std::string::npos);
  CHECK(md.find("| thumbnailer | AWS Lambda | — | \\$27.07 | ⚠️ warning |\n") != std::string::npos);
  CHECK(md.find("| gpu-trainer | **no target fits** | — | — | ✅ ok |\n") != std::string::npos);
  CHECK(
      md.find("\n\n3 workloads in 4 files: AWS Lambda 1, AWS Fargate 1, Amazon EC2 0, no target fits 1; 1 input could "
              "not be evaluated.\n") != std::string::npos);
}

TEST_CASE("markdown: details per service with ranking, reasons, blockers and findings", "[report][markdown]") {
  const auto md = render_batch("markdown");
  CHECK(count_of(md, "<details>") == 3);
  CHECK(count_of(md, "</details>") == 3);
  CHECK(md.find("<details><summary><b>thumbnailer</b> → AWS Lambda · ✅ ok</summary>") != std::string::npos);
  CHECK(md.find("| 1 | AWS Lambda | yes | 7.00 | low | \\$27.07 |") != std::string::npos);
  CHECK(md.find("| 3 | Amazon EC2 | **no** | — | high | — |") != std::string::npos);
  CHECK(md.find("- ➕ 2.00 event-driven: Lambda runs code in response to events and bills nothing while idle "
                "(`lambda-event-driven`)") != std::string::npos);
  CHECK(md.find("- **Amazon EC2**: team policy: no servers (`policy-no-ec2`, `seed: policy-no-ec2`)") !=
        std::string::npos);
  CHECK(md.find("(`lambda-max-duration`, "
                "[source](https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html))") !=
        std::string::npos);
  CHECK(md.find("- ℹ️ info `runs-on-missing` at line 1 (`runs_on`): no runs\\_on to judge") != std::string::npos);
  CHECK(md.find("left out") == std::string::npos);
}

TEST_CASE("markdown: inputs that could not be evaluated are listed with their location", "[report][markdown]") {
  const auto md = render_batch("markdown");
  CHECK(md.find("### Errors and warnings\n\n- ❌ error `services/broken.yaml:4:3`: unknown key 'memroy' in resources; "
                "did you mean 'memory'? (`unknown-key`)\n") != std::string::npos);
}

TEST_CASE("markdown: text from the input cannot break the table or the markup", "[report][markdown]") {
  auto r = thumbnailer();
  r.findings[0].message = "a | b \x1b[31m $5 *bold* <script>";
  const auto md = render("markdown", {r}, {}, batch_summary());
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("a \\| b \\\\x1b\\[31m \\$5 \\*bold\\* \\<script\\>") != std::string::npos);
}

TEST_CASE("markdown: a few hundred services keep the whole table and lose details from the end", "[report][markdown]") {
  const auto md = render("markdown", services(300), {broken_file_error()}, batch_summary());
  CHECK(md.size() <= k_github_limit);
  for (int i = 0; i < 300; ++i) CHECK(md.find("| service-" + std::to_string(i) + " |") != std::string::npos);
  CHECK(md.find("The table is cut") == std::string::npos);
  CHECK(md.find("### Errors and warnings") != std::string::npos);
  const auto shown = count_of(md, "<details>");
  CHECK(shown > 0);
  CHECK(shown < 300);
  // The kept details are the first services', and the cut line counts the rest.
  CHECK(md.find("<b>service-0</b>") != std::string::npos);
  CHECK(md.find("<b>service-299</b>") == std::string::npos);
  CHECK(md.find("_Details of " + std::to_string(300 - shown) + " services were left out") != std::string::npos);
}

TEST_CASE("markdown: thousands of services stay under GitHub's limit, saying what was cut", "[report][markdown]") {
  const auto md = render("markdown", services(2000), {broken_file_error()}, batch_summary());
  CHECK(md.size() <= k_github_limit);
  CHECK(md.find("<details>") == std::string::npos);
  CHECK(md.find("| service-0 |") != std::string::npos);
  CHECK(md.find("| service-1999 |") == std::string::npos);
  const auto rows = count_of(md, "| service-");
  CHECK(md.find("_The table is cut: " + std::to_string(2000 - rows) + " more services are not shown") !=
        std::string::npos);
  CHECK(md.find("_Details of 2000 services were left out") != std::string::npos);
  CHECK(md.find("- ❌ error `services/broken.yaml:4:3`") != std::string::npos);  // broken files are still named
  CHECK(md.find("<sub>caas-advisor 0.1.0") != std::string::npos);
}

TEST_CASE("markdown: the first line is the marker, the second the verdict and the counts", "[report][markdown]") {
  auto judged = nightly_report();
  judged.findings = {{util::Severity::error, "check-runs-on-infeasible", "no", judged.file, 3, 1, "runs_on"},
                     {util::Severity::warning, "contradiction-package-size", "w", judged.file, 2, 1, "x"},
                     {util::Severity::info, "check-no-runs-on", "i", judged.file, 1, 1, ""}};
  report::RenderOptions options;
  options.command = report::Command::check;
  options.gate = {util::Severity::error, false};
  auto summary = batch_summary();
  summary.exit_code = 2;
  const auto md = render("markdown", {judged}, {broken_file_error()}, summary, options);
  CHECK(md.rfind("<!-- caas-advisor -->\n## caas-advisor check: ❌ failed: inputs that could not be evaluated — "
                 "2 errors, 1 warning, 0 waived, 0 known\n",
                 0) == 0);
  summary.exit_code = 0;
  summary.errors = 0;
  const auto passed = render("markdown", {thumbnailer()}, {}, summary, options);
  CHECK(passed.rfind("<!-- caas-advisor -->\n## caas-advisor check: ✅ passed — 0 errors, 0 warnings, 0 waived, 0 "
                     "known\n",
                     0) == 0);
  CHECK(passed.find("### Errors and warnings") == std::string::npos);
}

TEST_CASE("markdown: every error and warning is listed before the table, infos are not", "[report][markdown]") {
  auto judged = nightly_report();
  judged.findings = {{util::Severity::warning, "contradiction-package-size", "too big", judged.file, 2, 1, "x"},
                     {util::Severity::error, "check-runs-on-infeasible", "cannot run", judged.file, 3, 5, "runs_on"},
                     {util::Severity::info, "check-no-runs-on", "nothing to judge", judged.file, 1, 1, ""}};
  const auto md = render("markdown", {thumbnailer(), judged}, {broken_file_error()}, batch_summary());
  const auto table = md.find("| service |");
  const auto error = md.find(
      "- ❌ error `jobs/nightly.yaml:3:5` **nightly-report**: cannot run "
      "(`check-runs-on-infeasible`)\n");
  const auto warning = md.find(
      "- ⚠️ warning `jobs/nightly.yaml:2:1` **nightly-report**: too big "
      "(`contradiction-package-size`)\n");
  const auto broken = md.find("- ❌ error `services/broken.yaml:4:3`");
  REQUIRE(error != std::string::npos);
  REQUIRE(warning != std::string::npos);
  REQUIRE(broken != std::string::npos);
  CHECK(error < table);
  CHECK(broken < table);
  CHECK(warning < table);
  CHECK(error < warning);  // errors first
  CHECK(md.find("nothing to judge") > table);
}

// The largest portfolio the limit is promised for: every error still before the table, the warnings as many as fit
// and counted, the whole under GitHub's limit in characters (and so in bytes).
TEST_CASE("markdown: 100,000 workloads stay under 65,536 characters with every error listed", "[report][markdown]") {
  constexpr int k_workloads = 100'000;
  report::RenderOptions options;
  options.command = report::Command::check;
  options.gate = {util::Severity::error, false};
  std::ostringstream out;
  auto renderer = report::find_format("markdown")->make(out, options);
  renderer->begin(tool());
  auto summary = batch_summary();
  summary.files = k_workloads;
  summary.workloads = k_workloads;
  summary.errors = 0;
  summary.exit_code = 1;
  auto r = thumbnailer();
  for (int i = 0; i < k_workloads; ++i) {
    r.name = "service-" + std::to_string(i);
    r.file = "services/service-" + std::to_string(i) + ".yaml";
    r.findings = {{util::Severity::warning, "check-runs-on-not-recommended", "runs_on ec2: AWS Lambda is recommended",
                   r.file, 4, 10, "runs_on"}};
    if (i % 10'000 == 0)
      r.findings.push_back({util::Severity::error, "check-runs-on-infeasible", "runs_on lambda cannot run it", r.file,
                            4, 10, "runs_on"});
    for (const auto& f : r.findings) report::count_finding(summary.findings, f, options.gate);
    renderer->result(r);
  }
  renderer->finish(summary);
  const std::string md = out.str();
  CHECK(util::display_width(md) < k_github_limit);
  CHECK(md.size() < k_github_limit);
  CHECK(md.rfind("<!-- caas-advisor -->\n## caas-advisor check: ❌ failed — 10 errors, 100000 warnings, 0 waived, 0 "
                 "known\n",
                 0) == 0);
  const auto table = md.find("| service |");
  REQUIRE(table != std::string::npos);
  for (int i = 0; i < k_workloads; i += 10'000)
    CHECK(md.find("**service-" + std::to_string(i) + "**: runs\\_on lambda cannot run it") < table);
  const auto warnings = count_of(md, "- ⚠️ warning");
  CHECK(warnings > 0);
  CHECK(md.find("- _" + std::to_string(k_workloads - warnings) + " more warnings are not shown") < table);
}

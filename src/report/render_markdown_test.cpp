// The markdown report: a portfolio table, errors and details, always within GitHub's comment limit.
#include <catch2/catch.hpp>

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
  CHECK(md.rfind("## caas-advisor\n\n3 workloads in 4 files: AWS Lambda 1, AWS Fargate 1, Amazon EC2 0, no target fits "
                 "1; **1 error** "
                 "in inputs that could not be evaluated.\n",
                 0) == 0);
}

TEST_CASE("markdown: details per service with ranking, reasons, blockers and findings", "[report][markdown]") {
  const auto md = render_batch("markdown");
  CHECK(count_of(md, "<details>") == 3);
  CHECK(count_of(md, "</details>") == 3);
  CHECK(md.find("<details><summary><b>thumbnailer</b> → AWS Lambda · ✅ ok</summary>") != std::string::npos);
  CHECK(md.find("| 1 | AWS Lambda | yes | 7.00 | 1 | \\$27.07 |") != std::string::npos);
  CHECK(md.find("| 3 | Amazon EC2 | **no** | — | 3 | — |") != std::string::npos);
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
  CHECK(md.find("### Could not be evaluated\n\n- `services/broken.yaml:4:3`: unknown key 'memroy' in resources; did "
                "you mean 'memory'? (`unknown-key`)\n") != std::string::npos);
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
  CHECK(md.find("### Could not be evaluated") != std::string::npos);
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
  CHECK(md.find("- `services/broken.yaml:4:3`") != std::string::npos);  // broken files are still named
  CHECK(md.find("<sub>caas-advisor 0.1.0") != std::string::npos);
}

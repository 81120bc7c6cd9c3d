// The JUnit report: well-formed XML that GitLab and Jenkins read, one suite per file, stable unique case names.
#include <catch2/catch.hpp>

#include <set>

#include "render_fixtures.hpp"
#include "xml_check.hpp"

using namespace caas;
using namespace caas::report::test;

namespace {

report::RenderOptions check_options() {
  report::RenderOptions options;
  options.command = report::Command::check;
  options.gate = {util::Severity::error, false};  // check's default --fail-on
  return options;
}

// A workload that names Lambda, which its runtime rules out, with a note rule that fires on two fields and a
// message carrying a terminal escape sequence.
model::Recommendation judged_job() {
  auto r = nightly_report();
  r.runs_on = "lambda";
  r.findings = {
      {util::Severity::error, "check-runs-on-infeasible", "runs_on lambda: AWS Lambda cannot run this workload", r.file,
       3, 10, "runs_on"},
      {util::Severity::warning, "contradiction-job-requests", "a job has 'traffic.peak_rps' \x1b[31m<&>\"", r.file, 8,
       3, "traffic.peak_rps"},
      {util::Severity::info, "lambda-cold-start", "must not pay cold starts", r.file, 9, 3, "latency.p99"},
      {util::Severity::info, "lambda-cold-start", "must not pay cold starts", r.file, 10, 3,
       "latency.cold_start_sensitive"},
  };
  return r;
}

std::vector<const XmlElement*> cases_of(const XmlElement& suite) { return suite.all("testcase"); }

}  // namespace

TEST_CASE("junit: the document is well-formed XML with a testsuites root and one suite per file", "[report][junit]") {
  const auto xml = render("junit", {thumbnailer(), judged_job(), gpu_trainer()}, {broken_file_error()}, batch_summary(),
                          check_options());
  const XmlElement root = read_xml(xml);
  CHECK(root.name == "testsuites");
  const auto suites = root.all("testsuite");
  REQUIRE(suites.size() == 4);
  CHECK(suites[0]->attribute("name") == "services/thumbnailer.yaml");
  CHECK(suites[1]->attribute("name") == "jobs/nightly.yaml");
  CHECK(suites[2]->attribute("name") == "ml/trainer.yaml");
  CHECK(suites[3]->attribute("name") == "services/broken.yaml");
  int tests = 0, failures = 0, errors = 0;
  for (const auto* suite : suites) {
    const auto cases = cases_of(*suite);
    int suite_failures = 0, suite_errors = 0;
    for (const auto* c : cases) {
      suite_failures += static_cast<int>(c->all("failure").size());
      suite_errors += static_cast<int>(c->all("error").size());
    }
    CHECK(suite->attribute("tests") == std::to_string(cases.size()));
    CHECK(suite->attribute("failures") == std::to_string(suite_failures));
    CHECK(suite->attribute("errors") == std::to_string(suite_errors));
    tests += static_cast<int>(cases.size());
    failures += suite_failures;
    errors += suite_errors;
  }
  CHECK(root.attribute("tests") == std::to_string(tests));
  CHECK(root.attribute("failures") == std::to_string(failures));
  CHECK(root.attribute("errors") == std::to_string(errors));
  CHECK(failures == 1);  // the infeasible runs_on (the contradiction is a warning: --fail-on error passes it)
  CHECK(errors == 1);    // the broken file
}

TEST_CASE("junit: every workload has a passing parse case that says which targets fit", "[report][junit]") {
  const XmlElement root = read_xml(render("junit", {thumbnailer()}, {}, batch_summary(), check_options()));
  const auto cases = cases_of(*root.first("testsuite"));
  std::vector<std::string> names;
  for (const auto* c : cases) {
    names.push_back(c->attribute("name"));
    CHECK(c->attribute("classname") == "thumbnailer");
    CHECK(c->all("failure").empty());
    CHECK(c->all("error").empty());
  }
  CHECK(names == std::vector<std::string>{"parse", "runs-on-missing", "check runs_on"});
  // Feasibility is advice, not a check: the parse case names the targets that fit and the rules that rule the
  // others out.
  CHECK(cases[0]->first("system-out")->text == "feasible: fargate, lambda; ruled out: ec2 (policy-no-ec2)");
}

TEST_CASE("junit: case names are unique in a suite and never hold message text", "[report][junit]") {
  const XmlElement root = read_xml(render("junit", {judged_job()}, {}, batch_summary(), check_options()));
  const auto cases = cases_of(*root.first("testsuite"));
  std::set<std::string> names;
  for (const auto* c : cases) {
    const auto name = c->attribute("name");
    CHECK(names.insert(name).second);
    CHECK(name.find("cannot run") == std::string::npos);
    CHECK(name.find("cold starts") == std::string::npos);
  }
  // A rule that fires twice is told apart by the field it read.
  CHECK(names.count("lambda-cold-start") == 1);
  CHECK(names.count("lambda-cold-start (latency.cold_start_sensitive)") == 1);
  CHECK(names.count("check runs_on") == 1);
}

namespace {

report::RenderOptions check_failing_on(util::Severity severity) {
  auto options = check_options();
  options.gate = {severity, false};
  return options;
}

std::map<std::string, const XmlElement*> cases_by_name(const XmlElement& root) {
  std::map<std::string, const XmlElement*> by_name;
  for (const auto* c : cases_of(*root.first("testsuite"))) by_name[c->attribute("name")] = c;
  return by_name;
}

}  // namespace

TEST_CASE("junit: with --fail-on error only errors fail; warnings and infos pass and say what they noted",
          "[report][junit]") {
  const XmlElement root =
      read_xml(render("junit", {judged_job()}, {}, batch_summary(), check_failing_on(util::Severity::error)));
  const auto by_name = cases_by_name(root);
  const auto* check = by_name.at("check runs_on")->first("failure");
  REQUIRE(check != nullptr);
  CHECK(check->attribute("type") == "check-runs-on-infeasible");
  CHECK(check->attribute("message") == "runs_on lambda: AWS Lambda cannot run this workload");
  CHECK(check->text == "error at line 3:10 (runs_on): runs_on lambda: AWS Lambda cannot run this workload");
  CHECK(by_name.at("contradiction-job-requests")->first("failure") == nullptr);
  REQUIRE(by_name.at("contradiction-job-requests")->first("system-out") != nullptr);
  CHECK(by_name.at("contradiction-job-requests")->first("system-out")->text.rfind("warning at ", 0) == 0);
  CHECK(by_name.at("lambda-cold-start")->first("failure") == nullptr);
  CHECK(by_name.at("lambda-cold-start")->first("system-out") == nullptr);  // a note: named, its words elsewhere
  CHECK(root.attribute("failures") == "1");
}

TEST_CASE("junit: --fail-on warning makes warnings failures, --fail-on info infos too, none nothing",
          "[report][junit]") {
  const XmlElement on_warning =
      read_xml(render("junit", {judged_job()}, {}, batch_summary(), check_failing_on(util::Severity::warning)));
  CHECK(cases_by_name(on_warning).at("contradiction-job-requests")->first("failure") != nullptr);
  CHECK(cases_by_name(on_warning).at("lambda-cold-start")->first("failure") == nullptr);
  CHECK(on_warning.attribute("failures") == "2");
  const XmlElement on_info =
      read_xml(render("junit", {judged_job()}, {}, batch_summary(), check_failing_on(util::Severity::info)));
  CHECK(cases_by_name(on_info).at("lambda-cold-start")->first("failure") != nullptr);
  CHECK(on_info.attribute("failures") == "4");
  auto never = check_options();
  never.gate = {util::Severity::info, true};
  const XmlElement none = read_xml(render("junit", {judged_job()}, {}, batch_summary(), never));
  CHECK(none.attribute("failures") == "0");
  CHECK(cases_by_name(none).at("check runs_on")->first("system-out") != nullptr);
}

TEST_CASE("junit: control characters are written visibly and markup is escaped", "[report][junit]") {
  const auto xml = render("junit", {judged_job()}, {}, batch_summary(), check_failing_on(util::Severity::warning));
  CHECK(xml.find('\x1b') == std::string::npos);
  const XmlElement root = read_xml(xml);
  for (const auto* c : cases_of(*root.first("testsuite")))
    if (c->attribute("name") == "contradiction-job-requests")
      CHECK(c->first("failure")->attribute("message") == "a job has 'traffic.peak_rps' \\x1b[31m<&>\"");
}

TEST_CASE("junit: a broken file is a suite with an <error> case per problem", "[report][junit]") {
  auto second = broken_file_error();
  second.where.line = 9;
  const XmlElement root = read_xml(render("junit", {}, {broken_file_error(), second}, batch_summary()));
  const auto cases = cases_of(*root.first("testsuite"));
  REQUIRE(cases.size() == 2);
  CHECK(cases[0]->attribute("name") == "parse: unknown-key");
  CHECK(cases[1]->attribute("name") == "parse: unknown-key #2");
  const auto* error = cases[0]->first("error");
  REQUIRE(error != nullptr);
  CHECK(error->attribute("type") == "unknown-key");
  CHECK(error->attribute("message") == "unknown key 'memroy' in resources; did you mean 'memory'?");
  CHECK(error->text == "services/broken.yaml:4:3: unknown key 'memroy' in resources; did you mean 'memory'?");
}

TEST_CASE("junit: recommend has no runs_on check case", "[report][junit]") {
  const XmlElement root = read_xml(render("junit", {nightly_report()}, {}, batch_summary()));
  for (const auto* c : cases_of(*root.first("testsuite"))) CHECK(c->attribute("name") != "check runs_on");
}

// GitLab refuses a JUnit file over 30 MB. 30,000 workloads judged by check, each failing on a runs_on that is not
// the recommendation (with the engine's own words) and with a note, in files two folders deep, stay under it, and
// the root still carries the totals.
TEST_CASE("junit: 30,000 workloads stay under 30 MB with the totals on the root", "[report][junit]") {
  constexpr int k_workloads = 30'000;
  std::vector<model::Recommendation> many;
  many.reserve(k_workloads);
  for (int i = 0; i < k_workloads; ++i) {
    auto r = thumbnailer();
    r.file = "services/team-" + std::to_string(i % 40) + "/service-" + std::to_string(i) + "/workload.yaml";
    r.name = "service-" + std::to_string(i);
    r.runs_on = "fargate";
    r.findings = {{util::Severity::warning, "check-runs-on-not-recommended",
                   "runs_on fargate: AWS Lambda is recommended instead (score 9.24 against 3.50, 5.74 points ahead); "
                   "it would cost $18.53 a month more",
                   r.file, 7, 10, "runs_on"},
                  {util::Severity::info, "lambda-package-size",
                   "a deployment package over 50 MB zipped is uploaded through S3; over 250 MB unzipped it must be a "
                   "container image",
                   r.file, 12, 3, "artifact.size"}};
    many.push_back(std::move(r));
  }
  const auto xml = render("junit", many, {}, batch_summary(), check_failing_on(util::Severity::warning));
  CHECK(xml.size() < std::size_t{30} * 1024 * 1024);
  const XmlElement root = read_xml(xml);
  CHECK(root.all("testsuite").size() == k_workloads);
  CHECK(root.attribute("failures") == std::to_string(k_workloads));
  CHECK(root.attribute("errors") == "0");
  CHECK(!root.attribute("tests").empty());
}

TEST_CASE("xml check: rejects what is not well-formed", "[report][junit]") {
  CHECK_THROWS(read_xml("<a><b></a></b>"));
  CHECK_THROWS(read_xml("<a x='1'/>"));
  CHECK_THROWS(read_xml("<a x=\"<\"/>"));
  CHECK_THROWS(read_xml("<a>&nbsp;</a>"));
  CHECK_THROWS(read_xml("<a>\x1b</a>"));
  CHECK_THROWS(read_xml("<a/><b/>"));
  CHECK(read_xml("<a x=\"&amp;\">t<b/></a>").attribute("x") == "&");
}

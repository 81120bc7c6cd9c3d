// The text report: for a person at a terminal.
#include <catch2/catch.hpp>

#include "render_fixtures.hpp"
#include "text_layout.hpp"

using namespace caas::report;
using namespace caas::report::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

RenderOptions colored() {
  RenderOptions options;
  options.color = true;
  return options;
}

}  // namespace

TEST_CASE("text report: the recommendation is the first line, with the file on the right", "[report][text]") {
  const auto lines = lines_of(render("text", {thumbnailer()}, {}, {}));
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0].rfind("thumbnailer → AWS Lambda ", 0) == 0);
  CHECK(lines[0].size() > 60);
  CHECK(lines[0].substr(lines[0].size() - 25) == "services/thumbnailer.yaml");
  CHECK(display_width(lines[0]) == 100);
}

TEST_CASE("text report: a workload that nothing fits says so in bold red", "[report][text]") {
  const std::string plain = render("text", {gpu_trainer()}, {}, {});
  CHECK(plain.rfind("gpu-trainer → no target fits", 0) == 0);
  const std::string color = render("text", {gpu_trainer()}, {}, {}, colored());
  CHECK(contains(color, "\x1b[1;31mno target fits\x1b[0m"));
}

TEST_CASE("text report: the table gives rank, fit, score, ops burden and cost per month", "[report][text]") {
  const std::string text = render("text", {thumbnailer()}, {}, {});
  CHECK(contains(text, "  #  target       fits  score  ops burden  per month\n"));
  CHECK(contains(text, "  1  AWS Lambda   yes    7.00  low            $27.07\n"));
  CHECK(contains(text, "  2  AWS Fargate  yes    3.50  medium          $8.54\n"));
  CHECK(contains(text, "  3  Amazon EC2   no        —  high                —\n"));
}

TEST_CASE("text report: reasons per target with rule ids and signed weights on the right", "[report][text]") {
  const std::string text = render("text", {thumbnailer()}, {}, {});
  CHECK(contains(text, "\nWhy AWS Lambda\n  + event-driven"));
  const auto lines = lines_of(text);
  auto line_with = [&](std::string_view part) {
    for (const auto& line : lines) {
      if (contains(line, part)) return line;
    }
    return std::string();
  };
  const std::string prefer = line_with("lambda-event-driven");
  CHECK(prefer.substr(prefer.size() - 2) == "+2");
  CHECK(display_width(prefer) == 100);
  const std::string avoid = line_with("fargate-idle");
  CHECK(avoid.substr(avoid.size() - 6) == "−1.5");  // U+2212 is three bytes
  CHECK(display_width(avoid) == 100);
  // The engine's cost reason comes after the rules, marked ~; without one, the renderer states the cost itself.
  const std::string engine_cost = line_with("3.17×");
  CHECK(engine_cost.rfind("  ~ $27.07 a month, 3.17× the cost of AWS Fargate ($8.54)", 0) == 0);
  CHECK(engine_cost.substr(engine_cost.size() - 4) == "+1.6");
  CHECK(line_with("$8.54 a month").rfind("  ~ $8.54 a month, the cheapest that fits", 0) == 0);
  CHECK(contains(line_with("zip over 50 MB"), "  · zip over 50 MB"));
  CHECK(contains(text, "\nAWS Fargate — fits\n"));
}

TEST_CASE("text report: a blocker shows its source and what would lift it", "[report][text]") {
  const std::string text = render("text", {nightly_report()}, {}, {});
  CHECK(contains(text, "\nAWS Lambda — does not fit\n  ✗ runs up to 3h"));
  CHECK(contains(text, "\n    https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html\n"));
  CHECK(contains(text, "\n    → Lambda becomes feasible if the longest run drops to 15 minutes\n"));
  CHECK(contains(text, "~ cost unknown: no price for this instance family in eu-south-2"));
  // The limit is under its blocker, so not repeated under "What would change this".
  CHECK_FALSE(contains(text, "What would change this"));
}

TEST_CASE("text report: assumptions, what would change the answer, and findings", "[report][text]") {
  const std::string text = render("text", {thumbnailer()}, {}, {});
  CHECK(contains(text, "\nAssumed\n  · resources.architecture: any — default; priced as arm64\n"));
  // The cost model's assumption holds for every priced target, so it is said once, without target names.
  CHECK(contains(text, "  · pricing.free_tier: none — it belongs to the account, not the workload\n"));
  CHECK(contains(text, "\nWhat would change this\n  · Fargate becomes the cheaper choice above 19 M"));
  CHECK(contains(text, "\nFindings\n  info    no runs_on to judge"));
  CHECK(contains(text, "services/thumbnailer.yaml:1:1 (runs_on)"));
}

TEST_CASE("text report: long messages wrap within 100 columns", "[report][text]") {
  auto r = thumbnailer();
  std::string message;
  for (int i = 0; i < 40; ++i) message += "word" + std::to_string(i) + " ";
  r.ranking[0].reasons[0].message = message;
  const std::string text = render("text", {r}, {}, {});
  for (const auto& line : lines_of(text)) CHECK(display_width(line) <= 100);
  CHECK(contains(text, "\n    word"));  // continuation lines under the message, not under the marker
}

TEST_CASE("text report: colour only when asked for", "[report][text]") {
  CHECK_FALSE(contains(render_batch("text"), "\x1b"));
  const std::string color = render_batch("text", colored());
  CHECK(contains(color, "\x1b[1m"));
  CHECK(contains(color, "\x1b[0m"));
}

TEST_CASE("text report: control characters from the input are shown as visible escapes", "[report][text]") {
  auto r = thumbnailer();
  r.name = "thumb\x1b[31mnailer";
  r.ranking[0].reasons[0].message = "bell\x07 in a message";
  const std::string text = render("text", {r}, {}, {});
  CHECK_FALSE(contains(text, "\x1b"));
  CHECK_FALSE(contains(text, "\x07"));
  CHECK(text.rfind("thumb\\x1b[31mnailer → AWS Lambda", 0) == 0);
  CHECK(contains(text, "bell\\x07 in a message"));
}

TEST_CASE("text report: errors in compiler style with the source line and a caret", "[report][text]") {
  Summary one_error;
  one_error.files = 1;
  one_error.errors = 1;
  const std::string text = render("text", {}, {broken_file_error()}, one_error);
  CHECK(text.rfind("services/broken.yaml:4:3: error: unknown key 'memroy' in resources; did you mean 'memory'?\n"
                   "    4 |   memroy: 1GiB\n"
                   "      |   ^~~~~~\n",
                   0) == 0);
  const std::string color = render("text", {}, {broken_file_error()}, one_error, colored());
  CHECK(contains(color, "\x1b[1;31merror\x1b[0m: unknown key"));
}

TEST_CASE("text report: the summary line is not part of the report (it goes to standard error)", "[report][text]") {
  CHECK_FALSE(contains(render_batch("text"), "4 files"));
}

TEST_CASE("text report: validate shows each workload as valid, without a ranking", "[report][text]") {
  auto r = thumbnailer();
  r.ranking.clear();
  RenderOptions options;
  options.command = Command::validate;
  const std::string text = render("text", {r}, {}, {}, options);
  CHECK(text.rfind("thumbnailer — valid ", 0) == 0);
  CHECK_FALSE(contains(text, "ops burden"));
}

TEST_CASE("text report: cost and -v list each target's line items", "[report][text]") {
  RenderOptions options;
  options.command = Command::cost;
  const std::string text = render("text", {thumbnailer()}, {}, {}, options);
  CHECK(contains(text,
                 "\n    requests                     2,000,000 request    × $0.0000002      $0.40\n"
                 "    compute (GB-seconds, arm64)  1,600,000 GB-second  × $0.0000166667  $26.67\n"
                 "    = $27.07 a month\n"));
  CHECK(contains(text, "= $27.07 a month"));
  CHECK_FALSE(contains(render("text", {thumbnailer()}, {}, {}), "× $0.0000002"));
}

TEST_CASE("text layout: wrapping, width and money", "[report][text]") {
  CHECK(wrap("a bb ccc dddd", 6) == std::vector<std::string>{"a bb", "ccc", "dddd"});
  CHECK(wrap("abcdefghij", 4) == std::vector<std::string>{"abcdefghij"});  // never cut mid-word
  CHECK(wrap("a abcdefghij b", 4) == std::vector<std::string>{"a", "abcdefghij", "b"});
  CHECK(wrap("", 10) == std::vector<std::string>{""});
  CHECK(display_width("→ é 日本") == 8);
  CHECK(format_usd(1234567.891) == "$1,234,567.89");
  CHECK(format_usd(0.4) == "$0.40");
  CHECK(one_line(" a\n  b\tc ") == "a b c");
}

namespace {

// Every line within `width`, except one that is a single word (a URL, a path): words are never cut.
void check_fits(const std::string& text, std::size_t width) {
  for (const auto& line : lines_of(text)) {
    INFO(width << ": " << line);
    const auto start = line.find_first_not_of(' ');
    const bool one_word = start == std::string::npos || line.find(' ', start) == std::string::npos;
    CHECK((display_width(line) <= width || one_word));
  }
}

}  // namespace

TEST_CASE("text report: lines follow the width, from 60 to 160 columns, and no word is cut", "[report][text]") {
  auto long_words = nightly_report();
  long_words.findings.push_back({caas::util::Severity::warning, "contradiction-x",
                                 "see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#function-"
                                 "configuration-deployment-and-execution for the limits of a function",
                                 long_words.file, 4, 3, "x"});
  for (const std::size_t width : {std::size_t{60}, std::size_t{100}, std::size_t{160}}) {
    RenderOptions options;
    options.verbose = true;
    options.width = width;
    // Errors are not laid out: a compiler-style line stays one line, for editors and grep.
    const auto text = render("text", {thumbnailer(), long_words, gpu_trainer()}, {}, {}, options);
    check_fits(text, width);
    CHECK(contains(text,
                   "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#function-"
                   "configuration-deployment-and-execution"));
    options.command = Command::check;
    options.explain = true;
    check_fits(render("text", {thumbnailer(), long_words}, {}, batch_summary(), options), width);
  }
  RenderOptions narrow;
  narrow.width = 60;
  RenderOptions wide;
  wide.width = 160;
  // The answer line puts the file at the right edge of the width.
  CHECK(display_width(lines_of(render("text", {thumbnailer()}, {}, {}, narrow)).front()) == 60);
  CHECK(display_width(lines_of(render("text", {thumbnailer()}, {}, {}, wide)).front()) == 160);
}

TEST_CASE("check text: the verdict first, one line per workload, then the findings", "[report][text][check]") {
  RenderOptions options;
  options.command = Command::check;
  options.gate = {caas::util::Severity::error, false};
  options.width = 160;
  auto judged = nightly_report();
  judged.runs_on = "lambda";
  judged.findings = {{caas::util::Severity::error, "check-runs-on-infeasible",
                      "runs_on lambda: AWS Lambda cannot run this workload", judged.file, 3, 10, "runs_on"}};
  auto dearer = thumbnailer();
  dearer.runs_on = "fargate";
  dearer.findings = {{caas::util::Severity::warning, "check-runs-on-not-recommended",
                      "runs_on fargate: AWS Lambda is recommended instead", dearer.file, 5, 10, "runs_on"}};
  auto summary = batch_summary();
  summary.exit_code = 2;
  const auto lines = lines_of(render("text", {dearer, judged, thumbnailer()}, {broken_file_error()}, summary, options));
  REQUIRE(lines.size() > 8);
  CHECK(lines[0] == "check failed: inputs that could not be evaluated — 2 errors, 1 warning, 0 waived, 0 known");
  // Judgements in one column (the widest is the next line's), the money after them.
  CHECK(lines[2] == "  pass  thumbnailer     runs_on fargate, recommended AWS Lambda" + std::string(14, ' ') +
                        "  costs $18.53 a month less");
  CHECK(lines[3] == "  fail  nightly-report  runs_on lambda cannot run it; recommended AWS Fargate");
  CHECK(lines[4] == "  pass  thumbnailer     no runs_on; recommended AWS Lambda");
  CHECK(lines[6] == "Findings");
  CHECK(lines[7] ==
        "jobs/nightly.yaml:3:10: error: nightly-report: runs_on lambda: AWS Lambda cannot run this "
        "workload [check-runs-on-infeasible]");
  CHECK(lines[8] ==
        "services/thumbnailer.yaml:5:10: warning: thumbnailer: runs_on fargate: AWS Lambda is "
        "recommended instead [check-runs-on-not-recommended]");
  CHECK(lines[9] == "1 info not listed (-v or --explain lists them)");
  CHECK(lines[11] == "services/broken.yaml:4:3: error: unknown key 'memroy' in resources; did you mean 'memory'?");
  const auto text = render("text", {dearer}, {}, summary, options);
  CHECK_FALSE(contains(text, "Why AWS Lambda"));  // the advice only with --explain
  options.explain = true;
  const auto explained = render("text", {dearer}, {}, summary, options);
  CHECK(contains(explained, "\nAdvice\n"));
  CHECK(contains(explained, "Why AWS Lambda"));
  CHECK(explained.rfind("check failed", 0) == 0);
}

// `rules list` and `rules show` in text, json and markdown.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "caas/report/report.hpp"
#include "caas/util/text.hpp"

using namespace caas;

namespace {

report::RuleTableView rule_table() {
  report::RuleTableView table;
  table.revision = "2026-11-26";
  table.targets = {{"lambda", "AWS Lambda", "FaaS", 1}, {"ec2", "Amazon EC2", "IaaS", 3}};
  model::RuleInfo max_duration{"lambda-max-duration",
                               {"lambda"},
                               model::Effect::exclude,
                               0,
                               "execution.duration.max > 15m",
                               "runs up to {execution.duration.max}; a Lambda invocation is stopped after 15 minutes",
                               "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html",
                               "rules/aws.yaml:42",
                               true};
  model::RuleInfo piped{"team-pipes",
                        {"lambda", "ec2"},
                        model::Effect::prefer,
                        1.5,
                        "x.tier == \"a|b\" or x.flag",
                        "tier a | b is preferred",
                        "seed: pipes | everywhere",
                        "team.yaml:3",
                        false};
  table.rules = {max_duration, piped};
  return table;
}

std::string list(std::string_view format) {
  std::ostringstream out;
  report::render_rule_list(out, rule_table(), format);
  return out.str();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Cell separators of a Markdown table row: pipes not escaped with a backslash.
int unescaped_pipes(const std::string& line) {
  int count = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("rules list markdown: title, revision, targets, and one row per rule", "[report][rules]") {
  const std::string md = list("markdown");
  CHECK(md.rfind("# Rules\n\nRule table revision `2026-11-26`: 2 rules (1 disabled).", 0) == 0);
  CHECK(contains(md,
                 "## Targets\n\n| id | name | model | ops burden |\n|---|---|---|---|\n"
                 "| `lambda` | AWS Lambda | FaaS | 1 |\n"));
  CHECK(contains(md,
                 "| `lambda-max-duration` | `lambda` | exclude | — | `execution.duration.max > 15m` | "
                 "runs up to {execution.duration.max}; a Lambda invocation is stopped after 15 minutes | "
                 "[docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html]"
                 "(https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html) |\n"));
}

TEST_CASE("rules list markdown: pipes in cells are escaped so rows keep their columns", "[report][rules]") {
  const std::string md = list("markdown");
  CHECK(contains(md,
                 "| `team-pipes` (disabled) | `lambda`, `ec2` | prefer | 1.5 | `x.tier == \"a\\|b\" or x.flag` | "
                 "tier a \\| b is preferred | seed: pipes \\| everywhere |\n"));
  std::istringstream in(md);
  int header_pipes = -1;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| id | targets", 0) == 0) header_pipes = unescaped_pipes(line);
    if (header_pipes > 0 && line.rfind("| `", 0) == 0) CHECK(unescaped_pipes(line) == header_pipes);
  }
  CHECK(header_pipes == 8);
}

TEST_CASE("rules list json: an array of rule objects, keys in a fixed order", "[report][rules]") {
  const auto rules = nlohmann::ordered_json::parse(list("json"));
  REQUIRE(rules.is_array());
  REQUIRE(rules.size() == 2);
  std::vector<std::string> keys;
  for (const auto& item : rules[0].items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"id", "targets", "effect", "weight", "when", "message", "source", "enabled",
                                         "origin"});
  CHECK(rules[0]["weight"].is_null());  // exclude has no weight
  CHECK(rules[1]["weight"] == 1.5);
  CHECK(rules[1]["targets"] == nlohmann::ordered_json{"lambda", "ec2"});
  CHECK(rules[1]["enabled"] == false);
}

TEST_CASE("rules list text: one aligned line per rule", "[report][rules]") {
  const std::string text = list("text");
  CHECK(contains(text,
                 "rule table 2026-11-26: 2 rules\n\n"
                 "id                     target      effect   weight  when\n"
                 "lambda-max-duration    lambda      exclude       —  execution.duration.max > 15m\n"
                 "team-pipes (disabled)  lambda,ec2  prefer      1.5  x.tier == \"a|b\" or x.flag\n"));
}

TEST_CASE("rules show: one rule in text, json and markdown", "[report][rules]") {
  const auto rule = rule_table().rules[0];
  std::ostringstream text;
  report::render_rule_detail(text, rule, "text");
  CHECK(text.str().rfind("lambda-max-duration\n  targets  lambda\n  effect   exclude\n", 0) == 0);
  CHECK(contains(text.str(), "\n  source   https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html\n"));
  std::ostringstream json;
  report::render_rule_detail(json, rule, "json");
  CHECK(nlohmann::json::parse(json.str())["id"] == "lambda-max-duration");
  std::ostringstream md;
  report::render_rule_detail(md, rule_table().rules[1], "markdown");
  CHECK(contains(md.str(), "- when: `x.tier == \"a|b\" or x.flag`\n"));  // outside a table, pipes stay as written
}

TEST_CASE("rules list: every listed format renders, an unknown one is a caller's bug", "[report][rules]") {
  for (const auto format : report::rule_formats()) CHECK_FALSE(list(format).empty());
  CHECK_THROWS_AS(list("sarif"), std::invalid_argument);
}

TEST_CASE("rules list: control characters in rule text are never raw", "[report][rules]") {
  auto table = rule_table();
  table.rules[0].message = "evil\x1b[2J message";
  for (const auto format : report::rule_formats()) {
    std::ostringstream out;
    report::render_rule_list(out, table, format);
    CHECK(out.str().find('\x1b') == std::string::npos);
  }
}

TEST_CASE("rules list: the text fits the width, conditions wrapped beside or below the columns", "[report][rules]") {
  for (const std::size_t width : {std::size_t{60}, std::size_t{100}, std::size_t{160}}) {
    std::ostringstream out;
    report::render_rule_list(out, rule_table(), "text", width);
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) {
      INFO(width << ": " << line);
      const auto start = line.find_first_not_of(' ');
      const bool one_word = start == std::string::npos || line.find(' ', start) == std::string::npos;
      CHECK((util::display_width(line) <= width || one_word));
    }
  }
}

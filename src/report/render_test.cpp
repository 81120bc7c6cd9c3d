// The formats table and the JSON report (cli-v1 "JSON report").
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "render_fixtures.hpp"

using caas::report::find_format;
using caas::report::formats;
using namespace caas::report::test;
using OrderedJson = nlohmann::ordered_json;

namespace {

std::vector<std::string> keys_of(const OrderedJson& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

// The contract's keys in its order, then the extras this renderer adds (only ever after them).
std::vector<std::string> with_extras(std::vector<std::string> required, const std::vector<std::string>& extras) {
  required.insert(required.end(), extras.begin(), extras.end());
  return required;
}

const std::vector<std::string> k_reason_keys = {"rule",   "effect", "weight", "message",
                                                "source", "fields", "line",   "column"};
const std::vector<std::string> k_blocker_keys = {"rule", "message", "source", "fields", "line", "column"};

}  // namespace

TEST_CASE("formats: text and json are registered, looked up by name, and unknown names are not", "[report]") {
  REQUIRE(find_format("text") != nullptr);
  REQUIRE(find_format("json") != nullptr);
  CHECK(find_format("yaml") == nullptr);
  CHECK(find_format("") == nullptr);
  CHECK(formats().front().name == "text");  // the default is listed first
  for (const auto& format : formats()) {
    CHECK(find_format(format.name) == &format);
    CHECK_FALSE(format.description.empty());
    std::ostringstream out;
    CHECK(format.make(out, {}) != nullptr);
  }
}

TEST_CASE("json report: every level has the contract's keys in the contract's order", "[report][json]") {
  const OrderedJson doc = OrderedJson::parse(render_batch("json"));
  CHECK(keys_of(doc) == std::vector<std::string>{"schema", "tool", "results", "errors", "summary"});
  CHECK(doc["schema"] == "caas-advisor/report/v1");
  CHECK(keys_of(doc["tool"]) == std::vector<std::string>{"name", "version", "rules_version", "pricing_date"});
  REQUIRE(doc["results"].size() == 3);
  for (const auto& result : doc["results"]) {
    CHECK(keys_of(result) == std::vector<std::string>{"workload", "recommendation", "ranking", "assumptions",
                                                      "what_would_change", "findings", "inputs"});
    CHECK(keys_of(result["workload"]) == std::vector<std::string>{"name", "file"});
    REQUIRE(result["ranking"].size() == 3);
    for (const auto& target : result["ranking"]) {
      CHECK(keys_of(target) == with_extras({"target", "rank", "feasible", "score", "ops_burden", "monthly_cost_usd",
                                            "cost", "reasons", "blockers"},
                                           {"target_name", "cost_points", "cost_unknown_reason"}));
      if (!target["cost"].is_null()) {
        CHECK(keys_of(target["cost"]) == with_extras({"items"}, {"summary", "assumptions"}));
        for (const auto& item : target["cost"]["items"]) {
          CHECK(keys_of(item) == std::vector<std::string>{"item", "quantity", "unit", "unit_price_usd", "usd"});
        }
      }
      for (const auto& reason : target["reasons"]) CHECK(keys_of(reason) == k_reason_keys);
      for (const auto& blocker : target["blockers"]) CHECK(keys_of(blocker) == k_blocker_keys);
    }
    for (const auto& a : result["assumptions"]) CHECK(keys_of(a) == std::vector<std::string>{"field", "value", "why"});
    for (const auto& c : result["what_would_change"]) {
      CHECK(keys_of(c) == std::vector<std::string>{"kind", "target", "field", "value", "message"});
    }
    for (const auto& f : result["findings"]) {
      CHECK(keys_of(f) ==
            with_extras({"severity", "rule", "message", "file", "line", "column", "field"}, {"status", "waiver"}));
    }
  }
  REQUIRE(doc["errors"].size() == 1);
  CHECK(keys_of(doc["errors"][0]) == with_extras({"file", "line", "column", "message"}, {"code", "hint", "severity"}));
  CHECK(keys_of(doc["summary"]) == with_extras({"files", "skipped", "workloads", "errors", "by_target", "exit_code"},
                                               {"skipped_files", "waived", "known", "baseline", "warnings"}));
  CHECK(keys_of(doc["summary"]["by_target"]) == std::vector<std::string>{"lambda", "fargate", "ec2", "none"});
}

TEST_CASE("json report: what does not apply is null", "[report][json]") {
  const OrderedJson doc = OrderedJson::parse(render_batch("json"));
  const auto& ec2 = doc["results"][0]["ranking"][2];
  CHECK(ec2["feasible"] == false);
  CHECK(ec2["score"].is_null());
  CHECK(ec2["monthly_cost_usd"].is_null());
  CHECK(ec2["cost"].is_null());
  CHECK(ec2["cost_points"].is_null());
  const auto& unpriced = doc["results"][1]["ranking"][1];
  CHECK(unpriced["feasible"] == true);
  CHECK(unpriced["cost"].is_null());
  CHECK(unpriced["cost_unknown_reason"] == "no price for this instance family in eu-south-2");
  CHECK(doc["results"][2]["recommendation"].is_null());
  CHECK(doc["results"][0]["recommendation"] == "lambda");
  // A note has no weight; a reason without fields has no location.
  const auto& note = doc["results"][0]["ranking"][0]["reasons"][1];
  CHECK(note["effect"] == "note");
  CHECK(note["weight"].is_null());
  CHECK(note["line"].is_null());
}

TEST_CASE("json report: money to the cent, scores to two decimals, unit prices as in the price data",
          "[report][json]") {
  const std::string text = render_batch("json");
  CHECK(text.find("\"score\": 7.00,") != std::string::npos);
  CHECK(text.find("\"score\": 4.25,") != std::string::npos);
  CHECK(text.find("\"monthly_cost_usd\": 27.07,") != std::string::npos);
  CHECK(text.find("\"monthly_cost_usd\": 12.35,") != std::string::npos);  // 12.345 rounded half away from zero
  CHECK(text.find("\"usd\": 0.40") != std::string::npos);
  CHECK(text.find("\"unit_price_usd\": 0.0000166667,") != std::string::npos);
  CHECK(text.find("\"unit_price_usd\": 0.0000002,") != std::string::npos);
  CHECK(text.find("\"quantity\": 2000000,") != std::string::npos);
  CHECK(text.find("\"weight\": 1.5,") != std::string::npos);
  CHECK_FALSE(std::regex_search(text, std::regex(R"(: -?[0-9][0-9.]*[eE])")));  // no exponents
}

TEST_CASE("json report: summary counts are written as given", "[report][json]") {
  const OrderedJson summary = OrderedJson::parse(render_batch("json"))["summary"];
  CHECK(summary["files"] == 4);
  CHECK(summary["skipped"] == 0);
  CHECK(summary["workloads"] == 3);
  CHECK(summary["errors"] == 1);
  CHECK(summary["by_target"] == OrderedJson{{"lambda", 1}, {"fargate", 1}, {"ec2", 0}, {"none", 1}});
  CHECK(summary["exit_code"] == 2);
}

TEST_CASE("json report: identical input gives byte-identical output", "[report][json]") {
  CHECK(render_batch("json") == render_batch("json"));
}

TEST_CASE("json report: pretty-printed with two spaces and one trailing newline", "[report][json]") {
  const std::string text = render_batch("json");
  CHECK(text.rfind("{\n  \"schema\": \"caas-advisor/report/v1\",\n  \"tool\": {\n    \"name\"", 0) == 0);
  REQUIRE(text.size() > 2);
  CHECK(text.substr(text.size() - 2) == "}\n");
  CHECK(text.find("\"blockers\": []") != std::string::npos);  // empty arrays stay on one line
}

TEST_CASE("json report: an empty batch is still the whole shape", "[report][json]") {
  const OrderedJson doc = OrderedJson::parse(render("json", {}, {}, {}));
  CHECK(doc["results"] == OrderedJson::array());
  CHECK(doc["errors"] == OrderedJson::array());
  CHECK(doc["summary"]["files"] == 0);
}

TEST_CASE("json report: each result is written as it arrives, not held until the end", "[report][json]") {
  std::ostringstream out;
  auto renderer = find_format("json")->make(out, {});
  renderer->begin(tool());
  CHECK(out.str().find("\"results\": [") != std::string::npos);
  renderer->result(thumbnailer());
  CHECK(out.str().find("\"thumbnailer\"") != std::string::npos);
  renderer->error(broken_file_error());
  CHECK(out.str().find("memroy") == std::string::npos);  // errors follow the results
  renderer->finish(batch_summary());
  CHECK(out.str().find("memroy") != std::string::npos);
}

TEST_CASE("json report: control characters and broken UTF-8 are escaped, never raw", "[report][json]") {
  auto r = thumbnailer();
  r.name = "thumb\x1b[31mnailer";
  r.ranking[0].reasons[0].message = "tab\there, del\x7f, c1 \xc2\x9b, bad \xff byte, é stays";
  const std::string text = render("json", {r}, {}, {});
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x7f') == std::string::npos);
  CHECK(text.find("thumb\\u001b[31mnailer") != std::string::npos);
  CHECK(text.find("tab\\there, del\\u007f, c1 \\u009b, bad \\ufffd byte, é stays") != std::string::npos);
  const OrderedJson doc = OrderedJson::parse(text);
  CHECK(doc["results"][0]["workload"]["name"] == "thumb\x1b[31mnailer");
}

TEST_CASE("json report: computed weights are rounded to two decimals, rule weights kept as written", "[report][json]") {
  auto r = thumbnailer();
  r.ranking[0].reasons[2].weight = 4.0 / 3.0;  // the engine's cost reason
  const OrderedJson reasons = OrderedJson::parse(render("json", {r}, {}, {}))["results"][0]["ranking"][0]["reasons"];
  CHECK(reasons[2]["rule"] == "cost");
  CHECK(reasons[2]["weight"] == 1.33);
  CHECK(reasons[0]["weight"] == 2);
}

#include "cli/init_questions.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "caas/parse/parse_workload.hpp"

using namespace caas;

namespace {

const cli::Question& question(const std::string& key) {
  for (const auto& q : cli::init_questions())
    if (q.key == key) return q;
  throw std::runtime_error("no question " + key);
}

// Every question answered with its default, in order, as `init --yes` does.
cli::Answers defaults(cli::Answers given = {}) {
  cli::Answers answers;
  for (const auto& q : cli::init_questions()) {
    if (!q.applies(answers)) continue;
    const auto it = given.find(q.key);
    const auto checked = q.check(it != given.end() ? it->second : q.fallback(answers), answers);
    REQUIRE(checked.error.empty());
    answers[q.key] = checked.value;
  }
  return answers;
}

parse::FileParse read_back_from(const std::string& text) { return parse::parse_file(text, "init.yaml"); }

parse::FileParse read_back(const cli::Answers& answers) {
  return parse::parse_file(cli::workload_file(answers, "init.yaml"), "init.yaml");
}

}  // namespace

TEST_CASE("init: every default passes its own check and makes a valid workload file", "[init]") {
  const auto parsed = read_back(defaults());
  REQUIRE(parsed.kind == parse::FileKind::workload);
  CHECK(parsed.errors.empty());
  REQUIRE(parsed.workloads.size() == 1);
  CHECK(parsed.workloads[0].warnings.empty());
  CHECK(parsed.workloads[0].profile.name == "my-service");
}

TEST_CASE("init: every trigger's default kind makes a valid file without warnings", "[init]") {
  for (const std::string trigger : {"http", "sqs", "schedule", "s3", "manual", "kafka", "other"}) {
    INFO(trigger);
    const auto parsed = read_back(defaults({{"trigger", trigger}}));
    REQUIRE(parsed.kind == parse::FileKind::workload);
    CHECK(parsed.errors.empty());
    CHECK(parsed.workloads.at(0).warnings.empty());
  }
}

TEST_CASE("init: the kind follows the trigger unless answered", "[init]") {
  CHECK(defaults({{"trigger", "sqs"}}).at("kind") == "worker");
  CHECK(defaults({{"trigger", "schedule"}}).at("kind") == "job");
  CHECK(defaults({{"trigger", "s3"}}).at("kind") == "function");
  CHECK(defaults({{"trigger", "grpc"}}).at("kind") == "service");
  CHECK(defaults({{"trigger", "sqs"}, {"kind", "function"}}).at("kind") == "function");
}

TEST_CASE("init: a job is asked about runs, not requests, and not about latency", "[init]") {
  const auto answers = defaults({{"trigger", "schedule"}});
  CHECK(answers.count("p99") == 0);
  CHECK(question("traffic").prompt(answers).find("runs a month") != std::string::npos);
  const auto text = cli::workload_file(answers, "nightly.yaml");
  CHECK(text.find("`caas-advisor recommend nightly.yaml`") != std::string::npos);
  // A path with a line break would end the comment: it is not written into it.
  CHECK(read_back_from(cli::workload_file(answers, "a\nkind: job\n.yaml")).errors.empty());
  CHECK(text.find("runs_per_month: 720") != std::string::npos);
  CHECK(text.find("latency") == std::string::npos);
}

TEST_CASE("init: answers are checked as the workload reader checks them, with a hint", "[init]") {
  const cli::Answers none;
  CHECK(question("duration").check("200", none).error.find("unit") != std::string::npos);
  CHECK(question("memory").check("512mb", none).error.find("did you mean") != std::string::npos);
  CHECK(question("memory").check("0MiB", none).error == "memory must be more than zero");
  CHECK(question("trigger").check("htp", none).error ==
        "'htp' is not one of http, websocket, grpc, s3, sqs, sns, "
        "eventbridge, dynamodb-stream, kinesis, kafka, schedule, "
        "manual, tcp or other; did you mean 'http'?");
  CHECK(question("name").check("my service", none).error.find("1 to 63") != std::string::npos);
  CHECK(question("name").check(std::string(64, 'a'), none).error.find("1 to 63") != std::string::npos);
  CHECK(question("p99").check("fast", none).error.find("(or none)") != std::string::npos);
  CHECK(question("cold_starts").check("maybe", none).error == "answer yes or no");
  CHECK(question("ops").check("lots", none).error.find("low, medium or high") != std::string::npos);
}

TEST_CASE("init: answers are written as the reference writes them", "[init]") {
  const cli::Answers none;
  CHECK(question("duration").check(" 1.5 h ", none).value == "90m");
  CHECK(question("traffic").check("3000000", none).value == "3M");
  CHECK(question("trigger").check("sqs, schedule,sqs", none).value == "[sqs, schedule]");
  CHECK(question("cold_starts").check("y", none).value == "yes");
}

TEST_CASE("init: real answers are in the file and the reader reads them back", "[init]") {
  const auto answers = defaults({{"name", "orders-api"},
                                 {"trigger", "http"},
                                 {"duration", "120ms"},
                                 {"memory", "1GiB"},
                                 {"traffic", "30M"},
                                 {"pattern", "diurnal"},
                                 {"p99", "300ms"},
                                 {"cold_starts", "yes"},
                                 {"ops", "low"},
                                 {"cost", "high"}});
  const auto parsed = read_back(answers);
  REQUIRE(parsed.errors.empty());
  const auto& profile = parsed.workloads.at(0).profile;
  CHECK(profile.name == "orders-api");
  CHECK(profile.at("execution.duration.typical").value.number == Approx(0.12));
  CHECK(profile.at("traffic.requests_per_month").value.number == Approx(30e6));
  CHECK(profile.at("latency.p99").value.number == Approx(0.3));
  CHECK(profile.at("latency.cold_start_sensitive").value.as_bool());
  CHECK(profile.at("operations.ops_capacity").value.text == "low");
  CHECK(profile.at("cost.priority").value.text == "high");
  CHECK(cli::default_output(answers) == "orders-api.yaml");
}

TEST_CASE("init: every question has its own option", "[init]") {
  std::set<std::string> options;
  for (const auto& q : cli::init_questions()) {
    CHECK(q.option.starts_with("--"));
    CHECK_FALSE(q.help.empty());
    options.insert(q.option);
  }
  CHECK(options.size() == cli::init_questions().size());
}

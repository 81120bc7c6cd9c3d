#include <catch2/catch.hpp>

#include "caas/parse/waivers.hpp"
#include "parse_test_support.hpp"

using namespace caas::parse::test;

TEST_CASE("waivers: a workload file's waivers are read, located", "[parse][waivers]") {
  const auto parsed = parse_ok(k_head + R"(waivers:
  - rule: check-runs-on-not-recommended
    reason: licence bound to the host
    expires: 2027-06-30
  - {rule: lambda-cold-start, reason: measured}
)");
  const auto& waivers = parsed.profile.waivers;
  REQUIRE(waivers.size() == 2);
  CHECK(waivers[0].rule == "check-runs-on-not-recommended");
  CHECK(waivers[0].reason == "licence bound to the host");
  CHECK(waivers[0].expires == "2027-06-30");
  CHECK(waivers[0].workload.empty());
  CHECK(waivers[0].file == "w.yaml");
  CHECK(waivers[0].line == 4);
  CHECK(waivers[0].column == 5);
  CHECK(waivers[1].expires.empty());
}

TEST_CASE("waivers: a reason is required, a date is a real date, keys are strict", "[parse][waivers]") {
  const auto errors = parse_errors(k_head + R"(waivers:
  - rule: check-no-runs-on
  - rule: lambda-cold-start
    reason: x
    expires: 2027-02-29
  - rule: a
    reason: b
    workload: c
  - just a string
waivers: []
)");
  const std::pair<const char*, int> expected[] = {
      {"missing-field", 4}, {"bad-value", 7}, {"unknown-key", 10}, {"bad-type", 11}, {"duplicate-key", 12}};
  REQUIRE(errors.size() == std::size(expected));
  for (std::size_t i = 0; i < errors.size(); ++i) {
    INFO(i << " " << errors[i].message);
    CHECK(errors[i].code == expected[i].first);
    CHECK(errors[i].where.line == expected[i].second);
  }
  CHECK(errors[0].message.find("'reason'") != std::string::npos);
  CHECK(errors[2].hint == "a waiver in a workload file applies to that workload");
  CHECK(parse_errors(k_head + "waiver: []\n")[0].hint == "did you mean 'waivers'?");
}

TEST_CASE("waivers: calendar dates", "[parse][waivers]") {
  CHECK(caas::parse::is_calendar_date("2028-02-29"));
  CHECK_FALSE(caas::parse::is_calendar_date("2027-02-29"));
  CHECK_FALSE(caas::parse::is_calendar_date("2100-02-29"));
  CHECK(caas::parse::is_calendar_date("2000-02-29"));
  CHECK_FALSE(caas::parse::is_calendar_date("2027-13-01"));
  CHECK_FALSE(caas::parse::is_calendar_date("2027-1-01"));
  CHECK_FALSE(caas::parse::is_calendar_date("June 1"));
}

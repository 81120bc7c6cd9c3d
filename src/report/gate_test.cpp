// The gate: --fail-on's threshold over findings, and the batch's counts.
#include <catch2/catch.hpp>

#include "caas/report/report.hpp"

using namespace caas;

namespace {

model::Finding finding(util::Severity severity) { return {severity, "check-no-runs-on", "m", "a.yaml", 1, 1, ""}; }

}  // namespace

TEST_CASE("gate: a finding fails when it reaches --fail-on, and never with --fail-on none", "[report][gate]") {
  const report::Gate on_error{util::Severity::error, false};
  const report::Gate on_warning{util::Severity::warning, false};
  const report::Gate on_info{util::Severity::info, false};
  const report::Gate none{util::Severity::info, true};
  CHECK(report::fails_gate(finding(util::Severity::error), on_error));
  CHECK_FALSE(report::fails_gate(finding(util::Severity::warning), on_error));
  CHECK(report::fails_gate(finding(util::Severity::warning), on_warning));
  CHECK_FALSE(report::fails_gate(finding(util::Severity::info), on_warning));
  CHECK(report::fails_gate(finding(util::Severity::info), on_info));
  CHECK_FALSE(report::fails_gate(finding(util::Severity::error), none));
}

TEST_CASE("gate: findings are counted by severity, and those that fail apart", "[report][gate]") {
  const report::Gate on_warning{util::Severity::warning, false};
  report::FindingCounts counts;
  for (const auto severity :
       {util::Severity::error, util::Severity::warning, util::Severity::warning, util::Severity::info})
    report::count_finding(counts, finding(severity), on_warning);
  CHECK(counts.errors == 1);
  CHECK(counts.warnings == 2);
  CHECK(counts.infos == 1);
  CHECK(counts.failing == 3);
  CHECK(counts.waived == 0);
  CHECK(counts.known == 0);
}

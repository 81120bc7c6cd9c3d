#include "caas/report/finding_identity.hpp"

#include <catch2/catch.hpp>

namespace caas::report {
namespace {

model::Recommendation result_with(std::string file, std::string name,
                                  const std::vector<std::pair<std::string, int>>& rules) {
  model::Recommendation rec;
  rec.file = std::move(file);
  rec.name = std::move(name);
  for (auto& [rule, line] : rules) {
    model::Finding finding;
    finding.rule = rule;
    finding.line = line;
    finding.file = rec.file;
    rec.findings.push_back(finding);
  }
  return rec;
}

TEST_CASE("finding identity: file, workload and rule, not the line", "[baseline]") {
  const auto before = result_with("svc/a.yaml", "orders", {{"check-runs-on-not-recommended", 7}});
  const auto after = result_with("svc/a.yaml", "orders", {{"check-runs-on-not-recommended", 12}});
  CHECK(finding_key(before, before.findings[0]) == finding_key(after, after.findings[0]));
  const auto renamed = result_with("svc/a.yaml", "orders-v2", {{"check-runs-on-not-recommended", 7}});
  CHECK(finding_key(before, before.findings[0]) != finding_key(renamed, renamed.findings[0]));
  const auto moved = result_with("svc/b.yaml", "orders", {{"check-runs-on-not-recommended", 7}});
  CHECK(finding_key(before, before.findings[0]) != finding_key(moved, moved.findings[0]));
}

TEST_CASE("finding identity: an imported workload's finding keys on the spec file it points into", "[baseline]") {
  auto rec = result_with("serverless.yml#resize", "resize", {{"not-aws", 3}});
  rec.findings[0].file = "serverless.yml";
  CHECK(finding_key(rec, rec.findings[0]).file == "serverless.yml");
  rec.findings[0].file.clear();
  CHECK(finding_key(rec, rec.findings[0]).file == "serverless.yml#resize");
}

TEST_CASE("finding matching: known, new and fixed", "[baseline]") {
  const std::vector<FindingKey> earlier = {{"a.yaml", "a", "check-no-runs-on"},
                                           {"b.yaml", "b", "check-runs-on-infeasible"},
                                           {"c.yaml", "c", "contradiction-job-requests"}};
  const std::vector<FindingKey> current = {{"c.yaml", "c", "contradiction-job-requests"},
                                           {"a.yaml", "a", "check-no-runs-on"},
                                           {"d.yaml", "d", "check-no-runs-on"}};
  const auto comparison = compare_findings(earlier, current);
  REQUIRE(comparison.current.size() == 3);
  CHECK(comparison.current[0] == Match::known);
  CHECK(comparison.current[1] == Match::known);
  CHECK(comparison.current[2] == Match::new_finding);
  REQUIRE(comparison.fixed.size() == 1);
  CHECK(comparison.fixed[0] == FindingKey{"b.yaml", "b", "check-runs-on-infeasible"});
}

TEST_CASE("finding matching: each earlier finding matches one current finding", "[baseline]") {
  const FindingKey key{"a.yaml", "a", "lambda-cold-start-note"};
  FindingMatcher matcher({key, key});
  CHECK(matcher.earlier_count() == 2);
  CHECK(matcher.match(key) == Match::known);
  CHECK(matcher.match(key) == Match::known);
  CHECK(matcher.match(key) == Match::new_finding);
  CHECK(matcher.unmatched().empty());

  FindingMatcher half({key, key});
  CHECK(half.match(key) == Match::known);
  CHECK(half.unmatched() == std::vector<FindingKey>{key});
}

TEST_CASE("finding matching: nothing earlier makes everything new; nothing current fixes everything", "[baseline]") {
  const std::vector<FindingKey> keys = {{"b.yaml", "b", "x"}, {"a.yaml", "a", "y"}};
  const auto all_new = compare_findings({}, keys);
  CHECK(all_new.current == std::vector<Match>{Match::new_finding, Match::new_finding});
  CHECK(all_new.fixed.empty());
  const auto all_fixed = compare_findings(keys, {});
  CHECK(all_fixed.current.empty());
  CHECK(all_fixed.fixed == std::vector<FindingKey>{{"a.yaml", "a", "y"}, {"b.yaml", "b", "x"}});  // sorted
}

}  // namespace
}  // namespace caas::report

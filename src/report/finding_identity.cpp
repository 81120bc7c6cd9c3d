#include "caas/report/finding_identity.hpp"

namespace caas::report {

FindingKey finding_key(const model::Recommendation& recommendation, const model::Finding& finding) {
  return {finding.file.empty() ? recommendation.file : finding.file, recommendation.name, finding.rule};
}

std::vector<FindingKey> finding_keys(const model::Recommendation& recommendation) {
  std::vector<FindingKey> keys;
  keys.reserve(recommendation.findings.size());
  for (const auto& finding : recommendation.findings) keys.push_back(finding_key(recommendation, finding));
  return keys;
}

FindingMatcher::FindingMatcher(const std::vector<FindingKey>& earlier) : m_earlier(earlier.size()) {
  for (const auto& key : earlier) ++m_counts[key].earlier;
}

Match FindingMatcher::match(const FindingKey& key) {
  const auto it = m_counts.find(key);
  if (it == m_counts.end() || it->second.matched == it->second.earlier) return Match::new_finding;
  ++it->second.matched;
  return Match::known;
}

std::vector<FindingKey> FindingMatcher::unmatched() const {
  std::vector<FindingKey> left;
  for (const auto& [key, count] : m_counts)
    for (std::size_t i = count.matched; i < count.earlier; ++i) left.push_back(key);
  return left;
}

FindingComparison compare_findings(const std::vector<FindingKey>& earlier, const std::vector<FindingKey>& current) {
  FindingMatcher matcher(earlier);
  FindingComparison out;
  out.current.reserve(current.size());
  for (const auto& key : current) out.current.push_back(matcher.match(key));
  out.fixed = matcher.unmatched();
  return out;
}

}  // namespace caas::report

#pragma once
// When two runs report the same finding: the identity of a finding across runs, and the matching of one run's
// findings against another's. A finding is the same finding when it has the same file, the same workload name and
// the same rule or check id — never the line, so an edit that moves lines does not make an old finding new.
// `--baseline` (a JSON report written earlier) and `diff`'s gate on new findings both match through this header.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "caas/model/recommendation.hpp"

namespace caas::report {

struct FindingKey {
  std::string file;      // as reports show it (relative to --path-base); the file the finding points into
  std::string workload;  // the workload's name
  std::string rule;      // rule or check id: "check-runs-on-not-recommended", "lambda-cold-start", ...

  // clang-tidy 14 reads the defaulted comparison as a literal 0 compared with a pointer.
  auto operator<=>(const FindingKey&) const = default;  // NOLINT(modernize-use-nullptr)
};

// The key of one finding of a result: the finding's own file (an imported workload's findings point into the spec),
// else the result's file.
FindingKey finding_key(const model::Recommendation& recommendation, const model::Finding& finding);

// The keys of every finding of a result, in the result's order.
std::vector<FindingKey> finding_keys(const model::Recommendation& recommendation);

enum class Match { new_finding, known };

// Matches current findings, one at a time and in any order, against the findings of an earlier run. Each earlier
// finding matches at most one current finding: a key the earlier run reported twice matches twice, and a third
// current finding with that key is new.
class FindingMatcher {
 public:
  explicit FindingMatcher(const std::vector<FindingKey>& earlier);

  // known when an earlier finding with this key is still unmatched (it is matched now); new otherwise.
  Match match(const FindingKey& key);

  // The earlier findings that no current finding matched — the fixed ones — sorted, each as often as it is left.
  std::vector<FindingKey> unmatched() const;

  std::size_t earlier_count() const { return m_earlier; }

 private:
  struct Count {
    std::size_t earlier = 0;
    std::size_t matched = 0;
  };
  std::map<FindingKey, Count> m_counts;
  std::size_t m_earlier = 0;
};

// The whole comparison at once: which current findings are known and which new (one entry per current key, in
// order), and which earlier ones are fixed.
struct FindingComparison {
  std::vector<Match> current;
  std::vector<FindingKey> fixed;
};
FindingComparison compare_findings(const std::vector<FindingKey>& earlier, const std::vector<FindingKey>& current);

}  // namespace caas::report

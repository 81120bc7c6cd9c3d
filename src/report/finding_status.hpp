#pragma once
// The words every format uses for a finding's status (model::FindingStatus), so a waived or known finding reads the
// same in the terminal, a pull-request comment, an annotation, JUnit and the HTML page (private to report).
#include <string>

#include "caas/model/recommendation.hpp"

namespace caas::report {

// "" for an open finding; "new: not in the baseline"; "known: in the baseline"; "waived: REASON (FILE:LINE)".
inline std::string status_words(const model::Finding& finding) {
  switch (finding.status) {
    case model::FindingStatus::open: return {};
    case model::FindingStatus::new_finding: return "new: not in the baseline";
    case model::FindingStatus::known: return "known: in the baseline";
    case model::FindingStatus::waived:
      return "waived: " + finding.waiver_reason + (finding.waiver_at.empty() ? "" : " (" + finding.waiver_at + ")");
  }
  return {};
}

}  // namespace caas::report

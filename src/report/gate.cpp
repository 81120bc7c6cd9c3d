// The gate: which findings fail a run, and the batch's counts of findings. Waived and known findings (the status
// waivers and a baseline give a finding, docs/config.md) are counted apart and never fail.
#include "caas/report/report.hpp"

namespace caas::report {

Standing standing_of(const model::Finding& finding) {
  switch (finding.status) {
    case model::FindingStatus::waived: return Standing::waived;
    case model::FindingStatus::known: return Standing::known;
    case model::FindingStatus::open:
    case model::FindingStatus::new_finding: break;
  }
  return Standing::new_finding;
}

bool fails_gate(const model::Finding& finding, const Gate& gate) {
  if (gate.never || standing_of(finding) != Standing::new_finding) return false;
  return finding.severity <= gate.fail_on;  // error < warning < info
}

void count_finding(FindingCounts& counts, const model::Finding& finding, const Gate& gate) {
  switch (standing_of(finding)) {
    case Standing::waived: ++counts.waived; return;
    case Standing::known: ++counts.known; return;
    case Standing::new_finding: break;
  }
  switch (finding.severity) {
    case util::Severity::error: ++counts.errors; break;
    case util::Severity::warning: ++counts.warnings; break;
    case util::Severity::info: ++counts.infos; break;
  }
  if (fails_gate(finding, gate)) ++counts.failing;
}

}  // namespace caas::report

namespace caas::report {

namespace {

std::string counted(int count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

}  // namespace

std::string_view verdict_words(int exit_code) {
  switch (exit_code) {
    case 0: return "passed";
    case 1: return "failed";
    case 2: return "failed: inputs that could not be evaluated";
    default: return "failed: internal error";
  }
}

std::string count_words(const Summary& summary) {
  const auto& f = summary.findings;
  return counted(summary.errors + f.errors, "error") + ", " + counted(f.warnings, "warning") + ", " +
         std::to_string(f.waived) + " waived, " + std::to_string(f.known) + " known";
}

std::string verdict_line(const Summary& summary, Command command) {
  return std::string(command_name(command)) + " " + std::string(verdict_words(summary.exit_code)) + " — " +
         count_words(summary);
}

std::string_view command_name(Command command) {
  switch (command) {
    case Command::recommend: return "recommend";
    case Command::check: return "check";
    case Command::validate: return "validate";
    case Command::cost: return "cost";
  }
  return "recommend";
}

}  // namespace caas::report

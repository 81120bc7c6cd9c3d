// One table: every check id, contradiction code and input error code the tool reports, with what it means and what
// to do. Rule-table ids are described by the rules themselves.
#include "code_descriptions.hpp"

#include <vector>

namespace caas::report {

namespace {

using util::Severity;

const std::vector<CodeDescription>& code_descriptions() {
  static const std::vector<CodeDescription> k_table = {
      // check: judging runs_on
      {"check-no-feasible-target", Severity::error, "No target can run this workload",
       "Every target (EC2, Fargate, Lambda) is ruled out by at least one hard limit or policy rule.",
       "Read the blockers of each target; change the workload (or the policy) so that at least one target fits."},
      {"check-runs-on-infeasible", Severity::error, "The target named in runs_on cannot run this workload",
       "The workload names a target in runs_on that a hard limit or policy rule rules out.",
       "Move the workload to a feasible target, or change what it needs so that the blocking rules no longer apply."},
      {"check-runs-on-not-recommended", Severity::warning, "runs_on is feasible but not the recommendation",
       "The target named in runs_on can run the workload, but another target scores higher; the message gives the "
       "score gap and the monthly cost difference.",
       "Consider the recommended target, or record why runs_on is the better choice for this workload."},
      {"check-no-runs-on", Severity::info, "No runs_on to judge",
       "The workload does not name the target it runs on, so check can only report the advice.",
       "Add runs_on: ec2, fargate or lambda to have the choice judged."},
      // contradictions in a workload file
      {"contradiction", Severity::error, "Impossible values in a workload",
       "Two fields cannot both be true (typical duration above the maximum), or a value that must be positive is "
       "zero.",
       "Correct the value the message names."},
      {"contradiction-job-requests", Severity::warning, "A job with request traffic",
       "A job runs to completion; its traffic is written as traffic.runs_per_month, not requests_per_month or "
       "peak_rps.",
       "Write traffic.runs_per_month, or change kind if this is not a job."},
      {"contradiction-job-long-lived-connections", Severity::warning, "A job with long-lived connections",
       "state.long_lived_connections is true on a job, but a job runs to completion.",
       "Remove the field, or change kind if this is a service."},
      {"contradiction-job-cold-start-sensitive", Severity::warning, "A cold-start-sensitive job",
       "latency.cold_start_sensitive is true on a job, but a job answers no requests.",
       "Remove the field, or change kind if this answers requests."},
      {"contradiction-runs-per-month", Severity::warning, "Job runs on a workload that is not a job",
       "traffic.runs_per_month counts a job's runs; services, workers and functions count requests.",
       "Write traffic.requests_per_month instead."},
      {"contradiction-peak-below-average", Severity::warning, "Peak rate below the average rate",
       "traffic.peak_rps is below the average rate that traffic.requests_per_month implies.",
       "Check both numbers: the peak is at least the monthly requests divided by the seconds in a month."},
      {"contradiction-latency-below-duration", Severity::warning, "Latency target below the typical duration",
       "latency.p99 is below execution.duration.typical, so no request can be answered that fast.",
       "Check both durations."},
      {"contradiction-package-size", Severity::warning, "Package larger than its unpacked contents",
       "package.size (compressed) is above package.unpacked_size.", "Check both sizes."},
      // input errors: the file could not be evaluated
      {"yaml-syntax", Severity::error, "Not valid YAML", "The file could not be read as YAML.",
       "Fix the syntax at the location given."},
      {"not-utf8", Severity::error, "Not UTF-8", "The file is not valid UTF-8 text.", "Save the file as UTF-8."},
      {"nul-byte", Severity::error, "A NUL byte", "The file holds a NUL byte, which YAML text cannot hold.",
       "Save the file as UTF-8 text (a NUL usually means a binary file, or UTF-16)."},
      {"multiple-documents", Severity::error, "More than one YAML document",
       "A workload file holds exactly one YAML document.", "Split the documents into separate files."},
      {"merge-key", Severity::error, "YAML merge key", "Merge keys (<<) are not accepted in workload files.",
       "Write the keys out."},
      {"duplicate-key", Severity::error, "Duplicate key", "A key appears twice in the same map.", "Keep one of them."},
      {"too-deep", Severity::error, "Nesting too deep", "The document nests deeper than the input limits allow.",
       "A workload file is at most a few levels deep; check the indentation."},
      {"too-many-nodes", Severity::error, "Document too large",
       "The document holds more nodes (after expanding aliases) than the input limits allow.",
       "Remove repeated aliases or split the file."},
      {"too-large", Severity::error, "File too large", "The file is over the --max-file-size limit.",
       "Raise --max-file-size, or exclude the file."},
      {"not-a-mapping", Severity::error, "Not a map", "A workload, or one of its sections, must be a map of keys.",
       "Write the section as key: value pairs."},
      {"unknown-key", Severity::error, "Unknown key",
       "The key is not a workload field; a typo would otherwise change the advice silently. Keys of your own begin "
       "with x-.",
       "Use the suggested key, or prefix your own keys with x-."},
      {"missing-field", Severity::error, "Required field missing", "A workload needs at least name and kind.",
       "Add the field the message names."},
      {"bad-api-version", Severity::error, "Unknown apiVersion", "apiVersion, when present, is caas-advisor/v1.",
       "Write apiVersion: caas-advisor/v1."},
      {"bad-name", Severity::error, "Invalid name", "A name is 1-63 characters of A-Z a-z 0-9 . _ -.",
       "Rename the workload."},
      {"bad-type", Severity::error, "Wrong type", "The value is not of the field's type (a list, a map, a string...).",
       "Write the value in the form the message gives."},
      {"bad-value", Severity::error, "Invalid value", "The value is not one the field accepts.",
       "Use one of the values the message lists."},
      {"bad-boolean", Severity::error, "Not true or false",
       "Booleans are true or false; yes, no, on and off are not accepted.", "Write true or false."},
      {"missing-unit", Severity::error, "Quantity without a unit",
       "Durations and sizes need a unit (30s, 512MiB); a bare number is not guessed.", "Add the unit."},
      {"bad-unit", Severity::error, "Unknown unit", "The unit is not one the field's kind accepts.",
       "Use the suggested unit; units are case-sensitive."},
      {"negative", Severity::error, "Negative value", "Quantities and numbers in a workload cannot be negative.",
       "Correct the value."},
      {"not-a-workload", Severity::error, "Not a workload file",
       "A file named on the command line is not a workload: it has neither apiVersion: caas-advisor/v1 nor a "
       "workload kind with a name.",
       "Name only workload files, or add apiVersion: caas-advisor/v1."},
      {"unreadable-file", Severity::error, "File could not be read", "The file could not be opened or read.",
       "Check the path and its permissions."},
      {"unreadable-path", Severity::error, "Path could not be read",
       "A path named on the command line does not exist or could not be read.", "Check the path."},
      {"internal-error", Severity::error, "Internal error",
       "caas-advisor failed on this file because of a bug in caas-advisor.", "Report it with the file that caused it."},
  };
  return k_table;
}

}  // namespace

const CodeDescription* find_code_description(std::string_view id) {
  for (const auto& row : code_descriptions())
    if (row.id == id) return &row;
  return nullptr;
}

}  // namespace caas::report

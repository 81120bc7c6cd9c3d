#pragma once
// The diagnostic codes: every code that an error, a warning or a check finding of the tool carries, in one table
// with its severity, a one-line summary, what it means, what to do, and the page that documents it
// (docs/diagnostics.md lists them all). A `Code` is made only from an id in this table and only at compile time, so
// a reader cannot emit a code that is not registered: `report.error("unknown-kye", ...)` does not compile.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <type_traits>

namespace caas::util {

enum class Severity { error, warning, info };

struct CodeInfo {
  std::string_view id;  // stable, kebab-case
  Severity severity;    // as the tool reports it
  std::string_view summary;
  std::string_view detail;  // a few sentences
  std::string_view help;    // what to do about it
  std::string_view doc;     // the page that documents it
};

// One row per code, grouped by who reports it. Add a code here, and a line to its page; docs/diagnostics.md's
// table is checked against this one (tests/e2e/docs_test.cpp).
inline constexpr CodeInfo k_codes[] = {
    // Reading any input file: workloads, specs of other formats, rule and price files, configuration.
    {"too-large", Severity::error, "File too large", "The file is larger than the input limit.",
     "Raise --max-file-size (workload files), or split or exclude the file.", "docs/diagnostics.md"},
    {"not-utf8", Severity::error, "Not UTF-8", "The file is not valid UTF-8 text.", "Save the file as UTF-8.",
     "docs/diagnostics.md"},
    {"nul-byte", Severity::error, "A NUL byte", "The file holds a NUL byte, which YAML text cannot hold.",
     "Save the file as UTF-8 text (a NUL usually means a binary file, or UTF-16).", "docs/diagnostics.md"},
    {"yaml-syntax", Severity::error, "Not valid YAML",
     "The file could not be read as YAML (or JSON): the message says what the reader found where.",
     "Fix the syntax at the location given.", "docs/diagnostics.md"},
    {"too-deep", Severity::error, "Nesting too deep", "Maps and lists are nested deeper than the input limit (64).",
     "No file the tool reads is that deep; check the indentation.", "docs/diagnostics.md"},
    {"too-many-nodes", Severity::error, "Document too large",
     "The document holds more nodes than the input limit, counting an alias's whole value each time it is used.",
     "Remove repeated aliases or split the file.", "docs/diagnostics.md"},
    {"multiple-documents", Severity::error, "More than one YAML document",
     "A workload, rule or price file holds exactly one YAML document.", "Split the documents into separate files.",
     "docs/diagnostics.md"},
    {"merge-key", Severity::error, "YAML merge key",
     "Merge keys (<<) are not accepted in the tool's own files (specs of other formats may use them).",
     "Write the keys out.", "docs/diagnostics.md"},
    {"not-a-mapping", Severity::error, "Not a map",
     "The file, or an entry that must be a map of settings, is empty, a list or a single value.",
     "Write it as key: value pairs.", "docs/diagnostics.md"},
    {"duplicate-key", Severity::error, "Duplicate key", "A key appears twice in the same map.", "Keep one of them.",
     "docs/diagnostics.md"},
    {"unknown-key", Severity::error, "Unknown key",
     "The key is not one the file's format knows; a typo would otherwise change the result silently. In a workload, "
     "keys of your own begin with x-.",
     "Use the suggested key (or, in a workload, prefix your own keys with x-).", "docs/diagnostics.md"},
    {"missing-field", Severity::error, "Required field missing", "A required key is not written.",
     "Add the key the message names.", "docs/diagnostics.md"},
    {"bad-type", Severity::error, "Wrong type", "The value is of the wrong shape: a list, a map or a single value.",
     "Write the value in the form the message gives.", "docs/diagnostics.md"},
    {"bad-value", Severity::error, "Invalid value",
     "The value is not one the key accepts: not one of its values, not a number, or out of range.",
     "Use a value of the form, or one of the values, the message gives.", "docs/diagnostics.md"},
    {"bad-boolean", Severity::error, "Not true or false",
     "Booleans are true or false; yes, no, on and off are not accepted.", "Write true or false.",
     "docs/diagnostics.md"},
    {"negative", Severity::error, "Negative value", "Quantities, numbers and prices cannot be negative.",
     "Correct the value.", "docs/diagnostics.md"},
    {"contradiction", Severity::error, "Impossible values",
     "Two values cannot both be true (a typical duration above the maximum, a tier that ends below where it "
     "starts), or a value that must be positive is zero.",
     "Correct the value the message names.", "docs/diagnostics.md"},
    {"bad-version", Severity::error, "Unsupported file version", "A rule or price file says version: 1.",
     "Write version: 1.", "docs/diagnostics.md"},

    // Workload files.
    {"bad-api-version", Severity::error, "Unknown apiVersion", "apiVersion, when present, is caas-advisor/v1.",
     "Write apiVersion: caas-advisor/v1.", "docs/workload-reference.md"},
    {"bad-name", Severity::error, "Invalid name", "A name is 1-63 characters of A-Z a-z 0-9 . _ -.",
     "Rename the workload.", "docs/workload-reference.md"},
    {"missing-unit", Severity::error, "Quantity without a unit",
     "Durations and sizes need a unit (30s, 512MiB); a bare number is not guessed.", "Add the unit.",
     "docs/workload-reference.md"},
    {"bad-unit", Severity::error, "Unknown unit",
     "The unit is not one the value's kind accepts (in a price file: not the unit the cost model prices in).",
     "Use the suggested unit; units are case-sensitive.", "docs/workload-reference.md"},
    {"contradiction-job-requests", Severity::warning, "A job with request traffic",
     "A job runs to completion; its traffic is written as traffic.runs_per_month, not requests_per_month or "
     "peak_rps.",
     "Write traffic.runs_per_month, or change kind if this is not a job.", "docs/workload-reference.md"},
    {"contradiction-job-long-lived-connections", Severity::warning, "A job with long-lived connections",
     "state.long_lived_connections is true on a job, but a job runs to completion.",
     "Remove the field, or change kind if this is a service.", "docs/workload-reference.md"},
    {"contradiction-job-cold-start-sensitive", Severity::warning, "A cold-start-sensitive job",
     "latency.cold_start_sensitive is true on a job, but a job answers no requests.",
     "Remove the field, or change kind if this answers requests.", "docs/workload-reference.md"},
    {"contradiction-runs-per-month", Severity::warning, "Job runs on a workload that is not a job",
     "traffic.runs_per_month counts a job's runs; services, workers and functions count requests.",
     "Write traffic.requests_per_month instead.", "docs/workload-reference.md"},
    {"contradiction-peak-below-average", Severity::warning, "Peak rate below the average rate",
     "traffic.peak_rps is below the average rate that traffic.requests_per_month implies.",
     "Check both numbers: the peak is at least the monthly requests divided by the seconds in a month.",
     "docs/workload-reference.md"},
    {"contradiction-latency-below-duration", Severity::warning, "Latency target below the typical duration",
     "latency.p99 is below execution.duration.typical, so no request can be answered that fast.",
     "Check both durations.", "docs/workload-reference.md"},
    {"contradiction-package-size", Severity::warning, "Package larger than its unpacked contents",
     "package.size (compressed) is above package.unpacked_size.", "Check both sizes.", "docs/workload-reference.md"},

    // Rule files (--rules) and their conditions.
    {"bad-id", Severity::error, "Invalid rule or target id",
     "A rule or target id is kebab-case: a-z, 0-9 and single dashes; no target is called none.",
     "Rename the rule or target.", "docs/rule-language.md"},
    {"duplicate-id", Severity::error, "Defined twice",
     "A rule, target or instance type with this id is already defined in the same file.", "Keep one of them.",
     "docs/rule-language.md"},
    {"unknown-rule", Severity::error, "Unknown rule",
     "A rule or check named by --disable, disable: or a waiver, or disabled by a rule file, is not one the tool "
     "knows.",
     "Use the suggested rule id; `caas-advisor rules list` lists them.", "docs/rule-language.md"},
    {"unknown-target", Severity::error, "Unknown target",
     "A rule names a target that neither the built-in table nor the file defines.",
     "Use a target id of the table, or define the target under targets.", "docs/rule-language.md"},
    {"bad-message", Severity::error, "Invalid rule message",
     "A rule's message names a workload field in braces that does not exist, or leaves a brace open.",
     "Use the suggested field path.", "docs/rule-language.md"},
    {"expr-syntax", Severity::error, "Condition syntax error", "The condition is not valid in the rule language.",
     "Fix the condition at the place given.", "docs/rule-language.md"},
    {"expr-type", Severity::error, "Condition type error",
     "The condition compares or combines values of kinds that do not go together.",
     "Compare values of one kind, as the message says.", "docs/rule-language.md"},
    {"expr-unit", Severity::error, "Unit error in a condition",
     "A number in the condition has a unit the language does not know, or a space before it.",
     "Use a known unit, written right after the number.", "docs/rule-language.md"},
    {"expr-missing-unit", Severity::error, "Quantity without a unit in a condition",
     "The condition compares a duration or size with a bare number.", "Give the number a unit.",
     "docs/rule-language.md"},
    {"expr-unknown-path", Severity::error, "Unknown field in a condition",
     "The condition reads a field that the workload format does not have.", "Use the suggested field path.",
     "docs/rule-language.md"},
    {"expr-unknown-value", Severity::error, "Unknown value in a condition",
     "The condition compares an enumerated field with a value it cannot hold.", "Use one of the values listed.",
     "docs/rule-language.md"},
    {"expr-call", Severity::error, "Invalid function call in a condition",
     "The condition calls a function that does not exist, or with the wrong arguments.",
     "See the functions in the rule language.", "docs/rule-language.md"},
    {"expr-limit", Severity::error, "Condition too large",
     "The condition is longer or nested deeper than the rule language allows.", "Split the rule.",
     "docs/rule-language.md"},

    // Specs of other formats (serverless.yml, SAM, CloudFormation, compose, Kubernetes, ECS).
    {"template-not-yaml", Severity::error, "A template, not YAML",
     "The file holds template placeholders ({{ }}), as a Helm chart does; it is YAML only once rendered.",
     "Render it first (helm template) and give the tool the output.", "docs/importers.md"},
    {"no-workloads", Severity::error, "Nothing that runs code",
     "A spec named on the command line is recognised, but holds nothing that runs code to advise on.",
     "Name the file that defines the functions, services or tasks.", "docs/importers.md"},
    {"unresolved-functions", Severity::error, "Functions defined elsewhere",
     "A serverless.yml takes its functions from another file or a variable the tool does not read.",
     "Import the file that defines them.", "docs/importers.md"},
    {"event-without-type", Severity::error, "Event without a Type", "A SAM function event has no Type.",
     "Add the event's Type.", "docs/importers.md"},
    {"unknown-event-type", Severity::error, "Unknown event type", "A SAM function event has a Type SAM does not know.",
     "Use one of the event types the message lists.", "docs/importers.md"},
    {"schedule-state-and-enabled", Severity::error, "Schedule with both State and Enabled",
     "A SAM schedule event sets both State and Enabled; SAM accepts only one.", "Keep one of them.",
     "docs/importers.md"},
    {"function-without-runtime", Severity::error, "Function without a runtime",
     "A Lambda function has neither a Runtime nor PackageType: Image, so Lambda cannot run its code.",
     "Add the Runtime (or the image).", "docs/importers.md"},
    {"unresolved-value", Severity::warning, "Value not resolved",
     "The value is a variable or an intrinsic function that cannot be resolved from this file; the field is left "
     "unknown.",
     "Fill in the field in the imported workload if it matters.", "docs/importers.md"},
    {"unreadable-value", Severity::warning, "Value not understood",
     "The value is not of the form the format defines (a size, a number of seconds); the field is left unknown.",
     "Check the value in the original file.", "docs/importers.md"},
    {"unreadable-schedule", Severity::warning, "Schedule not understood",
     "The schedule is not a rate(...) or cron(...) expression the tool reads; runs per month are left unknown.",
     "Write traffic.runs_per_month in the imported workload.", "docs/importers.md"},
    {"not-aws", Severity::warning, "Provider is not AWS",
     "The serverless.yml's provider is not AWS, so where the function runs today is left unknown.",
     "Nothing, if that is intended.", "docs/importers.md"},
    {"gpu-count-all", Severity::warning, "All GPUs reserved",
     "A compose service reserves all of the host's GPUs; it is imported as 1 GPU.",
     "Set resources.gpu to the number it needs.", "docs/importers.md"},
    {"daemonset", Severity::warning, "A DaemonSet",
     "A DaemonSet runs one copy on every node of a cluster; as a workload of its own it is advised as one instance.",
     "Nothing, if one copy is what should be advised on.", "docs/importers.md"},

    // AWS Price List files (`pricing import`).
    {"price-list-syntax", Severity::error, "Not a readable Price List file",
     "A file given to pricing import is not valid JSON or CSV where the message says: cut short, not JSON, a "
     "broken quote.",
     "Download the file again (a cut-short download is the usual cause) and import the whole file.",
     "docs/cost-model.md"},
    {"price-list-shape", Severity::error, "Not shaped like a Price List file",
     "The file is JSON or CSV, but not an AWS Price List offer file or the output of aws pricing get-products: a "
     "field is missing or of the wrong kind, or the CSV has no header row.",
     "Give an offer file (index.json or index.csv) or the JSON that aws pricing get-products prints.",
     "docs/cost-model.md"},
    {"price-list-offer", Severity::error, "An offer the importer does not read",
     "The file is another service's offer (AmazonS3, AmazonRDS...): the cost model prices only Lambda, Fargate, EC2, "
     "load balancers, API Gateway, data transfer and public addresses.",
     "Give the AWSLambda, AmazonECS, AmazonEC2, AWSELB, AmazonApiGateway, AWSDataTransfer or AmazonVPC file.",
     "docs/cost-model.md"},
    {"price-list-too-long", Severity::error, "A string or line too long",
     "A JSON string or a CSV line of a Price List file is longer than the importer's limit (1 MiB); no real "
     "Price List value comes near it.",
     "Check that the file is a Price List file, and download it again.", "docs/cost-model.md"},
    {"price-list-empty", Severity::warning, "Nothing the cost model uses",
     "The Price List file holds no price the cost model uses (only reserved terms, other tenancies, other "
     "products...).",
     "Give the offer file of the service and region you want priced.", "docs/cost-model.md"},

    // The command line: files and folders.
    {"not-a-workload", Severity::error, "Not a workload file",
     "A file named on the command line is neither a workload (apiVersion: caas-advisor/v1, or a workload kind with "
     "a name) nor a spec of a format the tool imports.",
     "Name only workload files and specs, or add apiVersion: caas-advisor/v1.", "docs/diagnostics.md"},
    {"almost-a-workload", Severity::error, "Looks like a workload, but is not one",
     "A file is not read as a workload, but looks as if it was meant to be one: it has no apiVersion and a workload "
     "kind in the wrong case (Service), a workload kind without a name, or a key only workloads have (runs_on, "
     "execution, traffic). It is an error, not a skipped file, so a typo never makes a check pass with nothing "
     "checked.",
     "Fix what the message names (the hint says how), or exclude the file if it is not a workload.",
     "docs/diagnostics.md"},
    {"no-workload-in-folder", Severity::error, "No workload in a folder",
     "A folder named on the command line holds no workload and no spec the tool imports, so nothing would be "
     "checked. The message counts the files skipped and why: YAML that is not a workload, files left out by "
     "--include or --exclude, files that are not YAML or JSON, symbolic links.",
     "Name the folder that holds the workload files, check --include and --exclude, or add apiVersion: "
     "caas-advisor/v1 to the workload files.",
     "docs/diagnostics.md"},
    {"unreadable-file", Severity::error, "File could not be read", "The file could not be opened or read.",
     "Check the path and its permissions.", "docs/diagnostics.md"},
    {"unreadable-path", Severity::error, "Path could not be read",
     "A path named on the command line does not exist or could not be read.", "Check the path.", "docs/diagnostics.md"},
    {"not-a-report", Severity::error, "Not a report diff can read",
     "A JSON file given to diff as a side is read as a report written with -f json (schema "
     "caas-advisor/report/v1); this one names another schema.",
     "Give diff a report written with -f json by this version, a workload file or a folder.", "docs/diff.md"},
    {"error-in-report", Severity::error, "A file the report could not evaluate",
     "A JSON report read as a side of diff records that this file could not be evaluated when the report was "
     "written, so its workloads are not compared.",
     "Fix the file and write the report again, or compare the files themselves.", "docs/diff.md"},
    {"internal-error", Severity::error, "Internal error",
     "caas-advisor failed on this input because of a bug in caas-advisor.", "Report it with the input that caused it.",
     "docs/diagnostics.md"},

    // Findings of `check` and of the cost model.
    {"check-no-feasible-target", Severity::error, "No target can run this workload",
     "Every target is ruled out by at least one hard limit or policy rule.",
     "Read the blockers of each target; change the workload (or the policy) so that at least one target fits.",
     "docs/ci.md"},
    {"check-runs-on-infeasible", Severity::error, "The target named in runs_on cannot run this workload",
     "The workload names a target in runs_on that a hard limit or policy rule rules out.",
     "Move the workload to a feasible target, or change what it needs so that the blocking rules no longer apply.",
     "docs/ci.md"},
    {"check-runs-on-not-recommended", Severity::warning, "runs_on is feasible but not the recommendation",
     "The target named in runs_on can run the workload, but another target scores higher; the message gives the "
     "score gap and the monthly cost difference.",
     "Consider the recommended target, or record why runs_on is the better choice for this workload.", "docs/ci.md"},
    {"check-no-runs-on", Severity::info, "No runs_on to judge",
     "The workload does not name the target it runs on, so check can only report the advice.",
     "Add runs_on: ec2, fargate or lambda to have the choice judged.", "docs/ci.md"},
    {"unknown-region", Severity::error, "Unknown region",
     "A workload, --region or a project configuration names a region the price table has no prices for (a misspelt "
     "code, or a region that is not built in); the run stops rather than report without costs.",
     "Use a region that caas-advisor pricing regions lists (the message suggests the nearest), or import the "
     "region's prices from AWS's Price List files with caas-advisor pricing import and pass them with --pricing.",
     "docs/cost-model.md"},
    // Accepted exceptions, baselines and the project configuration (docs/config.md).
    {"waiver-expired", Severity::warning, "Waiver expired",
     "A waiver's expires date has passed: it no longer waives its finding, which counts again.",
     "Fix the finding, or renew the waiver with a new date and a reason that still holds.", "docs/config.md"},
    {"waiver-stale", Severity::warning, "Waiver matches nothing",
     "A waiver names a rule or check that no longer reports a finding on the workloads it names.",
     "Remove the waiver (the finding it accepted is gone).", "docs/config.md"},
    {"bad-baseline", Severity::error, "Not a caas-advisor JSON report",
     "The baseline (--baseline, or baseline: in the configuration) is not a JSON report written by caas-advisor "
     "(-f json=FILE): it lacks the report's tool, schema or results.",
     "Write the baseline with `caas-advisor check ... -f json=FILE` and commit that file.", "docs/config.md"},
    {"no-prices-for-region", Severity::warning, "No prices for the region",
     "The price table has no prices for the workload's region, so costs are left out of the ranking.",
     "Use a region the price table has, or add its prices with --pricing.", "docs/diagnostics.md"},
};

namespace detail {
static_assert(std::size(k_codes) <= 0xFFFF, "Code keeps its index in 16 bits");
consteval std::uint16_t code_index(std::string_view id) {
  for (std::size_t i = 0; i < std::size(k_codes); ++i)
    if (k_codes[i].id == id) return static_cast<std::uint16_t>(i);
  // Not a constant expression, so the compiler stops here: the code is not in k_codes.
  throw "not a registered diagnostic code: add it to k_codes in caas/util/codes.hpp";
}
}  // namespace detail

// A registered diagnostic code. Made from a string literal at compile time only; a literal that is not an id of
// k_codes is a compile error. A default-made Code is internal-error: a diagnostic must say what it is.
class Code {
 public:
  constexpr Code() : m_index(detail::code_index("internal-error")) {}
  // NOLINTNEXTLINE(google-explicit-constructor): the point is that a literal reads as a checked code.
  consteval Code(const char* id) : m_index(detail::code_index(id)) {}

  constexpr std::string_view id() const { return k_codes[m_index].id; }
  constexpr const CodeInfo& info() const { return k_codes[m_index]; }
  constexpr Severity severity() const { return k_codes[m_index].severity; }

  friend constexpr bool operator==(const Code& code, std::string_view id) { return code.id() == id; }
  template <class Other>
  requires std::is_same_v<Other, Code>
  friend constexpr bool operator==(const Code& a, const Other& b) { return a.m_index == b.m_index; }

 private:
  std::uint16_t m_index;
};

// An id checked against the table at compile time, as text (for findings, whose ids are rule ids or these).
consteval std::string_view registered(const char* id) { return Code(id).id(); }

// The row of an id known only at run time (a finding's rule id), or nullptr when it is not a registered code.
constexpr const CodeInfo* find_code(std::string_view id) {
  for (const auto& row : k_codes)
    if (row.id == id) return &row;
  return nullptr;
}

}  // namespace caas::util

// SARIF 2.1.0 as GitHub code scanning ingests it: one run; results for findings and input errors, errors and
// warnings written as they arrive, notes after them; then the driver, declaring every ruleId the results used, and
// the invocation with the exit code (JSON objects are unordered, so the run's keys may come in this order). GitHub
// rejects a run of more than 25,000 results, so a run holds at most that many, errors and warnings first, and the
// invocation says how many were left out. Memory holds the rules seen and at most 25,000 notes.
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <set>

#include "caas/util/codes.hpp"
#include "configured_values.hpp"
#include "json_writer.hpp"
#include "renderers.hpp"
#include "sarif_support.hpp"

namespace caas::report {

namespace {

constexpr std::string_view k_sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view k_fingerprint_key = "caasAdvisor/v1";

// A rule as the driver declares it.
struct DeclaredRule {
  std::string id;
  std::string summary;
  std::string detail;
  std::string help;
  std::string help_uri;  // empty when the source is not a web address
  util::Severity severity = util::Severity::info;
};

std::string_view level_of(util::Severity severity) {
  switch (severity) {
    case util::Severity::error: return "error";
    case util::Severity::warning: return "warning";
    case util::Severity::info: return "note";
  }
  return "note";
}

bool is_web_address(std::string_view text) { return text.substr(0, 8) == "https://" || text.substr(0, 7) == "http://"; }

// A rule-table id: described from the reason that carries it (its message and source).
DeclaredRule describe_table_rule(const model::Finding& finding, const model::Recommendation& recommendation) {
  DeclaredRule rule{finding.rule, "Rule " + finding.rule + " of the rule table", {}, {}, {}, finding.severity};
  const model::Reason* reason = nullptr;
  for (const auto& target : recommendation.ranking)
    for (const auto& r : target.reasons)
      if (reason == nullptr && r.rule == finding.rule) reason = &r;
  rule.detail = "A " + std::string(reason ? model::to_string(reason->effect) : "note") +
                " rule of the rule table; on the first workload it fired for it said: " + finding.message;
  rule.help = "See `caas-advisor rules show " + finding.rule + "` for its condition and message.";
  if (reason != nullptr && !reason->source.empty()) {
    rule.help += " Source: " + reason->source;
    if (is_web_address(reason->source)) rule.help_uri = reason->source;
  }
  return rule;
}

DeclaredRule describe_code(std::string_view id, util::Severity severity) {
  if (const auto* row = util::find_code(id))
    return {std::string(id), std::string(row->summary), std::string(row->detail), std::string(row->help), {},
            row->severity};
  return {std::string(id),
          "Problem " + std::string(id),
          "caas-advisor reported " + std::string(id) + ".",
          "Read the message at the location given.",
          {},
          severity};
}

class SarifRenderer final : public Renderer {
 public:
  explicit SarifRenderer(std::ostream& out) : m_out(out), m_json(out) {}

  void begin(const ToolInfo& tool) override {
    m_tool = tool;
    m_json.begin_object();
    m_json.key("$schema");
    m_json.string(k_sarif_schema);
    m_json.key("version");
    m_json.string("2.1.0");
    m_json.key("runs");
    m_json.begin_array();
    m_json.begin_object();
    m_json.key("results");
    m_json.begin_array();
  }

  void result(const model::Recommendation& recommendation) override {
    m_configured.add(recommendation);
    for (const auto& finding : recommendation.findings) {
      const int index = rule_index(finding.rule, [&] {
        return util::find_code(finding.rule) ? describe_code(finding.rule, finding.severity)
                                             : describe_table_rule(finding, recommendation);
      });
      const std::string file = finding.file.empty() ? recommendation.file : finding.file;
      add_result({finding.rule, index, finding.severity, finding.message, file, finding.line, finding.column,
                  fingerprint_of({finding.rule, file, recommendation.name, finding.field}), recommendation.name,
                  finding.field, finding.status, finding.waiver_reason, finding.waiver_at});
    }
  }

  void error(const util::Diagnostic& error) override {
    const std::string id(error.code.id());
    const int index = rule_index(id, [&] { return describe_code(id, util::Severity::error); });
    std::string message = error.message;
    if (!error.hint.empty()) message += "; " + error.hint;
    add_result({id,
                index,
                error.severity,
                message,
                error.where.file,
                error.where.line,
                error.where.column,
                fingerprint_of({id, error.where.file, {}, error.message}),
                {},
                {}});
  }

  void finish(const Summary& summary) override {
    for (const auto& note : m_notes) {
      if (m_written < k_sarif_max_results) {
        write_result(note.view());
        ++m_written;
      } else {
        ++m_left_out[static_cast<std::size_t>(util::Severity::info)];
      }
    }
    m_notes.clear();
    m_json.end_array();  // results
    write_tool();
    m_json.key("invocations");
    m_json.begin_array();
    m_json.begin_object();
    m_json.key("executionSuccessful");
    // Exit 1 means findings: the tool did its work. 2 means some input could not be evaluated, 3 a bug.
    m_json.boolean(summary.exit_code <= 1);
    m_json.key("exitCode");
    m_json.integer(summary.exit_code);
    write_left_out();
    write_configured();
    m_json.end_object();
    m_json.end_array();
    m_json.key("properties");
    write_summary(summary);
    m_json.end_object();  // the run
    m_json.end_array();   // runs
    m_json.end_object();
    m_out << '\n';
    m_out.flush();
  }

 private:
  struct SarifResult {
    std::string_view rule;
    int index;
    util::Severity severity;
    std::string_view message;
    std::string_view file;
    int line;
    int column;
    std::string fingerprint;
    std::string_view workload;
    std::string_view field;
    model::FindingStatus status = model::FindingStatus::open;
    std::string_view waiver_reason = std::string_view();
    std::string_view waiver_at = std::string_view();
  };

  // A result kept for later (a note), owning its text.
  struct HeldResult {
    std::string rule;
    int index;
    util::Severity severity;
    std::string message;
    std::string file;
    int line;
    int column;
    std::string fingerprint;
    std::string workload;
    std::string field;
    model::FindingStatus status = model::FindingStatus::open;
    std::string waiver_reason = std::string();
    std::string waiver_at = std::string();
    SarifResult view() const {
      return {rule,        index,    severity, message, file,          line,     column,
              fingerprint, workload, field,    status,  waiver_reason, waiver_at};
    }
  };

  // Errors and warnings are written at once while the run has room; notes wait for the room errors and warnings
  // leave, so that the cap never drops an error for a note.
  void add_result(const SarifResult& r) {
    if (r.severity == util::Severity::info) {
      if (m_notes.size() + m_written < k_sarif_max_results)
        m_notes.push_back({std::string(r.rule), r.index, r.severity, std::string(r.message), std::string(r.file),
                           r.line, r.column, r.fingerprint, std::string(r.workload), std::string(r.field), r.status,
                           std::string(r.waiver_reason), std::string(r.waiver_at)});
      else
        ++m_left_out[static_cast<std::size_t>(r.severity)];
      return;
    }
    if (m_written >= k_sarif_max_results) {
      ++m_left_out[static_cast<std::size_t>(r.severity)];
      return;
    }
    // An error or warning takes the place of the last note held, when the run is full.
    if (m_written + m_notes.size() >= k_sarif_max_results && !m_notes.empty()) {
      m_notes.pop_back();
      ++m_left_out[static_cast<std::size_t>(util::Severity::info)];
    }
    write_result(r);
    ++m_written;
  }

  void write_left_out() {
    const auto errors = m_left_out[static_cast<std::size_t>(util::Severity::error)];
    const auto warnings = m_left_out[static_cast<std::size_t>(util::Severity::warning)];
    const auto notes = m_left_out[static_cast<std::size_t>(util::Severity::info)];
    if (errors + warnings + notes == 0) return;
    m_json.key("toolExecutionNotifications");
    m_json.begin_array();
    m_json.begin_object();
    m_json.key("level");
    m_json.string("warning");
    m_json.key("message");
    m_json.begin_object();
    m_json.key("text");
    m_json.string(std::to_string(errors + warnings + notes) + " results were left out (" + std::to_string(errors) +
                  " errors, " + std::to_string(warnings) + " warnings, " + std::to_string(notes) +
                  " notes): GitHub code scanning rejects a run of more than " + std::to_string(k_sarif_max_results) +
                  " results, so this run keeps that many, errors and warnings first. The JSON report holds them all.");
    m_json.end_object();
    m_json.end_object();
    m_json.end_array();
  }

  // The values the project configuration filled in, each a note located at its line there (docs/config.md).
  void write_configured() {
    if (m_configured.empty()) return;
    m_json.key("toolConfigurationNotifications");
    m_json.begin_array();
    for (const auto& value : m_configured.values()) {
      m_json.begin_object();
      m_json.key("level");
      m_json.string("note");
      m_json.key("descriptor");
      m_json.begin_object();
      m_json.key("id");
      m_json.string("configured-value");
      m_json.end_object();
      m_json.key("message");
      m_json.begin_object();
      m_json.key("text");
      m_json.string("from the project configuration: " + describe(value));
      m_json.end_object();
      write_locations(value.file, value.line, 0);
      m_json.end_object();
    }
    m_json.end_array();
  }

  // "locations": one place in a file; the column only when there is one (0: a whole line).
  void write_locations(std::string_view file, int line, int column) {
    m_json.key("locations");
    m_json.begin_array();
    m_json.begin_object();
    m_json.key("physicalLocation");
    m_json.begin_object();
    m_json.key("artifactLocation");
    write_artifact_location(m_json, file);
    m_json.key("region");
    m_json.begin_object();
    m_json.key("startLine");
    m_json.integer(std::max(line, 1));
    if (column > 0) {
      m_json.key("startColumn");
      m_json.integer(column);
    }
    m_json.end_object();
    m_json.end_object();
    m_json.end_object();
    m_json.end_array();
  }

  template <typename Describe>
  int rule_index(const std::string& id, Describe describe) {
    const auto [it, added] = m_rule_indexes.try_emplace(id, static_cast<int>(m_rules.size()));
    if (added) m_rules.push_back(describe());
    return it->second;
  }

  // Stable under reformatting: no line numbers. The same key twice in one file is told apart by its count.
  std::string fingerprint_of(const FingerprintKey& key) {
    if (key.file != m_fingerprint_file) {
      m_fingerprint_file = key.file;
      m_seen_in_file.clear();
    }
    const int occurrence = ++m_seen_in_file[fingerprint_text(key)];
    return fingerprint(key, occurrence);
  }

  void write_result(const SarifResult& r) {
    m_json.begin_object();
    m_json.key("ruleId");
    m_json.string(r.rule);
    m_json.key("ruleIndex");
    m_json.integer(r.index);
    m_json.key("level");
    m_json.string(level_of(r.severity));
    m_json.key("message");
    m_json.begin_object();
    m_json.key("text");
    m_json.string(r.message);
    m_json.end_object();
    write_locations(r.file, r.line, std::max(r.column, 1));
    m_json.key("partialFingerprints");
    m_json.begin_object();
    m_json.key(k_fingerprint_key);
    m_json.string(r.fingerprint);
    m_json.end_object();
    // A waiver is a suppression (in the workload file itself, or in the project configuration); a baseline's
    // judgement is the result's baselineState.
    if (r.status == model::FindingStatus::waived) {
      const bool in_source = r.waiver_at.rfind(std::string(r.file) + ":", 0) == 0;
      m_json.key("suppressions");
      m_json.begin_array();
      m_json.begin_object();
      m_json.key("kind");
      m_json.string(in_source ? "inSource" : "external");
      m_json.key("status");
      m_json.string("accepted");
      m_json.key("justification");
      m_json.string(std::string(r.waiver_reason) + " (" + std::string(r.waiver_at) + ")");
      m_json.end_object();
      m_json.end_array();
    }
    if (r.status == model::FindingStatus::known || r.status == model::FindingStatus::new_finding) {
      m_json.key("baselineState");
      m_json.string(r.status == model::FindingStatus::known ? "unchanged" : "new");
    }
    if (!r.workload.empty() || !r.field.empty()) {
      m_json.key("properties");
      m_json.begin_object();
      m_json.key("workload");
      m_json.string_or_null(r.workload);
      m_json.key("field");
      m_json.string_or_null(r.field);
      m_json.end_object();
    }
    m_json.end_object();
  }

  void write_tool() {
    m_json.key("tool");
    m_json.begin_object();
    m_json.key("driver");
    m_json.begin_object();
    m_json.key("name");
    m_json.string(m_tool.name.empty() ? "caas-advisor" : m_tool.name);
    m_json.key("version");
    m_json.string(m_tool.version);
    m_json.key("semanticVersion");
    m_json.string(m_tool.version);
    m_json.key("rules");
    m_json.begin_array();
    for (const auto& rule : m_rules) write_rule(rule);
    m_json.end_array();
    m_json.key("properties");
    m_json.begin_object();
    m_json.key("rules_version");
    m_json.string(m_tool.rules_version);
    m_json.key("pricing_date");
    m_json.string(m_tool.pricing_date);
    m_json.end_object();
    m_json.end_object();
    m_json.end_object();
  }

  void write_rule(const DeclaredRule& rule) {
    auto text = [this](std::string_view key, std::string_view value) {
      m_json.key(key);
      m_json.begin_object();
      m_json.key("text");
      m_json.string(value);
      m_json.end_object();
    };
    m_json.begin_object();
    m_json.key("id");
    m_json.string(rule.id);
    text("shortDescription", rule.summary);
    text("fullDescription", rule.detail);
    m_json.key("help");
    m_json.begin_object();
    m_json.key("text");
    m_json.string(rule.help);
    m_json.key("markdown");
    m_json.string("**" + rule.summary + "**\n\n" + rule.help);
    m_json.end_object();
    if (!rule.help_uri.empty()) {
      m_json.key("helpUri");
      m_json.string(rule.help_uri);
    }
    m_json.key("defaultConfiguration");
    m_json.begin_object();
    m_json.key("level");
    m_json.string(level_of(rule.severity));
    m_json.end_object();
    m_json.end_object();
  }

  void write_summary(const Summary& summary) {
    m_json.begin_object();
    m_json.key("files");
    m_json.integer(summary.files);
    m_json.key("skipped");
    m_json.integer(summary.skipped);
    m_json.key("workloads");
    m_json.integer(summary.workloads);
    m_json.key("errors");
    m_json.integer(summary.errors);
    m_json.end_object();
  }

  std::ostream& m_out;
  JsonWriter m_json;
  ToolInfo m_tool;
  std::vector<DeclaredRule> m_rules;  // in order of first use: ruleIndex is the position here
  std::map<std::string, int> m_rule_indexes;
  std::string m_fingerprint_file;
  std::map<std::string, int> m_seen_in_file;
  std::deque<HeldResult> m_notes;           // notes waiting for the room errors and warnings leave
  std::size_t m_written = 0;                // results written so far
  std::array<std::size_t, 3> m_left_out{};  // by severity
  ConfiguredValues m_configured;
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer(std::ostream& out, const RenderOptions& /*options*/) {
  return std::make_unique<SarifRenderer>(out);
}

}  // namespace caas::report

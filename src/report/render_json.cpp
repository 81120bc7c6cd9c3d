// The JSON report (cli-v1 "JSON report"): keys in the contract's order, extras only after the required ones.
// Streamed: the head in begin, one object per result, then the (few) buffered errors and the summary in finish.
#include <cmath>
#include <optional>

#include "json_sections.hpp"
#include "json_writer.hpp"
#include "renderers.hpp"

namespace caas::report {

void write_assumption(JsonWriter& json, const model::Assumption& assumption) {
  json.begin_object();
  json.key("field");
  json.string(assumption.field);
  json.key("value");
  json.string(assumption.value);
  json.key("why");
  json.string(assumption.why);
  json.end_object();
}

void write_cost(JsonWriter& json, const std::optional<model::CostEstimate>& cost) {
  if (!cost) return json.null();
  json.begin_object();
  json.key("items");
  json.begin_array();
  for (const auto& item : cost->items) {
    json.begin_object();
    json.key("item");
    json.string(item.item);
    json.key("quantity");
    json.number(item.quantity);
    json.key("unit");
    json.string(item.unit);
    json.key("unit_price_usd");
    json.number(item.unit_price_usd);  // exactly as in the price data, never rounded
    json.key("usd");
    json.fixed2(item.usd);
    json.end_object();
  }
  json.end_array();
  json.key("summary");
  json.string_or_null(cost->summary);
  json.key("assumptions");
  json.begin_array();
  for (const auto& assumption : cost->assumptions) write_assumption(json, assumption);
  json.end_array();
  json.end_object();
}

namespace {

constexpr std::string_view k_schema = "caas-advisor/report/v1";

void write_string_array(JsonWriter& json, const std::vector<std::string>& items) {
  json.begin_array();
  for (const auto& item : items) json.string(item);
  json.end_array();
}

// An extra key for imported workloads (docs/importers.md): the source format, where each value came from, and what
// the file does not say.
void write_imported(JsonWriter& json, const model::Recommendation& recommendation) {
  json.key("imported");
  json.begin_object();
  json.key("format");
  json.string(recommendation.source_format);
  json.key("fields");
  json.begin_array();
  for (const auto& p : recommendation.imported) {
    json.begin_object();
    json.key("field");
    json.string(p.field);
    json.key("value");
    json.string(p.value);
    json.key("from");
    json.string(p.original_key);
    json.key("line");
    json.number(p.line);
    json.key("column");
    json.number(p.column);
    json.key("note");
    json.string_or_null(p.note);
    json.end_object();
  }
  json.end_array();
  json.key("unknown");
  write_string_array(json, recommendation.unknown);
  json.end_object();
}

// An extra key: the values the workload's file writes, as written, so that `diff` can name the inputs that changed
// between two reports.
void write_inputs(JsonWriter& json, const model::Recommendation& recommendation) {
  json.key("inputs");
  json.begin_array();
  for (const auto& input : recommendation.inputs) {
    json.begin_object();
    json.key("field");
    json.string(input.field);
    json.key("value");
    json.string(input.value);
    json.key("line");
    json.integer_or_null(input.line);
    json.key("column");
    json.integer_or_null(input.column);
    json.end_object();
  }
  json.end_array();
}

// Reasons and blockers share their head; only reasons carry effect and weight.
enum class ReasonKind { reason, blocker };

void write_reason(JsonWriter& json, const model::Reason& reason, ReasonKind kind) {
  json.begin_object();
  json.key("rule");
  json.string(reason.rule);
  if (kind == ReasonKind::reason) {
    json.key("effect");
    json.string(model::to_string(reason.effect));
    json.key("weight");
    // A weight only means something for prefer and avoid; rounded like scores, since the cost term's is computed.
    if (reason.effect == model::Effect::prefer || reason.effect == model::Effect::avoid) {
      json.number(std::round(reason.weight * 100.0) / 100.0);
    } else {
      json.null();
    }
  }
  json.key("message");
  json.string(reason.message);
  json.key("source");
  json.string_or_null(reason.source);
  json.key("fields");
  write_string_array(json, reason.fields);
  json.key("line");
  json.integer_or_null(reason.line);
  json.key("column");
  json.integer_or_null(reason.column);
  json.end_object();
}

void write_target(JsonWriter& json, const model::TargetResult& result) {
  json.begin_object();
  json.key("target");
  json.string(result.target.id);
  json.key("rank");
  json.integer(result.rank);
  json.key("feasible");
  json.boolean(result.feasible);
  json.key("score");
  if (result.feasible)
    json.fixed2(result.score);
  else
    json.null();
  json.key("ops_burden");
  json.integer(result.target.ops_burden);
  json.key("monthly_cost_usd");
  if (result.cost)
    json.fixed2(result.cost->monthly_usd);
  else
    json.null();
  json.key("cost");
  write_cost(json, result.cost);
  json.key("reasons");
  json.begin_array();
  for (const auto& reason : result.reasons) write_reason(json, reason, ReasonKind::reason);
  json.end_array();
  json.key("blockers");
  json.begin_array();
  for (const auto& blocker : result.blockers) write_reason(json, blocker, ReasonKind::blocker);
  json.end_array();
  // Extras, after the required keys.
  json.key("target_name");
  json.string_or_null(result.target.name);
  json.key("cost_points");
  if (result.feasible)
    json.fixed2(result.cost_points);
  else
    json.null();
  json.key("cost_unknown_reason");
  if (result.cost)
    json.null();
  else
    json.string_or_null(result.cost_unknown_reason);
  json.end_object();
}

void write_change(JsonWriter& json, const model::Change& change) {
  json.begin_object();
  json.key("kind");
  json.string(change.kind);
  json.key("target");
  json.string_or_null(change.target);
  json.key("field");
  json.string_or_null(change.field);
  json.key("value");
  json.string_or_null(change.value);
  json.key("message");
  json.string(change.message);
  json.end_object();
}

void write_finding(JsonWriter& json, const model::Finding& finding) {
  json.begin_object();
  json.key("severity");
  json.string(util::to_string(finding.severity));
  json.key("rule");
  json.string_or_null(finding.rule);
  json.key("message");
  json.string(finding.message);
  json.key("file");
  json.string_or_null(finding.file);
  json.key("line");
  json.integer_or_null(finding.line);
  json.key("column");
  json.integer_or_null(finding.column);
  json.key("field");
  json.string_or_null(finding.field);
  json.key("status");
  json.string(model::to_string(finding.status));
  json.key("waiver");
  if (finding.status == model::FindingStatus::waived) {
    json.begin_object();
    json.key("reason");
    json.string(finding.waiver_reason);
    json.key("at");
    json.string(finding.waiver_at);
    json.end_object();
  } else {
    json.null();
  }
  json.end_object();
}

void write_error(JsonWriter& json, const util::Diagnostic& error) {
  json.begin_object();
  json.key("file");
  json.string_or_null(error.where.file);
  json.key("line");
  json.integer_or_null(error.where.line);
  json.key("column");
  json.integer_or_null(error.where.column);
  json.key("message");
  json.string(error.message);
  json.key("code");
  json.string(error.code.id());
  json.key("hint");
  json.string_or_null(error.hint);
  json.key("severity");
  json.string(util::to_string(error.severity));
  json.end_object();
}

void write_summary(JsonWriter& json, const Summary& summary) {
  json.begin_object();
  json.key("files");
  json.integer(summary.files);
  json.key("skipped");
  json.integer(summary.skipped);
  json.key("workloads");
  json.integer(summary.workloads);
  json.key("errors");
  json.integer(summary.errors);
  json.key("by_target");
  json.begin_object();
  for (const auto& target : summary.by_target) {
    json.key(target.id);
    json.integer(target.workloads);
  }
  json.key("none");
  json.integer(summary.by_none);
  json.end_object();
  json.key("exit_code");
  json.integer(summary.exit_code);
  json.key("skipped_files");
  write_string_array(json, summary.skipped_files);
  json.key("waived");
  json.integer(summary.findings.waived);
  json.key("known");
  json.integer(summary.findings.known);
  json.key("baseline");
  if (summary.baseline) {
    json.begin_object();
    json.key("new");
    json.integer(summary.new_findings);
    json.key("known");
    json.integer(summary.findings.known);
    json.key("fixed");
    json.integer(summary.fixed);
    json.end_object();
  } else {
    json.null();
  }
  json.key("warnings");
  json.begin_array();
  for (const auto& warning : summary.warnings) write_error(json, warning);
  json.end_array();
  json.end_object();
}

class JsonRenderer final : public Renderer {
 public:
  explicit JsonRenderer(std::ostream& out) : m_out(out), m_json(out) {}

  void begin(const ToolInfo& tool) override {
    m_json.begin_object();
    m_json.key("schema");
    m_json.string(k_schema);
    m_json.key("tool");
    m_json.begin_object();
    m_json.key("name");
    m_json.string(tool.name);
    m_json.key("version");
    m_json.string(tool.version);
    m_json.key("rules_version");
    m_json.string(tool.rules_version);
    m_json.key("pricing_date");
    m_json.string(tool.pricing_date);
    m_json.end_object();
    m_json.key("results");
    m_json.begin_array();
  }

  void result(const model::Recommendation& recommendation) override {
    m_json.begin_object();
    m_json.key("workload");
    m_json.begin_object();
    m_json.key("name");
    m_json.string(recommendation.name);
    m_json.key("file");
    m_json.string(recommendation.file);
    m_json.end_object();
    m_json.key("recommendation");
    if (recommendation.recommended)
      m_json.string(*recommendation.recommended);
    else
      m_json.null();
    m_json.key("ranking");
    m_json.begin_array();
    for (const auto& target : recommendation.ranking) write_target(m_json, target);
    m_json.end_array();
    m_json.key("assumptions");
    m_json.begin_array();
    for (const auto& assumption : recommendation.assumptions) write_assumption(m_json, assumption);
    m_json.end_array();
    m_json.key("what_would_change");
    m_json.begin_array();
    for (const auto& change : recommendation.what_would_change) write_change(m_json, change);
    m_json.end_array();
    m_json.key("findings");
    m_json.begin_array();
    for (const auto& finding : recommendation.findings) write_finding(m_json, finding);
    m_json.end_array();
    write_inputs(m_json, recommendation);
    if (!recommendation.source_format.empty()) write_imported(m_json, recommendation);
    m_json.end_object();
  }

  // Errors come after the results in the document; they are few, so they wait here.
  void error(const util::Diagnostic& error) override { m_errors.push_back(error); }

  void finish(const Summary& summary) override {
    m_json.end_array();  // results
    m_json.key("errors");
    m_json.begin_array();
    for (const auto& error : m_errors) write_error(m_json, error);
    m_json.end_array();
    m_json.key("summary");
    write_summary(m_json, summary);
    m_json.end_object();
    m_out << '\n';
    m_out.flush();
  }

 private:
  std::ostream& m_out;
  JsonWriter m_json;
  util::Diagnostics m_errors;
};

}  // namespace

std::unique_ptr<Renderer> make_json_renderer(std::ostream& out, const RenderOptions& /*options*/) {
  return std::make_unique<JsonRenderer>(out);
}

}  // namespace caas::report

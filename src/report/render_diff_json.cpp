// The diff as JSON (caas-advisor/diff/v1, docs/schemas/diff.schema.json): keys in a fixed order, money to the cent,
// scores to two decimals, every change listed with both sides.
#include <cmath>

#include "diff_renderers.hpp"
#include "diff_sections.hpp"
#include "json_writer.hpp"

namespace caas::report {

namespace {

constexpr std::string_view k_schema = "caas-advisor/diff/v1";

void money_or_null(JsonWriter& json, const std::optional<double>& value) {
  if (value)
    json.fixed2(*value);
  else
    json.null();
}

void string_or_null(JsonWriter& json, const std::optional<std::string>& value) {
  if (value)
    json.string(*value);
  else
    json.null();
}

void write_side(JsonWriter& json, const model::DiffSide& side) {
  json.begin_object();
  json.key("label");
  json.string(side.label);
  json.key("rules_version");
  json.string_or_null(side.rules_version);
  json.key("pricing_date");
  json.string_or_null(side.pricing_date);
  json.end_object();
}

void write_reason(JsonWriter& json, const model::WorkloadChange& change, const model::Reason& reason) {
  json.begin_object();
  json.key("rule");
  json.string(reason.rule);
  json.key("message");
  json.string(reason.message);
  json.key("source");
  json.string_or_null(reason.source);
  json.key("fields");
  json.begin_array();
  for (const auto& field : reason.fields) json.string(field);
  json.end_array();
  json.key("changed_fields");
  json.begin_array();
  for (const auto& field : reason.fields)
    for (const auto& changed : change.fields)
      if (changed.field == field) json.string(field);
  json.end_array();
  json.end_object();
}

void write_target(JsonWriter& json, const model::WorkloadChange& change, const model::TargetChange& target) {
  auto pair = [&](std::string_view key, auto&& before, auto&& after) {
    json.key(key);
    json.begin_object();
    json.key("before");
    before();
    json.key("after");
    after();
    json.end_object();
  };
  auto boolean = [&](const std::optional<bool>& value) {
    return [&json, value] {
      if (value)
        json.boolean(*value);
      else
        json.null();
    };
  };
  auto fixed = [&](const std::optional<double>& value) { return [&json, value] { money_or_null(json, value); }; };
  json.begin_object();
  json.key("target");
  json.string(target.target);
  json.key("name");
  json.string_or_null(target.name);
  pair("feasible", boolean(target.feasible_before), boolean(target.feasible_after));
  pair("score", fixed(target.score_before), fixed(target.score_after));
  pair("monthly_cost_usd", fixed(target.cost_before), fixed(target.cost_after));
  json.key("ruled_out_by");
  json.begin_array();
  for (const auto& reason : target.ruled_out_by) write_reason(json, change, reason);
  json.end_array();
  json.key("no_longer_ruled_out_by");
  json.begin_array();
  for (const auto& reason : target.no_longer_ruled_out) write_reason(json, change, reason);
  json.end_array();
  json.end_object();
}

void write_finding(JsonWriter& json, const model::Finding& finding) {
  json.begin_object();
  json.key("severity");
  json.string(util::to_string(finding.severity));
  json.key("rule");
  json.string(finding.rule);
  json.key("message");
  json.string(finding.message);
  json.key("file");
  json.string_or_null(finding.file);
  json.key("line");
  json.integer_or_null(finding.line);
  json.key("column");
  json.integer_or_null(finding.column);
  json.end_object();
}

void write_change(JsonWriter& json, const model::WorkloadChange& change) {
  json.begin_object();
  json.key("change");
  json.string(model::to_string(change.kind));
  json.key("name");
  json.string(change.name);
  json.key("name_before");
  json.string_or_null(change.name_before);
  json.key("file");
  json.string(change.file);
  json.key("file_before");
  json.string_or_null(change.file_before);
  json.key("line");
  json.integer_or_null(change.line);
  json.key("target_changed");
  json.boolean(change.target_changed());
  json.key("recommendation");
  json.begin_object();
  json.key("before");
  string_or_null(json, change.recommended_before);
  json.key("after");
  string_or_null(json, change.recommended_after);
  json.end_object();
  json.key("runs_on");
  json.begin_object();
  const bool has_before = change.kind != model::ChangeKind::added;
  const bool has_after = change.kind != model::ChangeKind::removed;
  for (const auto& [key, present, target, verdict] :
       {std::tuple{"before", has_before, change.runs_on_before, change.verdict_before},
        std::tuple{"after", has_after, change.runs_on_after, change.verdict_after}}) {
    json.key(key);
    if (!present) {
      json.null();
      continue;
    }
    json.begin_object();
    json.key("target");
    json.string_or_null(target);
    json.key("verdict");
    json.string(model::to_string(verdict));
    json.end_object();
  }
  json.end_object();
  json.key("monthly_cost_usd");
  json.begin_object();
  json.key("before");
  money_or_null(json, change.cost_before);
  json.key("after");
  money_or_null(json, change.cost_after);
  json.key("change");
  money_or_null(json, change.cost_change());
  json.key("target_before");
  json.string_or_null(change.costed_before);
  json.key("target_after");
  json.string_or_null(change.costed_after);
  json.end_object();
  json.key("inputs");
  json.begin_array();
  for (const auto& field : change.fields) {
    json.begin_object();
    json.key("field");
    json.string(field.field);
    json.key("before");
    json.string_or_null(field.before);
    json.key("after");
    json.string_or_null(field.after);
    json.key("from");
    json.string_or_null(field.original_key);
    json.key("line");
    json.integer_or_null(field.line);
    json.end_object();
  }
  json.end_array();
  json.key("targets");
  json.begin_array();
  for (const auto& target : change.targets) write_target(json, change, target);
  json.end_array();
  json.key("findings");
  json.begin_object();
  json.key("new");
  json.begin_array();
  for (const auto& finding : change.new_findings) write_finding(json, finding);
  json.end_array();
  json.key("fixed");
  json.begin_array();
  for (const auto& finding : change.fixed_findings) write_finding(json, finding);
  json.end_array();
  json.end_object();
  json.key("summary");
  json.string(change_summary(change));
  json.end_object();
}

void write_error(JsonWriter& json, const model::SideError& side_error) {
  const auto& error = side_error.error;
  json.begin_object();
  json.key("side");
  json.string(side_error.side);
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
  json.end_object();
}

void write_summary(JsonWriter& json, const model::PortfolioDiff& diff) {
  json.begin_object();
  json.key("headline");
  json.string(diff_headline(diff));
  json.key("changed");
  json.integer(diff.count(model::ChangeKind::changed));
  json.key("target_changes");
  json.integer(diff.target_changes());
  json.key("added");
  json.integer(diff.count(model::ChangeKind::added));
  json.key("removed");
  json.integer(diff.count(model::ChangeKind::removed));
  json.key("moved");
  json.integer(diff.count(model::ChangeKind::moved));
  json.key("not_compared");
  json.integer(diff.count(model::ChangeKind::not_compared));
  json.key("unchanged");
  json.integer(diff.unchanged);
  json.key("unchanged_files");
  json.integer(diff.unchanged_files);
  json.key("monthly_cost_usd");
  json.begin_object();
  json.key("change");
  json.fixed2(diff.cost.change);
  json.key("base_total");
  money_or_null(json, diff.cost.base_total);
  json.key("head_total");
  money_or_null(json, diff.cost.head_total);
  json.key("workloads_without_cost");
  json.integer(diff.cost.workloads_without_cost);
  json.end_object();
  json.key("errors");
  json.integer(static_cast<long long>(diff.errors.size()));
  json.key("exit_code");
  json.integer(diff.exit_code);
  json.end_object();
}

}  // namespace

void render_diff_json(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options) {
  {
    JsonWriter json(out);
    json.begin_object();
    json.key("schema");
    json.string(k_schema);
    json.key("tool");
    json.begin_object();
    json.key("name");
    json.string(options.tool.name);
    json.key("version");
    json.string(options.tool.version);
    json.end_object();
    json.key("base");
    write_side(json, diff.base);
    json.key("head");
    write_side(json, diff.head);
    json.key("summary");
    write_summary(json, diff);
    json.key("gates");
    json.begin_array();
    for (const auto& gate : diff.gates) {
      json.begin_object();
      json.key("gate");
      json.string(gate.gate);
      json.key("threshold");
      json.string_or_null(gate.threshold);
      json.key("reached");
      json.boolean(gate.reached);
      json.key("message");
      json.string(gate.message);
      json.end_object();
    }
    json.end_array();
    json.key("workloads");
    json.begin_array();
    for (const auto& change : diff.changes) write_change(json, change);
    json.end_array();
    json.key("errors");
    json.begin_array();
    for (const auto& error : diff.errors) write_error(json, error);
    json.end_array();
    json.end_object();
  }
  out << '\n';
  out.flush();
}

}  // namespace caas::report

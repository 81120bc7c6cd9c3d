#include "workload_builder.hpp"

#include <algorithm>

#include "caas/model/field_catalogue.hpp"

namespace caas::import {

namespace {

// Fields that sharpen the advice most when a spec leaves them out, by workload kind.
const std::vector<std::string_view>& useful_fields(std::string_view kind) {
  static const std::vector<std::string_view> k_job = {"execution.duration.typical", "execution.duration.max",
                                                      "resources.memory", "traffic.runs_per_month",
                                                      "operations.ops_capacity"};
  static const std::vector<std::string_view> k_request_driven = {
      "execution.duration.typical", "execution.duration.max", "resources.memory", "traffic.requests_per_month",
      "traffic.peak_rps",           "traffic.pattern",        "latency.p99",      "latency.cold_start_sensitive",
      "operations.ops_capacity"};
  return kind == "job" ? k_job : k_request_driven;
}

}  // namespace

std::string sanitise_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (ok) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() == 63) break;
  }
  while (!out.empty() && out.back() == '-' && out.size() > 1) out.pop_back();
  return out.empty() || out == "-" ? "workload" : out;
}

WorkloadBuilder::WorkloadBuilder(const SourceFile& source, std::string_view name, const SpecNode& at)
    : m_source(source) {
  auto& profile = m_imported.profile;
  profile.name = sanitise_name(name);
  profile.file = source.name + "#" + profile.name;
  profile.source_format = std::string(to_string(source.format));
  profile.line = std::max(1, at.line);
  profile.column = std::max(1, at.column);
  auto& field = profile.at("name");
  field.value = util::Value::of_string(profile.name);
  field.origin = model::Origin::written;
  field.written = profile.name;
  field.line = at.line;
  field.column = at.column;
}

void WorkloadBuilder::set(std::string_view field, util::Value value, const From& from, std::string note) {
  put(field, std::move(value), from, std::move(note), model::Origin::written);
}

void WorkloadBuilder::derive(std::string_view field, util::Value value, const From& from, std::string note) {
  put(field, std::move(value), from, std::move(note), model::Origin::derived);
}

void WorkloadBuilder::put(std::string_view field, util::Value value, const From& from, std::string note,
                          model::Origin origin) {
  auto& slot = m_imported.profile.at(field);
  if (slot.origin != model::Origin::absent) return;
  slot.written = util::display(value);
  slot.value = std::move(value);
  slot.origin = origin;
  slot.line = from.key ? from.key->line : 0;
  slot.column = from.key ? from.key->column : 0;
  m_imported.provenance.push_back(
      {std::string(field), slot.written, from.path, slot.line, slot.column, std::move(note)});
}

void WorkloadBuilder::set_text(std::string_view field, std::string value, const From& from, std::string note) {
  set(field, util::Value::of_string(std::move(value)), from, std::move(note));
}

void WorkloadBuilder::set_flag(std::string_view field, const From& from, std::string note) {
  set(field, util::Value::of_bool(true), from, std::move(note));
}

void WorkloadBuilder::add_trigger(std::string_view trigger, const From& from, std::string note) {
  auto& slot = m_imported.profile.at("triggers");
  if (slot.origin == model::Origin::absent) {
    slot.value = util::Value::of_list({}, util::Kind::string);
    slot.origin = model::Origin::written;
    slot.line = from.key ? from.key->line : 0;
    slot.column = from.key ? from.key->column : 0;
  }
  auto& items = slot.value.items;
  const auto value = util::Value::of_string(std::string(trigger));
  if (std::find(items.begin(), items.end(), value) != items.end()) return;
  items.push_back(value);
  std::sort(items.begin(), items.end(), [](const util::Value& a, const util::Value& b) { return a.text < b.text; });
  slot.written = util::display(slot.value);
  if (!note.empty())
    note = std::string(trigger) + ": " + note;
  else
    note = std::string(trigger);
  m_trigger_sources.emplace_back(
      std::string(trigger),
      model::Provenance{"triggers", std::string(trigger), from.path, from.key ? from.key->line : 0,
                        from.key ? from.key->column : 0, std::move(note)});
}

std::optional<std::string> WorkloadBuilder::scalar(const SpecNode* node, std::string_view path) {
  if (!node) return std::nullopt;
  if (!node->unresolved.empty()) {
    warn("unresolved-value",
         std::string(path) + " is " + node->unresolved + ", which cannot be resolved from this file; left unknown",
         node);
    return std::nullopt;
  }
  if (!node->tag.empty() || node->kind == NodeKind::map) {
    // A CloudFormation intrinsic in long form ({"Fn::GetAtt": ...}) or short form (!GetAtt).
    std::string what = node->tag;
    if (what.empty() && node->entries.size() == 1 && node->entries.front().first.is_scalar())
      what = node->entries.front().first.text;
    if (!what.empty() && (what[0] == '!' || what.rfind("Fn::", 0) == 0 || what == "Ref")) {
      warn("unresolved-value", std::string(path) + " is " + what + ", which cannot be resolved here; left unknown",
           node);
      return std::nullopt;
    }
    if (!node->is_scalar()) return std::nullopt;
  }
  if (!node->is_scalar()) return std::nullopt;
  return node->text;
}

util::Diagnostic WorkloadBuilder::located(util::Code code, std::string message, const SpecNode* at,
                                          util::Severity severity) const {
  auto d = util::make_error(code, std::move(message), {m_source.name, at ? at->line : 0, at ? at->column : 0},
                            m_source.text);
  d.severity = severity;
  return d;
}

void WorkloadBuilder::warn(util::Code code, std::string message, const SpecNode* at) {
  auto d = located(code, std::move(message), at, util::Severity::warning);
  const bool seen = std::any_of(m_imported.warnings.begin(), m_imported.warnings.end(), [&](const auto& w) {
    return w.message == d.message && w.where.line == d.where.line && w.where.column == d.where.column;
  });
  if (!seen) m_imported.warnings.push_back(std::move(d));
}

void WorkloadBuilder::error(util::Code code, std::string message, const SpecNode* at) {
  m_errors.push_back(located(code, std::move(message), at, util::Severity::error));
}

void WorkloadBuilder::finish_into(ImportResult& result) {
  if (!m_errors.empty()) {
    for (auto& e : m_errors) result.errors.push_back(std::move(e));
    return;
  }
  auto& imported = m_imported;
  // Provenance in catalogue order; triggers in their sorted order.
  std::vector<model::Provenance> ordered;
  for (const auto& field : model::field_catalogue()) {
    if (field.path == "triggers") {
      std::stable_sort(m_trigger_sources.begin(), m_trigger_sources.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& [trigger, provenance] : m_trigger_sources) ordered.push_back(std::move(provenance));
      continue;
    }
    for (auto& p : imported.provenance)
      if (p.field == field.path) ordered.push_back(std::move(p));
  }
  imported.provenance = std::move(ordered);
  const auto kind = imported.profile.text("kind").value_or("");
  for (const auto field : useful_fields(kind))
    if (imported.profile.at(field).origin == model::Origin::absent) imported.unknown_but_useful.emplace_back(field);
  model::apply_defaults(imported.profile);
  result.workloads.push_back(std::move(imported));
}

}  // namespace caas::import

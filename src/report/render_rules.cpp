// `rules list` and `rules show`: the rule table as text (an aligned table), json and markdown (rules_markdown.cpp).
#include <stdexcept>

#include "caas/report/report.hpp"
#include "caas/util/text.hpp"
#include "json_writer.hpp"
#include "rules_markdown.hpp"
#include "text_layout.hpp"

namespace caas::report {

namespace {

using util::escape_control;

std::string joined_targets(const model::RuleInfo& rule) {
  std::string out;
  for (const auto& target : rule.targets) out += (out.empty() ? "" : ",") + escape_control(target);
  return out;
}

// Weights only mean something for prefer and avoid.
bool has_weight(const model::RuleInfo& rule) {
  return rule.effect == model::Effect::prefer || rule.effect == model::Effect::avoid;
}

std::string weight_text(const model::RuleInfo& rule) {
  return has_weight(rule) ? util::format_number(rule.weight) : "—";
}

void write_rule_json(JsonWriter& json, const model::RuleInfo& rule) {
  json.begin_object();
  json.key("id");
  json.string(rule.id);
  json.key("targets");
  json.begin_array();
  for (const auto& target : rule.targets) json.string(target);
  json.end_array();
  json.key("effect");
  json.string(model::to_string(rule.effect));
  json.key("weight");
  if (has_weight(rule))
    json.number(rule.weight);
  else
    json.null();
  json.key("when");
  json.string(rule.condition);
  json.key("message");
  json.string(rule.message);
  json.key("source");
  json.string_or_null(rule.source);
  json.key("enabled");
  json.boolean(rule.enabled);
  json.key("origin");
  json.string_or_null(rule.origin);
  json.end_object();
}

// A row per rule, so the list can be read down; the condition wraps within the width, beside the other columns or,
// when they leave too little room, on lines of its own below them.
void write_rule_list_text(std::ostream& out, const RuleTableView& table, std::size_t width) {
  struct Line {
    std::string id, targets, effect, weight, when;
  };
  std::vector<Line> lines{{"id", "target", "effect", "weight", "when"}};
  for (const auto& rule : table.rules) {
    lines.push_back({escape_control(rule.id) + (rule.enabled ? "" : " (disabled)"), joined_targets(rule),
                     std::string(model::to_string(rule.effect)), weight_text(rule),
                     escape_control(one_line(rule.condition))});
  }
  std::size_t w[4] = {0, 0, 0, 0};
  for (const Line& line : lines) {
    w[0] = std::max(w[0], display_width(line.id));
    w[1] = std::max(w[1], display_width(line.targets));
    w[2] = std::max(w[2], display_width(line.effect));
    w[3] = std::max(w[3], display_width(line.weight));
  }
  out << "rule table " << escape_control(table.revision) << ": " << table.rules.size() << " rules\n\n";
  constexpr std::size_t k_min_condition = 30;
  const std::size_t left = w[0] + w[1] + w[2] + w[3] + 8;
  const bool beside = left + k_min_condition <= width;
  const std::size_t indent = beside ? left : 4;
  for (const Line& line : lines) {
    out << pad(line.id, w[0]) << "  " << pad(line.targets, w[1]) << "  " << pad(line.effect, w[2]) << "  "
        << pad(line.weight, w[3], Align::right);
    const auto when = wrap(line.when, width - indent);
    if (beside) {
      out << "  " << when.front() << '\n';
    } else {
      out << '\n' << std::string(indent, ' ') << when.front() << '\n';
    }
    for (std::size_t i = 1; i < when.size(); ++i) out << std::string(indent, ' ') << when[i] << '\n';
  }
}

void write_rule_detail_text(std::ostream& out, const model::RuleInfo& rule, std::size_t width) {
  constexpr std::size_t k_label = 11;  // "  message  "
  auto field = [&out, width](std::string_view label, const std::string& value, bool wrap_value) {
    const auto lines = wrap_value ? wrap(value, width - k_label) : std::vector<std::string>{value};
    out << "  " << pad(label, k_label - 2) << lines.front() << '\n';
    for (std::size_t i = 1; i < lines.size(); ++i) out << std::string(k_label, ' ') << lines[i] << '\n';
  };
  out << escape_control(rule.id) << '\n';
  field("targets", joined_targets(rule), false);
  field("effect", std::string(model::to_string(rule.effect)), false);
  field("weight", weight_text(rule), false);
  field("when", escape_control(one_line(rule.condition)), true);
  field("message", escape_control(one_line(rule.message)), true);
  field("source", escape_control(rule.source), false);
  if (!rule.origin.empty()) field("defined", escape_control(rule.origin), false);
  field("enabled", rule.enabled ? "yes" : "no", false);
}

[[noreturn]] void unknown_format(std::string_view format) {
  throw std::invalid_argument("no rule table format '" + std::string(format) + "' (text, json or markdown)");
}

}  // namespace

const std::vector<std::string_view>& rule_formats() {
  static const std::vector<std::string_view> k_names = {"text", "json", "markdown"};
  return k_names;
}

void render_rule_list(std::ostream& out, const RuleTableView& table, std::string_view format, std::size_t width) {
  if (format == "text") return write_rule_list_text(out, table, width);
  if (format == "markdown") return write_rule_list_markdown(out, table);
  if (format != "json") unknown_format(format);
  JsonWriter json(out);
  json.begin_array();
  for (const auto& rule : table.rules) write_rule_json(json, rule);
  json.end_array();
  out << '\n';
}

void render_rule_detail(std::ostream& out, const model::RuleInfo& rule, std::string_view format, std::size_t width) {
  if (format == "text") return write_rule_detail_text(out, rule, width);
  if (format == "markdown") return write_rule_detail_markdown(out, rule);
  if (format != "json") unknown_format(format);
  JsonWriter json(out);
  write_rule_json(json, rule);
  out << '\n';
}

}  // namespace caas::report

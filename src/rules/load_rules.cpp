// Rule files (rules-v1) to RuleSets: strict keys, compiled and type-checked conditions, located errors.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "caas/rules/rule_set.hpp"
#include "caas/util/messages.hpp"
#include "caas/util/suggest.hpp"
#include "caas/yaml/yaml_cpp.hpp"

namespace caas::rules {

namespace {

using yaml::shape_of;

const std::vector<std::string_view> k_top_keys = {"version", "revision", "targets", "rules"};
const std::vector<std::string_view> k_target_keys = {"id", "name", "model", "ops_burden"};
const std::vector<std::string_view> k_rule_keys = {"id",      "target", "effect",   "weight", "when",
                                                   "message", "source", "examples", "enabled"};
const std::vector<std::string_view> k_example_keys = {"match", "no_match"};
const std::vector<std::string_view> k_models = {"FaaS", "CaaS", "IaaS"};
const std::vector<std::string_view> k_burdens = {"1", "2", "3"};

int span_of(const std::string& text) { return static_cast<int>(std::max<std::size_t>(1, text.size())); }

// Reads one rule file, collecting every error.
class RuleFileReader {
 public:
  RuleFileReader(std::string_view text, const std::string& file, const LoadOptions& options)
      : m_text(text), m_file(file), m_options(options) {}

  util::Result<RuleSet> read();

 private:
  void error(const YAML::Mark& mark, util::Code code, std::string message, int span = 1, std::string hint = {}) {
    auto d = util::make_error(code, std::move(message), {m_file, mark.line + 1, mark.column + 1}, m_text, span);
    d.hint = std::move(hint);
    m_errors.push_back(std::move(d));
  }
  void report(const YAML::Node& node, util::Problem problem, int span = 1) {
    error(node.Mark(), problem.code, std::move(problem.message), span, std::move(problem.hint));
  }
  // Checks a map's keys against `allowed`; reports unknown and duplicate keys. Returns false when not a map.
  bool check_map(const YAML::Node& node, const std::vector<std::string_view>& allowed, std::string_view path);
  std::optional<std::string> scalar(const YAML::Node& node, std::string_view path, std::string_view expected);
  void read_target(const YAML::Node& node);
  void read_rule(const YAML::Node& node);
  void read_examples(const YAML::Node& node, Rule& rule);
  void check_message(const YAML::Node& node, const std::string& message);
  bool target_known(std::string_view id) const;

  std::string_view m_text;
  const std::string& m_file;
  const LoadOptions& m_options;
  util::Diagnostics m_errors;
  RuleSet m_set;
  std::set<std::string> m_ids;
  std::vector<std::pair<std::string, YAML::Mark>> m_rule_targets;
};

bool RuleFileReader::check_map(const YAML::Node& node, const std::vector<std::string_view>& allowed,
                               std::string_view path) {
  if (!node.IsMap()) {
    report(node, util::wrong_type(path, "a map of " + util::one_of(allowed), shape_of(node)));
    return false;
  }
  std::map<std::string, int> seen;  // key, line
  for (const auto& entry : node) {
    const auto key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    if (const auto [first, inserted] = seen.emplace(key, entry.first.Mark().line + 1); !inserted)
      report(entry.first, util::duplicate_key(key, first->second), span_of(key));
    else if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      report(entry.first, util::unknown_key(key, path, allowed), span_of(key));
  }
  return true;
}

std::optional<std::string> RuleFileReader::scalar(const YAML::Node& node, std::string_view path,
                                                  std::string_view expected) {
  if (!node.IsScalar()) {
    report(node, util::wrong_type(path, expected, shape_of(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

bool RuleFileReader::target_known(std::string_view id) const {
  if (m_set.find_target(id) != nullptr) return true;
  return m_options.base != nullptr && m_options.base->find_target(id) != nullptr;
}

bool is_kebab(std::string_view id) {
  if (id.empty() || id.size() > 80 || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (c == '-' && id[i - 1] == '-') return false;
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      return false;
  }
  return true;
}

void RuleFileReader::read_target(const YAML::Node& node) {
  const auto id_node = node.IsMap() ? node["id"] : YAML::Node();
  const std::string id = id_node && id_node.IsScalar() ? id_node.Scalar() : std::string();
  const std::string path = id.empty() ? std::string("targets") : "targets." + id;
  if (!check_map(node, k_target_keys, path)) return;
  for (auto key : k_target_keys) {
    if (!node[std::string(key)]) {
      report(node, util::missing_field(id.empty() ? std::string("a target") : "the target '" + id + "'", key));
      return;
    }
  }
  model::Target target;
  target.id = scalar(node["id"], path + ".id", "a target id").value_or("");
  target.name = scalar(node["name"], path + ".name", "a name").value_or("");
  target.model = scalar(node["model"], path + ".model", "one of " + util::one_of(k_models)).value_or("");
  if (std::find(k_models.begin(), k_models.end(), target.model) == k_models.end())
    report(node["model"], util::not_one_of(path + ".model", k_models, target.model), span_of(target.model));
  const auto burden = scalar(node["ops_burden"], path + ".ops_burden", "1, 2 or 3").value_or("");
  if (std::find(k_burdens.begin(), k_burdens.end(), burden) == k_burdens.end()) {
    report(node["ops_burden"], util::not_one_of(path + ".ops_burden", k_burdens, burden), span_of(burden));
  } else {
    target.ops_burden = burden[0] - '0';
  }
  // A target id is a key of the report's summary beside "none", which counts the workloads no target fits.
  if (node["id"].IsScalar() && (!is_kebab(target.id) || target.id == "none"))
    error(node["id"].Mark(), "bad-id",
          "target id '" + target.id + "' must be kebab-case (a-z, 0-9 and single dashes) and not 'none'",
          span_of(target.id));
  if (m_set.find_target(target.id) != nullptr)
    error(node["id"].Mark(), "duplicate-id", "target '" + target.id + "' is defined twice", span_of(target.id));
  m_set.targets.push_back(std::move(target));
}

// "the prefer rule 'x'", for a missing weight.
std::string concat_effect(model::Effect effect, const std::string& id) {
  return "the " + std::string(model::to_string(effect)) + " rule '" + id + "'";
}

void RuleFileReader::check_message(const YAML::Node& node, const std::string& message) {
  std::size_t i = 0;
  while ((i = message.find('{', i)) != std::string::npos) {
    const auto close = message.find('}', i);
    if (close == std::string::npos) {
      error(node.Mark(), "bad-message", "a '{' in the message is never closed");
      return;
    }
    const auto path = message.substr(i + 1, close - i - 1);
    if (!workload_schema().resolve(path)) {
      std::vector<std::string_view> paths(workload_schema().paths.begin(), workload_schema().paths.end());
      std::string hint;
      if (auto guess = util::did_you_mean(path, paths)) hint = "did you mean '{" + *guess + "}'?";
      error(node.Mark(), "bad-message", "the message names an unknown field '{" + path + "}'", 1, hint);
    }
    i = close + 1;
  }
}

void RuleFileReader::read_examples(const YAML::Node& node, Rule& rule) {
  const auto path = "rules." + rule.info.id + ".examples";
  if (!check_map(node, k_example_keys, path)) return;
  for (auto key : k_example_keys) {
    const auto list = node[std::string(key)];
    if (!list) continue;
    const auto list_path = path + "." + std::string(key);
    if (!list.IsSequence()) {
      report(list, util::wrong_type(list_path, "a list of workload fragments", shape_of(list)));
      continue;
    }
    for (const auto& fragment : list) {
      if (!fragment.IsMap()) {
        report(fragment, util::wrong_type(list_path, "a list of workload fragments (maps)", shape_of(fragment)));
        continue;
      }
      if (!m_options.keep_examples) continue;
      YAML::Node complete = YAML::Clone(fragment);
      if (!complete["name"]) complete["name"] = "example";
      if (!complete["kind"]) complete["kind"] = "service";
      YAML::Emitter out;
      out << complete;
      rule.examples.push_back({out.c_str(), key == "match", fragment.Mark().line + 1});
    }
  }
}

void RuleFileReader::read_rule(const YAML::Node& node) {
  const auto id_node = node.IsMap() ? node["id"] : YAML::Node();
  const std::string given_id = id_node && id_node.IsScalar() ? id_node.Scalar() : std::string();
  const std::string path = given_id.empty() ? std::string("rules") : "rules." + given_id;
  if (!check_map(node, k_rule_keys, path)) return;
  Rule rule;
  if (!id_node) {
    report(node, util::missing_field("a rule", "id"));
    return;
  }
  rule.info.id = scalar(id_node, path + ".id", "a rule id").value_or("");
  if (!is_kebab(rule.info.id))
    error(id_node.Mark(), "bad-id", "rule id '" + rule.info.id + "' must be kebab-case: a-z, 0-9 and single dashes",
          span_of(rule.info.id));
  if (!m_ids.insert(rule.info.id).second)
    error(id_node.Mark(), "duplicate-id", "rule '" + rule.info.id + "' is defined twice in this file",
          span_of(rule.info.id));
  rule.info.origin = m_file + ":" + std::to_string(node.Mark().line + 1);
  const auto owner = "the rule '" + rule.info.id + "'";
  const auto at = [&](std::string_view key) { return path + "." + std::string(key); };

  if (const auto enabled = node["enabled"]) {
    const auto text = scalar(enabled, at("enabled"), "true or false").value_or("");
    if (enabled.IsScalar() && (enabled.Tag() == "!" || (text != "true" && text != "false")))
      report(enabled, util::not_boolean(at("enabled"), text, enabled.Tag() == "!"), span_of(text));
    rule.info.enabled = text != "false";
  }
  // `- id: X` with `enabled: false` and nothing else disables a rule of an earlier table.
  if (!rule.info.enabled && node.size() == 2) {
    if (m_options.base == nullptr || m_options.base->find_rule(rule.info.id) == nullptr) {
      std::string hint;
      if (m_options.base != nullptr) hint = util::did_you_mean_hint(rule.info.id, m_options.base->rule_ids());
      error(id_node.Mark(), "unknown-rule", "cannot disable unknown rule '" + rule.info.id + "'", span_of(rule.info.id),
            hint);
    }
    m_set.rules.push_back(std::move(rule));
    return;
  }

  for (auto key : {"target", "effect", "when", "message", "source"}) {
    if (!node[key]) report(node, util::missing_field(owner, key));
  }
  if (const auto target = node["target"]) {
    if (target.IsSequence()) {
      for (const auto& item : target)
        if (auto id = scalar(item, at("target"), "a target id")) rule.info.targets.push_back(*id);
    } else if (auto id = scalar(target, at("target"), "a target id or a list of them")) {
      rule.info.targets.push_back(*id);
    }
    if (rule.info.targets.empty() && target.IsSequence())
      report(target, util::empty_value(at("target"), "a target id or a list of them"));
    for (const auto& id : rule.info.targets) m_rule_targets.emplace_back(id, target.Mark());
  }
  if (const auto effect = node["effect"]) {
    const auto text = scalar(effect, at("effect"), "exclude, prefer, avoid or note").value_or("");
    bool found = false;
    std::vector<std::string_view> names;
    for (auto e : model::all_effects()) {
      names.push_back(model::to_string(e));
      if (model::to_string(e) == text) {
        rule.info.effect = e;
        found = true;
      }
    }
    if (!found && effect.IsScalar()) report(effect, util::not_one_of(at("effect"), names, text), span_of(text));
  }
  const bool weighted = rule.info.effect == model::Effect::prefer || rule.info.effect == model::Effect::avoid;
  if (const auto weight = node["weight"]) {
    constexpr std::string_view k_range = "a number above 0 and up to 100";
    if (const auto text = scalar(weight, at("weight"), k_range)) {
      auto read = util::read_number_field(at("weight"), k_range, *text);
      if (read.value && (*read.value <= 0 || *read.value > 100))
        read.problem = util::not_of_form(at("weight"), k_range, *text);
      if (read.problem)
        report(weight, std::move(*read.problem), span_of(*text));
      else
        rule.info.weight = *read.value;
    }
    if (!weighted && node["effect"])
      error(weight.Mark(), "bad-value",
            "'" + at("weight") + "': only prefer and avoid rules have a weight, not a " +
                std::string(model::to_string(rule.info.effect)) + " rule");
  } else if (weighted && node["effect"]) {
    report(node, util::missing_field(concat_effect(rule.info.effect, rule.info.id), "weight"));
  }
  if (const auto when = node["when"]) {
    if (auto text = scalar(when, at("when"), "a condition")) {
      rule.info.condition = *text;
      // A quoted scalar's text starts one column after its mark.
      const int quote = when.Tag() == "!" ? 1 : 0;
      expr::Origin origin{m_file, when.Mark().line + 1, when.Mark().column + 1 + quote, m_text};
      auto compiled = expr::compile(*text, workload_schema(), origin);
      if (compiled)
        rule.when = std::move(*compiled);
      else
        m_errors.insert(m_errors.end(), compiled.error().begin(), compiled.error().end());
    }
  }
  if (const auto message = node["message"]) {
    rule.info.message = scalar(message, at("message"), "a string").value_or("");
    check_message(message, rule.info.message);
  }
  if (const auto source = node["source"]) {
    rule.info.source = scalar(source, at("source"), "where the rule's fact comes from").value_or("");
    if (source.IsScalar() && rule.info.source.empty())
      report(source, util::empty_value(at("source"), "where the rule's fact comes from (a URL or seed: ...)"));
  }
  if (const auto examples = node["examples"]) read_examples(examples, rule);
  m_set.rules.push_back(std::move(rule));
}

util::Result<RuleSet> RuleFileReader::read() {
  // Rule files may come from a pull request too: the one reader's limits, with a fixed size.
  auto document = yaml::load_yaml_cpp(m_text, m_file, util::table_limits(), {"a rule file", k_top_keys});
  if (!document) return util::fail(std::move(document.error()));
  const YAML::Node& root = *document;
  if (!root.IsMap()) {
    report(root, util::not_a_map("a rule file", util::one_of(k_top_keys), shape_of(root)));
    return util::fail(std::move(m_errors));
  }
  check_map(root, k_top_keys, "");
  if (const auto version = root["version"]; !version) {
    report(root, util::missing_field("the rule file", "version", "version: 1"));
  } else if (const auto text = scalar(version, "version", "1")) {
    const auto read = util::read_number(*text);
    if (read.error != util::NumberError::none || read.value != 1)
      report(version, util::bad_version(*text), span_of(*text));
  }
  if (const auto revision = root["revision"]) m_set.revision = scalar(revision, "revision", "a string").value_or("");
  if (const auto targets = root["targets"]) {
    if (!targets.IsSequence())
      report(targets, util::wrong_type("targets", "a list of targets", shape_of(targets)));
    else
      for (const auto& target : targets) read_target(target);
  }
  if (const auto rules = root["rules"]) {
    if (!rules.IsSequence())
      report(rules, util::wrong_type("rules", "a list of rules", shape_of(rules)));
    else
      for (const auto& rule : rules) read_rule(rule);
  }
  for (const auto& [id, mark] : m_rule_targets) {
    if (target_known(id)) continue;
    std::vector<std::string_view> ids;
    for (const auto& t : m_set.targets) ids.push_back(t.id);
    if (m_options.base != nullptr)
      for (const auto& t : m_options.base->targets) ids.push_back(t.id);
    error(mark, "unknown-target", "unknown target " + util::quoted(id) + "; expected " + util::one_of(ids), 1,
          util::did_you_mean_hint(id, ids));
  }
  if (!m_errors.empty()) return util::fail(std::move(m_errors));
  std::sort(m_set.rules.begin(), m_set.rules.end(), [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  return std::move(m_set);
}

}  // namespace

util::Result<RuleSet> load_rules(std::string_view text, const std::string& file, const LoadOptions& options) {
  try {
    return RuleFileReader(text, file, options).read();
  } catch (const YAML::Exception& e) {
    return util::fail(
        util::make_error("yaml-syntax", "not valid YAML: " + e.msg, {file, e.mark.line + 1, e.mark.column + 1}, text));
  }
}

}  // namespace caas::rules

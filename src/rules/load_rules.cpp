// Rule files (rules-v1) to RuleSets: strict keys, compiled and type-checked conditions, located errors.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "caas/rules/rule_set.hpp"
#include "caas/util/raw_text.hpp"
#include "caas/util/suggest.hpp"

namespace caas::rules {

namespace {

const std::vector<std::string_view> k_top_keys = {"version", "revision", "targets", "rules"};
const std::vector<std::string_view> k_target_keys = {"id", "name", "model", "ops_burden"};
const std::vector<std::string_view> k_rule_keys = {"id",      "target", "effect",   "weight", "when",
                                                   "message", "source", "examples", "enabled"};
const std::vector<std::string_view> k_example_keys = {"match", "no_match"};
const std::vector<std::string_view> k_models = {"FaaS", "CaaS", "IaaS"};

// Rule files may come from a pull request too: the same limits as workload files, with a fixed size.
const util::TextLimits k_text_limits{util::k_mebibyte, 64, ""};
constexpr std::size_t k_max_nodes = 100000;

struct BudgetHit {
  std::string code;
  std::string message;
  YAML::Mark mark;
};

// yaml-cpp shares an aliased node instead of copying it, but reading visits it at each use: count the nodes as a
// reader meets them, so an alias bomb is refused in bounded time, and stop at the nesting limit.
std::optional<BudgetHit> over_budget(const YAML::Node& node, int depth, std::size_t& left) {
  if (left == 0)
    return BudgetHit{"too-many-nodes",
                     "the YAML holds more than " + std::to_string(k_max_nodes) +
                         " nodes (an alias counts its whole anchored value each time it is used)",
                     node.Mark()};
  --left;
  if (!node.IsMap() && !node.IsSequence()) return std::nullopt;
  if (depth + 1 > k_text_limits.max_depth)
    return BudgetHit{"too-deep", util::too_deep_message(k_text_limits.max_depth), node.Mark()};
  for (const auto& entry : node) {
    if (node.IsSequence()) {
      if (auto hit = over_budget(entry, depth + 1, left)) return hit;
      continue;
    }
    if (auto hit = over_budget(entry.first, depth + 1, left)) return hit;
    if (auto hit = over_budget(entry.second, depth + 1, left)) return hit;
  }
  return std::nullopt;
}

// Reads one rule file, collecting every error.
class RuleFileReader {
 public:
  RuleFileReader(std::string_view text, const std::string& file, const LoadOptions& options)
      : m_text(text), m_file(file), m_options(options) {}

  util::Result<RuleSet> read();

 private:
  void error(const YAML::Mark& mark, std::string code, std::string message, int span = 1, std::string hint = {}) {
    auto d =
        util::make_error(std::move(code), std::move(message), {m_file, mark.line + 1, mark.column + 1}, m_text, span);
    d.hint = std::move(hint);
    m_errors.push_back(std::move(d));
  }
  // Checks a map's keys against `allowed`; reports unknown and duplicate keys. Returns false when not a map.
  bool check_map(const YAML::Node& node, const std::vector<std::string_view>& allowed, std::string_view what);
  std::optional<std::string> scalar(const YAML::Node& node, std::string_view what);
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
                               std::string_view what) {
  if (!node.IsMap()) {
    error(node.Mark(), "bad-type", std::string(what) + " must be a mapping");
    return false;
  }
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const auto key = entry.first.Scalar();
    if (!seen.insert(key).second) {
      error(entry.first.Mark(), "duplicate-key", "duplicate key '" + key + "' in " + std::string(what),
            static_cast<int>(key.size()));
    } else if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string hint;
      if (auto guess = util::did_you_mean(key, allowed)) hint = "did you mean '" + *guess + "'?";
      error(entry.first.Mark(), "unknown-key", "unknown key '" + key + "' in " + std::string(what),
            static_cast<int>(key.size()), hint);
    }
  }
  return true;
}

std::optional<std::string> RuleFileReader::scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(node.Mark(), "bad-type", std::string(what) + " must be a single value");
    return std::nullopt;
  }
  return node.Scalar();
}

bool RuleFileReader::target_known(std::string_view id) const {
  if (m_set.find_target(id) != nullptr) return true;
  return m_options.base != nullptr && m_options.base->find_target(id) != nullptr;
}

void RuleFileReader::read_target(const YAML::Node& node) {
  if (!check_map(node, k_target_keys, "a target")) return;
  model::Target target;
  for (auto key : k_target_keys) {
    if (!node[std::string(key)]) {
      error(node.Mark(), "missing-field", "a target needs '" + std::string(key) + "'");
      return;
    }
  }
  target.id = scalar(node["id"], "a target's id").value_or("");
  target.name = scalar(node["name"], "a target's name").value_or("");
  target.model = scalar(node["model"], "a target's model").value_or("");
  if (std::find(k_models.begin(), k_models.end(), target.model) == k_models.end())
    error(node["model"].Mark(), "bad-value", "a target's model must be FaaS, CaaS or IaaS");
  const auto burden = scalar(node["ops_burden"], "ops_burden").value_or("");
  if (burden != "1" && burden != "2" && burden != "3") {
    error(node["ops_burden"].Mark(), "bad-value", "ops_burden must be 1, 2 or 3");
  } else {
    target.ops_burden = burden[0] - '0';
  }
  if (m_set.find_target(target.id) != nullptr)
    error(node["id"].Mark(), "duplicate-id", "target '" + target.id + "' is defined twice");
  m_set.targets.push_back(std::move(target));
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
  if (!check_map(node, k_example_keys, "a rule's examples")) return;
  for (auto key : k_example_keys) {
    const auto list = node[std::string(key)];
    if (!list) continue;
    if (!list.IsSequence()) {
      error(list.Mark(), "bad-type", "examples." + std::string(key) + " must be a list of workload fragments");
      continue;
    }
    for (const auto& fragment : list) {
      if (!fragment.IsMap()) {
        error(fragment.Mark(), "bad-type", "an example must be a workload fragment (a mapping)");
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
  if (!check_map(node, k_rule_keys, "a rule")) return;
  Rule rule;
  const auto id_node = node["id"];
  if (!id_node) {
    error(node.Mark(), "missing-field", "a rule needs an 'id'");
    return;
  }
  rule.info.id = scalar(id_node, "a rule's id").value_or("");
  if (!is_kebab(rule.info.id))
    error(id_node.Mark(), "bad-id", "rule id '" + rule.info.id + "' must be kebab-case: a-z, 0-9 and single dashes",
          static_cast<int>(rule.info.id.size()));
  if (!m_ids.insert(rule.info.id).second)
    error(id_node.Mark(), "duplicate-id", "rule '" + rule.info.id + "' is defined twice in this file",
          static_cast<int>(rule.info.id.size()));
  rule.info.origin = m_file + ":" + std::to_string(node.Mark().line + 1);

  if (const auto enabled = node["enabled"]) {
    const auto text = scalar(enabled, "enabled").value_or("");
    if (text != "true" && text != "false")
      error(enabled.Mark(), "bad-boolean", "enabled must be true or false", static_cast<int>(text.size()));
    rule.info.enabled = text != "false";
  }
  // `- id: X` with `enabled: false` and nothing else disables a rule of an earlier table.
  if (!rule.info.enabled && node.size() == 2) {
    if (m_options.base == nullptr || m_options.base->find_rule(rule.info.id) == nullptr) {
      std::string hint;
      if (m_options.base != nullptr)
        if (auto guess = util::did_you_mean(rule.info.id, m_options.base->rule_ids()))
          hint = "did you mean '" + *guess + "'?";
      error(id_node.Mark(), "unknown-rule", "cannot disable unknown rule '" + rule.info.id + "'",
            static_cast<int>(rule.info.id.size()), hint);
    }
    m_set.rules.push_back(std::move(rule));
    return;
  }

  for (auto key : {"target", "effect", "when", "message", "source"}) {
    if (!node[key]) error(node.Mark(), "missing-field", "rule '" + rule.info.id + "' needs '" + key + "'");
  }
  if (const auto target = node["target"]) {
    if (target.IsSequence()) {
      for (const auto& item : target)
        if (auto id = scalar(item, "a target id")) rule.info.targets.push_back(*id);
    } else if (auto id = scalar(target, "target")) {
      rule.info.targets.push_back(*id);
    }
    if (rule.info.targets.empty()) error(target.Mark(), "bad-value", "a rule needs at least one target");
    for (const auto& id : rule.info.targets) m_rule_targets.emplace_back(id, target.Mark());
  }
  if (const auto effect = node["effect"]) {
    const auto text = scalar(effect, "effect").value_or("");
    bool found = false;
    std::vector<std::string_view> names;
    for (auto e : model::all_effects()) {
      names.push_back(model::to_string(e));
      if (model::to_string(e) == text) {
        rule.info.effect = e;
        found = true;
      }
    }
    if (!found) {
      std::string hint;
      if (auto guess = util::did_you_mean(text, names)) hint = "did you mean '" + *guess + "'?";
      error(effect.Mark(), "bad-value", "effect must be exclude, prefer, avoid or note", static_cast<int>(text.size()),
            hint);
    }
  }
  const bool weighted = rule.info.effect == model::Effect::prefer || rule.info.effect == model::Effect::avoid;
  if (const auto weight = node["weight"]) {
    const auto text = scalar(weight, "weight").value_or("");
    try {
      std::size_t used = 0;
      rule.info.weight = std::stod(text, &used);
      if (used != text.size() || !(rule.info.weight > 0) || rule.info.weight > 100) throw std::invalid_argument(text);
    } catch (const std::exception&) {
      error(weight.Mark(), "bad-value", "weight must be a positive number up to 100", static_cast<int>(text.size()));
    }
    if (!weighted) error(weight.Mark(), "bad-value", "only prefer and avoid rules have a weight");
  } else if (weighted && node["effect"]) {
    error(node.Mark(), "missing-field",
          "rule '" + rule.info.id + "' is " + std::string(model::to_string(rule.info.effect)) + " and needs a weight");
  }
  if (const auto when = node["when"]) {
    if (auto text = scalar(when, "when")) {
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
    rule.info.message = scalar(message, "message").value_or("");
    check_message(message, rule.info.message);
  }
  if (const auto source = node["source"]) {
    rule.info.source = scalar(source, "source").value_or("");
    if (rule.info.source.empty())
      error(source.Mark(), "bad-value", "a rule's source must say where its fact comes from");
  }
  if (const auto examples = node["examples"]) read_examples(examples, rule);
  m_set.rules.push_back(std::move(rule));
}

util::Result<RuleSet> RuleFileReader::read() {
  if (auto problem = util::check_raw_text(m_text, m_file, k_text_limits))
    return util::fail(util::Diagnostics{*problem});
  YAML::Node root;
  try {
    root = YAML::Load(std::string(m_text));
  } catch (const YAML::DeepRecursion& e) {  // block nesting (`- - - -`), which the text check cannot see
    return util::fail(util::make_error("too-deep", util::too_deep_message(k_text_limits.max_depth),
                                       {m_file, e.mark.line + 1, e.mark.column + 1}, m_text));
  } catch (const YAML::Exception& e) {
    return util::fail(util::make_error("yaml-syntax", e.msg, {m_file, e.mark.line + 1, e.mark.column + 1}, m_text));
  }
  std::size_t budget = k_max_nodes;
  if (auto hit = over_budget(root, 0, budget)) {
    error(hit->mark, std::move(hit->code), std::move(hit->message));
    return util::fail(std::move(m_errors));
  }
  if (!check_map(root, k_top_keys, "a rule file")) return util::fail(std::move(m_errors));
  if (!root["version"] || root["version"].Scalar() != "1")
    error(root["version"] ? root["version"].Mark() : root.Mark(), "bad-version", "a rule file needs 'version: 1'");
  if (const auto revision = root["revision"]) m_set.revision = scalar(revision, "revision").value_or("");
  if (const auto targets = root["targets"]) {
    if (!targets.IsSequence())
      error(targets.Mark(), "bad-type", "targets must be a list");
    else
      for (const auto& target : targets) read_target(target);
  }
  if (const auto rules = root["rules"]) {
    if (!rules.IsSequence())
      error(rules.Mark(), "bad-type", "rules must be a list");
    else
      for (const auto& rule : rules) read_rule(rule);
  }
  for (const auto& [id, mark] : m_rule_targets) {
    if (target_known(id)) continue;
    std::vector<std::string_view> ids;
    for (const auto& t : m_set.targets) ids.push_back(t.id);
    if (m_options.base != nullptr)
      for (const auto& t : m_options.base->targets) ids.push_back(t.id);
    std::string hint;
    if (auto guess = util::did_you_mean(id, ids)) hint = "did you mean '" + *guess + "'?";
    error(mark, "unknown-target", "unknown target '" + id + "'", 1, hint);
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
    return util::fail(util::make_error("yaml-error", e.msg, {file, e.mark.line + 1, e.mark.column + 1}, text));
  }
}

}  // namespace caas::rules

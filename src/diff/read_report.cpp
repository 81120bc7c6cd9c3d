#include "caas/diff/read_report.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>

#include "caas/model/portfolio_diff.hpp"
#include "caas/util/messages.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::diff {

namespace {

using yaml::NodeType;
using yaml::YamlNode;

constexpr std::size_t k_report_bytes = std::size_t{64} * 1024 * 1024;

// Reads the parts of a report diff compares. Keys the reader does not use are passed over (a report carries extras,
// and a later v1 may add more); a key it uses that is missing or of the wrong shape is an error at that place, and
// the result holding it is not read.
class ReportReader {
 public:
  ReportReader(const yaml::YamlTree& tree, std::string_view text, const std::string& file)
      : m_tree(tree), m_text(text), m_file(file) {}

  void read(const YamlNode& root, ReportRead& out) {
    read_root(root, out);
    out.errors = std::move(m_errors);
  }

 private:
  void read_root(const YamlNode& root, ReportRead& out) {
    if (root.type != NodeType::map) {
      fail(root,
           util::not_a_map("a JSON report", "schema, tool, results, errors and summary", yaml::shape_of(root.type)));
      return;
    }
    const auto* schema = need(root, "schema", "", NodeType::scalar);
    if (schema == nullptr) return;
    if (schema->text != k_report_schema) {
      fail(*schema, {"not-a-report",
                     "'schema' is " + util::quoted(schema->text) + "; diff reads back reports of schema " +
                         std::string(k_report_schema),
                     "write the report with this version's -f json, or compare the workload files themselves"});
      return;
    }
    if (const auto* tool = need(root, "tool", "", NodeType::map)) {
      if (const auto* v = need(*tool, "rules_version", "tool", NodeType::scalar)) out.rules_version = v->text;
      if (const auto* v = need(*tool, "pricing_date", "tool", NodeType::scalar)) out.pricing_date = v->text;
    }
    std::map<std::string, ReportFile> files;
    if (const auto* results = need(root, "results", "", NodeType::sequence))
      for (const auto index : m_tree.children_of(*results)) read_result(m_tree.node(index), files);
    if (const auto* errors = need(root, "errors", "", NodeType::sequence))
      for (const auto index : m_tree.children_of(*errors)) read_error(m_tree.node(index), files);
    for (auto& [name, entry] : files) out.files.push_back(std::move(entry));
  }

  bool fail(const YamlNode& at, util::Problem problem) {
    auto error = util::make_error(problem.code, std::move(problem.message), {m_file, at.line, at.column}, m_text);
    error.hint = std::move(problem.hint);
    m_errors.push_back(std::move(error));
    return false;
  }

  static std::string path_of(std::string_view section, std::string_view key) {
    return section.empty() ? std::string(key) : std::string(section) + "." + std::string(key);
  }

  static std::string_view expected(NodeType type) {
    switch (type) {
      case NodeType::map: return "a map";
      case NodeType::sequence: return "a list";
      case NodeType::scalar: return "a single value";
      case NodeType::null: return "null";
    }
    return "a value";
  }

  // The value of `key` in `map` when it has the shape wanted (null also allowed when `nullable`); else an error.
  const YamlNode* need(const YamlNode& map, std::string_view key, std::string_view section, NodeType type,
                       bool nullable = false) {
    const auto* value = m_tree.find(map, key);
    if (value == nullptr) {
      fail(map, util::missing_field(section.empty() ? "the report" : "'" + std::string(section) + "'", key));
      return nullptr;
    }
    if (value->type == type || (nullable && value->type == NodeType::null)) return value;
    fail(*value, util::wrong_type(path_of(section, key), expected(type), yaml::shape_of(value->type)));
    return nullptr;
  }

  bool text(const YamlNode& map, std::string_view key, std::string_view section, std::string& out,
            bool nullable = false) {
    const auto* value = need(map, key, section, NodeType::scalar, nullable);
    if (value == nullptr) return false;
    out = value->type == NodeType::null ? std::string() : value->text;
    return true;
  }

  // A number or null; `signed_value` for scores, which may be negative.
  bool number(const YamlNode& map, std::string_view key, std::string_view section, std::optional<double>& out,
              bool signed_value = false) {
    const auto* value = need(map, key, section, NodeType::scalar, true);
    if (value == nullptr) return false;
    if (value->type == NodeType::null) {
      out.reset();
      return true;
    }
    if (signed_value && value->text.size() > 1 && value->text.front() == '-') {
      const auto magnitude = util::read_number_field(path_of(section, key), "a number", value->text.substr(1));
      if (magnitude.problem) return fail(*value, *magnitude.problem);
      out = -*magnitude.value;
      return true;
    }
    const auto field = util::read_number_field(path_of(section, key), "a number", value->text);
    if (field.problem) return fail(*value, *field.problem);
    out = field.value;
    return true;
  }

  // A line or column: a whole number, or null (0).
  bool position(const YamlNode& map, std::string_view key, std::string_view section, int& out) {
    std::optional<double> value;
    if (!number(map, key, section, value)) return false;
    if (value && (*value > 1e9 || std::floor(*value) != *value))
      return fail(*m_tree.find(map, key), util::not_whole(path_of(section, key), m_tree.find(map, key)->text));
    out = value ? static_cast<int>(*value) : 0;
    return true;
  }

  bool boolean(const YamlNode& map, std::string_view key, std::string_view section, bool& out) {
    const auto* value = need(map, key, section, NodeType::scalar);
    if (value == nullptr) return false;
    if (value->plain && (value->text == "true" || value->text == "false")) {
      out = value->text == "true";
      return true;
    }
    return fail(*value, util::not_boolean(path_of(section, key), value->text, !value->plain));
  }

  template <typename ReadItem>
  bool list(const YamlNode& map, std::string_view key, std::string_view section, ReadItem read_item) {
    const auto* items = need(map, key, section, NodeType::sequence);
    if (items == nullptr) return false;
    bool ok = true;
    for (const auto index : m_tree.children_of(*items)) {
      const auto& item = m_tree.node(index);
      if (item.type != NodeType::map) {
        ok = fail(item, util::wrong_type(path_of(section, key) + "[]", "a map", yaml::shape_of(item.type)));
        continue;
      }
      ok = read_item(item) && ok;
    }
    return ok;
  }

  bool read_blocker(const YamlNode& map, model::Reason& reason) {
    const std::string_view at = "ranking[].blockers[]";
    bool ok = text(map, "rule", at, reason.rule);
    ok = text(map, "message", at, reason.message) && ok;
    ok = text(map, "source", at, reason.source, true) && ok;
    const auto* fields = need(map, "fields", at, NodeType::sequence);
    if (fields == nullptr) return false;
    for (const auto index : m_tree.children_of(*fields)) {
      const auto& field = m_tree.node(index);
      if (field.type != NodeType::scalar)
        ok = fail(field, util::wrong_type("ranking[].blockers[].fields[]", "a field path", yaml::shape_of(field.type)));
      else
        reason.fields.push_back(field.text);
    }
    return ok;
  }

  bool read_target(const YamlNode& map, model::TargetResult& target) {
    const std::string_view at = "ranking[]";
    bool ok = text(map, "target", at, target.target.id);
    ok = boolean(map, "feasible", at, target.feasible) && ok;
    std::optional<double> score;
    ok = number(map, "score", at, score, true) && ok;
    target.score = score.value_or(0);
    std::optional<double> cost;
    ok = number(map, "monthly_cost_usd", at, cost) && ok;
    if (cost) target.cost = model::CostEstimate{*cost, {}, {}, {}};
    ok = list(map, "blockers", at,
              [&](const YamlNode& item) { return read_blocker(item, target.blockers.emplace_back()); }) &&
         ok;
    // An extra key: without it, the target's id names it.
    if (const auto* name = m_tree.find(map, "target_name"); name != nullptr && name->type == NodeType::scalar)
      target.target.name = name->text;
    if (target.target.name.empty()) target.target.name = target.target.id;
    return ok;
  }

  bool read_finding(const YamlNode& map, model::Finding& finding) {
    const std::string_view at = "findings[]";
    std::string severity;
    bool ok = text(map, "severity", at, severity);
    if (ok && severity != "error" && severity != "warning" && severity != "info")
      ok = fail(*m_tree.find(map, "severity"),
                util::not_one_of("findings[].severity", {"error", "warning", "info"}, severity));
    finding.severity = severity == "error"     ? util::Severity::error
                       : severity == "warning" ? util::Severity::warning
                                               : util::Severity::info;
    ok = text(map, "rule", at, finding.rule, true) && ok;
    ok = text(map, "message", at, finding.message) && ok;
    ok = text(map, "file", at, finding.file, true) && ok;
    ok = position(map, "line", at, finding.line) && ok;
    ok = position(map, "column", at, finding.column) && ok;
    // An extra key: what the team decided about the finding (a waived one never fails a gate).
    if (const auto* status = m_tree.find(map, "status"); status != nullptr && status->type == NodeType::scalar) {
      if (status->text == "waived") finding.status = model::FindingStatus::waived;
      if (status->text == "known") finding.status = model::FindingStatus::known;
    }
    return ok;
  }

  bool read_input(const YamlNode& map, model::InputValue& input) {
    const std::string_view at = "inputs[]";
    bool ok = text(map, "field", at, input.field);
    ok = text(map, "value", at, input.value) && ok;
    ok = position(map, "line", at, input.line) && ok;
    ok = position(map, "column", at, input.column) && ok;
    return ok;
  }

  bool read_imported(const YamlNode& map, model::Recommendation& rec) {
    bool ok = text(map, "format", "imported", rec.source_format);
    ok = list(map, "fields", "imported",
              [&](const YamlNode& item) {
                auto& provenance = rec.imported.emplace_back();
                bool fine = text(item, "field", "imported.fields[]", provenance.field);
                return text(item, "from", "imported.fields[]", provenance.original_key) && fine;
              }) &&
         ok;
    return ok;
  }

  void read_result(const YamlNode& map, std::map<std::string, ReportFile>& files) {
    if (map.type != NodeType::map) {
      fail(map, util::wrong_type("results[]", "a map", yaml::shape_of(map.type)));
      return;
    }
    model::Recommendation rec;
    const auto first_error = m_errors.size();
    const auto* workload = need(map, "workload", "results[]", NodeType::map);
    if (workload == nullptr) return;
    const bool named = text(*workload, "name", "workload", rec.name);
    if (!text(*workload, "file", "workload", rec.file)) return;
    bool ok = named;
    const auto* chosen = need(map, "recommendation", "results[]", NodeType::scalar, true);
    if (chosen == nullptr) ok = false;
    if (chosen != nullptr && chosen->type == NodeType::scalar) rec.recommended = chosen->text;
    ok = list(map, "ranking", "results[]",
              [&](const YamlNode& item) { return read_target(item, rec.ranking.emplace_back()); }) &&
         ok;
    ok = list(map, "findings", "results[]",
              [&](const YamlNode& item) { return read_finding(item, rec.findings.emplace_back()); }) &&
         ok;
    // Extras: the inputs as written (reports before they were added hold none: no field is named as changed) and,
    // for an imported workload, where each value came from.
    if (m_tree.find(map, "inputs") != nullptr)
      ok = list(map, "inputs", "results[]",
                [&](const YamlNode& item) { return read_input(item, rec.inputs.emplace_back()); }) &&
           ok;
    if (const auto* imported = m_tree.find(map, "imported"); imported != nullptr) {
      if (imported->type == NodeType::map)
        ok = read_imported(*imported, rec) && ok;
      else
        ok = fail(*imported, util::wrong_type("results[].imported", "a map", yaml::shape_of(imported->type)));
    }
    // An imported workload's file is written FILE#NAME (one spec holds several): the spec is the file.
    if (!rec.source_format.empty()) {
      const auto suffix = "#" + rec.name;
      if (rec.file.size() > suffix.size() &&
          rec.file.compare(rec.file.size() - suffix.size(), suffix.size(), suffix) == 0)
        rec.file.resize(rec.file.size() - suffix.size());
    }
    auto& entry = files[rec.file];
    entry.file = rec.file;
    if (!ok) {
      // Not read: its file's error (located in the report), so that its workloads are not compared rather than
      // called removed or added.
      const auto from = m_errors.begin() + static_cast<std::ptrdiff_t>(first_error);
      std::move(from, m_errors.end(), std::back_inserter(entry.errors));
      m_errors.erase(from, m_errors.end());
      return;
    }
    for (const auto& input : rec.inputs)
      if (input.field == "runs_on") rec.runs_on = input.value;
    entry.workloads.push_back(std::move(rec));
  }

  // An error the report records for a file it could not evaluate: that file's, so its workloads are not compared.
  void read_error(const YamlNode& map, std::map<std::string, ReportFile>& files) {
    if (map.type != NodeType::map) {
      fail(map, util::wrong_type("errors[]", "a map", yaml::shape_of(map.type)));
      return;
    }
    util::Diagnostic error;
    std::string code;
    bool ok = text(map, "file", "errors[]", error.where.file, true);
    ok = position(map, "line", "errors[]", error.where.line) && ok;
    ok = position(map, "column", "errors[]", error.where.column) && ok;
    ok = text(map, "message", "errors[]", error.message) && ok;
    ok = text(map, "code", "errors[]", code) && ok;
    if (!ok) return;
    error.code = "error-in-report";
    error.message = "when the report was written: " + error.message + " (" + code + ")";
    auto& entry = files[error.where.file];
    entry.file = error.where.file;
    entry.errors.push_back(std::move(error));
  }

  const yaml::YamlTree& m_tree;
  std::string_view m_text;
  const std::string& m_file;
  util::Diagnostics m_errors;
};

bool is_check_finding(const model::Finding& finding) { return finding.rule.rfind("check-", 0) == 0; }

// The finding `check` writes for a workload's runs_on (src/engine/judge.cpp), from what the report holds: none when
// runs_on is the recommendation or names no target of the ranking.
std::optional<model::Finding> judgement(const model::Recommendation& rec) {
  std::string_view rule;
  switch (model::verdict_of(rec)) {
    case model::Verdict::recommended: return std::nullopt;
    case model::Verdict::no_target: rule = util::registered("check-no-feasible-target"); break;
    case model::Verdict::none: rule = util::registered("check-no-runs-on"); break;
    case model::Verdict::not_recommended: rule = util::registered("check-runs-on-not-recommended"); break;
    case model::Verdict::infeasible:
      if (std::none_of(rec.ranking.begin(), rec.ranking.end(),
                       [&](const model::TargetResult& t) { return t.target.id == rec.runs_on; }))
        return std::nullopt;
      rule = util::registered("check-runs-on-infeasible");
      break;
  }
  const auto* code = util::find_code(rule);
  model::Finding finding{code->severity, std::string(rule), std::string(code->summary), rec.file, 0, 0, "runs_on"};
  finding.message += " (judged from the report, written without check's findings)";
  for (const auto& input : rec.inputs)
    if (input.field == "runs_on") {
      finding.line = input.line;
      finding.column = input.column;
    }
  return finding;
}

// A report written by `recommend` holds no check findings, so the other side's would all look new to the gate on
// new findings: when a workload lacks the finding check would have written, the report was written without them,
// and each workload gets check's judgement of its runs_on back.
void add_check_judgements(std::vector<ReportFile>& files) {
  bool judged = true;
  for (const auto& file : files)
    for (const auto& rec : file.workloads)
      if (judgement(rec) && std::none_of(rec.findings.begin(), rec.findings.end(), is_check_finding)) judged = false;
  if (judged) return;
  for (auto& file : files)
    for (auto& rec : file.workloads)
      if (std::none_of(rec.findings.begin(), rec.findings.end(), is_check_finding))
        if (auto finding = judgement(rec)) rec.findings.push_back(std::move(*finding));
}

}  // namespace

util::InputLimits report_limits(std::size_t max_file_size) {
  util::InputLimits limits;
  limits.max_bytes = std::max(max_file_size, k_report_bytes);
  // A report holds about one node for every 12 bytes; the budget leaves room for that and refuses alias bombs.
  limits.max_nodes = limits.max_bytes / 4;
  return limits;
}

bool looks_like_report(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') return false;
  // The report writes its schema first; a spec in JSON (a CloudFormation template) never names this one.
  const auto head = text.substr(start, 256);
  return head.find("\"schema\"") != std::string_view::npos && head.find("\"caas-advisor/") != std::string_view::npos;
}

ReportRead read_report(std::string_view text, const std::string& file, const util::InputLimits& limits) {
  ReportRead out;
  auto read = yaml::read_yaml(text, file, limits);
  if (!read.errors.empty()) {
    out.errors = std::move(read.errors);
    return out;
  }
  if (read.tree.documents.size() != 1 || read.tree.documents.front().root == yaml::k_no_node) {
    const auto problem =
        read.tree.documents.size() > 1
            ? util::multiple_documents("a JSON report", read.tree.documents.size())
            : util::not_a_map("a JSON report", "schema, tool, results, errors and summary", util::Shape::nothing);
    const auto& at = read.tree.documents.size() > 1 ? read.tree.documents[1] : yaml::YamlDocument{};
    auto error = util::make_error(problem.code, problem.message, {file, at.line, at.column}, text);
    error.hint = problem.hint;
    out.errors.push_back(std::move(error));
    return out;
  }
  ReportReader(read.tree, text, file).read(read.tree.node(read.tree.documents.front().root), out);
  add_check_judgements(out.files);
  return out;
}

namespace {

// The folder every path of the report lies in ("services/" for services/a.yaml and services/b/c.yaml).
std::string common_folder(const std::vector<ReportFile>& files) {
  if (files.empty()) return {};
  std::string prefix = files.front().file;
  for (const auto& f : files) {
    std::size_t n = 0;
    while (n < prefix.size() && n < f.file.size() && prefix[n] == f.file[n]) ++n;
    prefix.resize(n);
  }
  const auto slash = prefix.rfind('/');
  return slash == std::string::npos ? std::string() : prefix.substr(0, slash + 1);
}

// The prefix that, taken off the report's paths, turns most of them into keys of the other side; nullopt when none
// does.
std::optional<std::string> matching_root(const std::vector<ReportFile>& files, const std::vector<std::string>& keys) {
  std::vector<std::string> sorted(keys.begin(), keys.end());
  std::sort(sorted.begin(), sorted.end());
  std::map<std::string, int> votes;
  for (const auto& f : files) {
    // Each suffix of the path that starts after a '/' (and the path itself) may be a key of the other side.
    for (std::size_t start = 0; start != std::string::npos && start < f.file.size();) {
      const auto suffix = f.file.substr(start);
      if (std::binary_search(sorted.begin(), sorted.end(), suffix)) ++votes[f.file.substr(0, start)];
      const auto slash = f.file.find('/', start);
      start = slash == std::string::npos ? std::string::npos : slash + 1;
    }
  }
  std::optional<std::string> best;
  int most = 0;
  for (const auto& [root, count] : votes)  // in order, so the first of equal counts wins: the same every time
    if (count > most) {
      most = count;
      best = root;
    }
  return best;
}

}  // namespace

Side report_side(ReportRead&& report, const std::vector<std::string>& other_keys, const std::string& display) {
  Side side;
  const bool lone_file = other_keys.size() == 1 && other_keys.front().empty();
  std::string root;
  if (!lone_file) {
    const auto found = matching_root(report.files, other_keys);
    root = found ? *found : common_folder(report.files);
  }
  for (auto& f : report.files) {
    std::string key;
    // Against a lone file, a report of one file is that file, whatever its name (as two lone files are).
    if (!lone_file || report.files.size() != 1)
      key = f.file.compare(0, root.size(), root) == 0 ? f.file.substr(root.size()) : f.file;
    side.files.push_back({std::move(key), f.file, std::move(f.workloads), std::move(f.errors)});
  }
  if (!report.errors.empty()) side.files.push_back({display, display, {}, std::move(report.errors)});
  side.info.rules_version = report.rules_version;
  side.info.pricing_date = report.pricing_date;
  return side;
}

}  // namespace caas::diff

#include "caas/diff/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "caas/model/field_catalogue.hpp"
#include "caas/report/finding_identity.hpp"

namespace caas::diff {

namespace {

struct Entry {
  const SideFile* file = nullptr;
  const model::Recommendation* workload = nullptr;
  bool matched = false;
};

std::vector<Entry> entries_of(const Side& side) {
  std::vector<Entry> entries;
  for (const auto& file : side.files)
    for (const auto& workload : file.workloads) entries.push_back({&file, &workload, false});
  // Matching visits entries in file and document order, so that ties resolve the same way every time.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.file->key < b.file->key; });
  return entries;
}

// Money and scores compare as printed (to the cent, to two decimals): a report read back holds them rounded.
double rounded(double value) { return std::round(value * 100.0) / 100.0; }

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || rounded(*a) == rounded(*b);
}

const model::TargetResult* find_target(const model::Recommendation& rec, std::string_view id) {
  for (const auto& result : rec.ranking)
    if (result.target.id == id) return &result;
  return nullptr;
}

// Catalogue fields in catalogue order, then x- extensions by name.
std::pair<std::size_t, std::string> field_order(const std::string& field) {
  if (const auto index = model::find_field(field)) return {*index, {}};
  return {model::field_catalogue().size(), field};
}

std::string original_key(const model::Recommendation& rec, const std::string& field) {
  for (const auto& p : rec.imported)
    if (p.field == field) return p.original_key;
  return {};
}

std::vector<model::FieldChange> field_changes(const model::Recommendation& before, const model::Recommendation& after) {
  struct Pair {
    const model::InputValue* before = nullptr;
    const model::InputValue* after = nullptr;
  };
  std::map<std::pair<std::size_t, std::string>, Pair> fields;
  for (const auto& input : before.inputs) fields[field_order(input.field)].before = &input;
  for (const auto& input : after.inputs) fields[field_order(input.field)].after = &input;
  std::vector<model::FieldChange> changes;
  for (const auto& [order, pair] : fields) {
    const std::string was = pair.before != nullptr ? pair.before->value : std::string();
    const std::string now = pair.after != nullptr ? pair.after->value : std::string();
    if (pair.before != nullptr && pair.after != nullptr && was == now) continue;
    const auto& field = pair.after != nullptr ? pair.after->field : pair.before->field;
    std::string key = original_key(after, field);
    if (key.empty()) key = original_key(before, field);
    changes.push_back({field, was, now, std::move(key), pair.after != nullptr ? pair.after->line : pair.before->line});
  }
  return changes;
}

std::vector<model::Reason> blockers_only_in(const std::vector<model::Reason>& these,
                                            const std::vector<model::Reason>& others) {
  std::vector<model::Reason> out;
  for (const auto& reason : these)
    if (std::none_of(others.begin(), others.end(), [&](const model::Reason& o) { return o.rule == reason.rule; }))
      out.push_back(reason);
  return out;
}

model::TargetChange target_change(const model::TargetResult* before, const model::TargetResult* after) {
  model::TargetChange change;
  const auto& any = after != nullptr ? *after : *before;
  change.target = any.target.id;
  change.name = any.target.name;
  auto fill = [](const model::TargetResult* result, std::optional<bool>& feasible, std::optional<double>& score,
                 std::optional<double>& cost) {
    if (result == nullptr) return;
    feasible = result->feasible;
    if (result->feasible) score = result->score;
    if (result->cost) cost = result->cost->monthly_usd;
  };
  fill(before, change.feasible_before, change.score_before, change.cost_before);
  fill(after, change.feasible_after, change.score_after, change.cost_after);
  static const std::vector<model::Reason> k_none;
  const auto& was = before != nullptr ? before->blockers : k_none;
  const auto& now = after != nullptr ? after->blockers : k_none;
  change.ruled_out_by = blockers_only_in(now, was);
  change.no_longer_ruled_out = blockers_only_in(was, now);
  return change;
}

bool target_differs(const model::TargetChange& t) {
  return t.feasible_before != t.feasible_after || !same(t.score_before, t.score_after) ||
         !same(t.cost_before, t.cost_after) || !t.ruled_out_by.empty() || !t.no_longer_ruled_out.empty();
}

std::vector<model::TargetChange> target_changes(const model::Recommendation* before,
                                                const model::Recommendation* after) {
  std::vector<model::TargetChange> changes;
  if (after != nullptr)
    for (const auto& result : after->ranking)
      changes.push_back(target_change(before != nullptr ? find_target(*before, result.target.id) : nullptr, &result));
  if (before != nullptr)
    for (const auto& result : before->ranking)
      if (after == nullptr || find_target(*after, result.target.id) == nullptr)
        changes.push_back(target_change(&result, nullptr));
  return changes;
}

// One side's half of a change: what it recommended and what it costs.
void fill_before(model::WorkloadChange& change, const model::Recommendation& rec) {
  change.recommended_before = rec.recommended;
  change.runs_on_before = rec.runs_on;
  change.verdict_before = model::verdict_of(rec);
  change.costed_before = model::costed_target(rec);
  change.cost_before = model::costed_usd(rec);
}

void fill_after(model::WorkloadChange& change, const model::Recommendation& rec) {
  change.recommended_after = rec.recommended;
  change.runs_on_after = rec.runs_on;
  change.verdict_after = model::verdict_of(rec);
  change.costed_after = model::costed_target(rec);
  change.cost_after = model::costed_usd(rec);
}

int line_of(const model::Recommendation& rec) {
  // The workload's first input is where its file starts to describe it; reports give no better place.
  int line = 0;
  for (const auto& input : rec.inputs)
    if (input.line > 0 && (line == 0 || input.line < line)) line = input.line;
  return line;
}

// The findings the change introduces and those it removes, matched as a baseline is (report/finding_identity.hpp):
// by file, workload and rule, the base's findings taken to the head's file and name when the file moved or the
// workload was renamed.
void compare_findings(const Entry& base, const Entry& head, model::WorkloadChange& change) {
  const auto& before = *base.workload;
  const auto& after = *head.workload;
  std::vector<report::FindingKey> earlier;
  earlier.reserve(before.findings.size());
  for (const auto& finding : before.findings) {
    auto key = report::finding_key(before, finding);
    if (key.file == base.file->display) key.file = head.file->display;
    key.workload = after.name;
    earlier.push_back(std::move(key));
  }
  const auto result = report::compare_findings(earlier, report::finding_keys(after));
  for (std::size_t i = 0; i < result.current.size(); ++i)
    if (result.current[i] == report::Match::new_finding) change.new_findings.push_back(after.findings[i]);
  // Each fixed key stands for one base finding of that rule not matched yet: the first ones, in the base's order.
  std::vector<bool> taken(before.findings.size(), false);
  for (const auto& key : result.fixed)
    for (std::size_t i = 0; i < before.findings.size(); ++i)
      if (!taken[i] && before.findings[i].rule == key.rule) {
        taken[i] = true;
        change.fixed_findings.push_back(before.findings[i]);
        break;
      }
}

model::WorkloadChange pair_change(const Entry& base, const Entry& head) {
  const auto& before = *base.workload;
  const auto& after = *head.workload;
  model::WorkloadChange change;
  change.name = after.name;
  if (before.name != after.name) change.name_before = before.name;
  change.file = head.file->display;
  if (base.file->key != head.file->key) change.file_before = base.file->display;
  change.line = line_of(after);
  change.source_format = after.source_format;
  fill_before(change, before);
  fill_after(change, after);
  change.fields = field_changes(before, after);
  change.targets = target_changes(&before, &after);
  compare_findings(base, head, change);
  const bool advice_differs = change.recommended_before != change.recommended_after ||
                              change.runs_on_before != change.runs_on_after ||
                              change.verdict_before != change.verdict_after ||
                              std::any_of(change.targets.begin(), change.targets.end(), target_differs);
  const bool differs = advice_differs || !change.fields.empty() || !change.name_before.empty() ||
                       !change.new_findings.empty() || !change.fixed_findings.empty();
  change.kind = differs ? model::ChangeKind::changed : model::ChangeKind::moved;
  return change;
}

enum class Which { base, head };

model::WorkloadChange single_change(const Entry& entry, model::ChangeKind kind, Which which) {
  const auto& rec = *entry.workload;
  model::WorkloadChange change;
  change.kind = kind;
  change.name = rec.name;
  change.file = entry.file->display;
  change.line = line_of(rec);
  change.source_format = rec.source_format;
  if (which == Which::head) {
    if (kind == model::ChangeKind::added) change.new_findings = rec.findings;  // all of them come with it
    fill_after(change, rec);
    change.targets = target_changes(nullptr, &rec);
  } else {
    fill_before(change, rec);
    change.targets = target_changes(&rec, nullptr);
  }
  return change;
}

// Order of the list: target changes first, then other changes, added, removed, moved, not compared; by file.
int group_of(const model::WorkloadChange& change) {
  if (change.target_changed()) return 0;
  switch (change.kind) {
    case model::ChangeKind::changed: return 1;
    case model::ChangeKind::added: return 2;
    case model::ChangeKind::removed: return 3;
    case model::ChangeKind::moved: return 4;
    case model::ChangeKind::not_compared: return 5;
  }
  return 5;
}

class Matcher {
 public:
  Matcher(const Side& base, const Side& head) : m_base(entries_of(base)), m_head(entries_of(head)) {}

  // Pairs of (base, head) indices, in four passes of decreasing certainty.
  std::vector<std::pair<std::size_t, std::size_t>> match() {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    pass(pairs, [](const Entry& e) { return std::make_tuple(e.file->key, e.workload->name); });
    // A moved or renamed file: the same workload name, once on each side among those left.
    pass(pairs, [](const Entry& e) { return std::make_tuple(std::string(), e.workload->name); });
    // A workload renamed in its file: the only one left in that file on each side.
    pass(pairs, [](const Entry& e) { return std::make_tuple(e.file->key, std::string()); });
    return pairs;
  }

  std::vector<Entry>& base() { return m_base; }
  std::vector<Entry>& head() { return m_head; }

 private:
  // Pairs the entries left whose key is unique among those left on each side.
  template <typename KeyOf>
  void pass(std::vector<std::pair<std::size_t, std::size_t>>& pairs, KeyOf key_of) {
    using Key = decltype(key_of(m_base.front()));
    std::map<Key, std::vector<std::size_t>> base_keys;
    std::map<Key, std::vector<std::size_t>> head_keys;
    for (std::size_t i = 0; i < m_base.size(); ++i)
      if (!m_base[i].matched) base_keys[key_of(m_base[i])].push_back(i);
    for (std::size_t i = 0; i < m_head.size(); ++i)
      if (!m_head[i].matched) head_keys[key_of(m_head[i])].push_back(i);
    for (const auto& [key, base_indices] : base_keys) {
      const auto it = head_keys.find(key);
      if (it == head_keys.end() || base_indices.size() != 1 || it->second.size() != 1) continue;
      m_base[base_indices.front()].matched = true;
      m_head[it->second.front()].matched = true;
      pairs.emplace_back(base_indices.front(), it->second.front());
    }
  }

  std::vector<Entry> m_base;
  std::vector<Entry> m_head;
};

// Files of a side that could not be evaluated, wholly or in part (a spec with one broken service, a report with
// one unreadable result), by key: a workload left unmatched whose file is broken on the other side is not compared,
// rather than called added or removed.
std::vector<std::string> broken_keys(const Side& side) {
  std::vector<std::string> keys;
  for (const auto& file : side.files)
    if (!file.errors.empty()) keys.push_back(file.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool holds(const std::vector<std::string>& sorted, const std::string& key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

std::optional<double> side_total(const Side& side, const Unchanged& unchanged) {
  if (unchanged.files > 0 && !unchanged.monthly_usd) return std::nullopt;
  double total = unchanged.monthly_usd.value_or(0);
  for (const auto& file : side.files)
    for (const auto& workload : file.workloads) total += model::costed_usd(workload).value_or(0);
  return total;
}

void add_errors(model::PortfolioDiff& out, const Side& side, const std::string& name) {
  std::vector<const SideFile*> files;
  for (const auto& file : side.files) files.push_back(&file);
  std::stable_sort(files.begin(), files.end(), [](const SideFile* a, const SideFile* b) { return a->key < b->key; });
  for (const auto* file : files)
    for (const auto& error : file->errors) out.errors.push_back({name, error});
}

}  // namespace

void keep_compared_parts(model::Recommendation& recommendation) {
  recommendation.description.clear();
  recommendation.assumptions.clear();
  recommendation.what_would_change.clear();
  recommendation.unknown.clear();
  recommendation.cost_curve.reset();
  for (auto& result : recommendation.ranking) {
    result.reasons.clear();
    if (result.cost) result.cost = model::CostEstimate{result.cost->monthly_usd, {}, {}, {}};
  }
  for (auto& provenance : recommendation.imported) {
    provenance.value.clear();
    provenance.note.clear();
  }
}

model::PortfolioDiff compare(const Side& base, const Side& head, const Unchanged& unchanged) {
  model::PortfolioDiff out;
  out.base = base.info;
  out.head = head.info;
  out.unchanged = unchanged.workloads;
  out.unchanged_files = unchanged.files;

  Matcher matcher(base, head);
  for (const auto& [b, h] : matcher.match()) {
    auto change = pair_change(matcher.base()[b], matcher.head()[h]);
    if (change.kind == model::ChangeKind::moved && change.file_before.empty())
      ++out.unchanged;
    else
      out.changes.push_back(std::move(change));
  }
  const auto broken_in_head = broken_keys(head);
  const auto broken_in_base = broken_keys(base);
  for (const auto& entry : matcher.base())
    if (!entry.matched)
      out.changes.push_back(single_change(
          entry, holds(broken_in_head, entry.file->key) ? model::ChangeKind::not_compared : model::ChangeKind::removed,
          Which::base));
  for (const auto& entry : matcher.head())
    if (!entry.matched)
      out.changes.push_back(single_change(
          entry, holds(broken_in_base, entry.file->key) ? model::ChangeKind::not_compared : model::ChangeKind::added,
          Which::head));
  std::stable_sort(out.changes.begin(), out.changes.end(),
                   [](const model::WorkloadChange& a, const model::WorkloadChange& b) {
                     return std::make_tuple(group_of(a), std::cref(a.file), std::cref(a.name)) <
                            std::make_tuple(group_of(b), std::cref(b.file), std::cref(b.name));
                   });

  for (const auto& change : out.changes) {
    if (change.kind == model::ChangeKind::not_compared) continue;
    if (const auto delta = change.cost_change())
      out.cost.change += *delta;
    else
      ++out.cost.workloads_without_cost;
  }
  out.cost.base_total = side_total(base, unchanged);
  out.cost.head_total = side_total(head, unchanged);
  add_errors(out, base, "base");
  add_errors(out, head, "head");
  return out;
}

}  // namespace caas::diff

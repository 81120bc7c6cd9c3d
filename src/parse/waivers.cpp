#include "caas/parse/waivers.hpp"

#include <algorithm>
#include <array>

#include "caas/util/messages.hpp"

namespace caas::parse {

namespace {

using yaml::NodeType;
using yaml::YamlNode;

class WaiverReader {
 public:
  WaiverReader(const yaml::YamlTree& tree, std::string_view text, const std::string& file, bool with_workload,
               util::Diagnostics& errors)
      : m_tree(tree), m_text(text), m_file(file), m_with_workload(with_workload), m_errors(errors) {}

  std::vector<model::Waiver> read(const YamlNode& list) {
    std::vector<model::Waiver> waivers;
    if (list.type != NodeType::sequence) {
      report(util::wrong_type("waivers", "a list of waivers (rule, reason, expires)", yaml::shape_of(list.type)), list);
      return waivers;
    }
    const auto items = m_tree.children_of(list);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& item = m_tree.node(items[i]);
      const std::string path = "waivers[" + std::to_string(i) + "]";
      if (item.type != NodeType::map) {
        report(util::wrong_type(path,
                                m_with_workload ? "a map of workload, rule, reason and expires"
                                                : "a map of rule, reason and expires",
                                yaml::shape_of(item.type)),
               item);
        continue;
      }
      if (auto waiver = read_entry(item, path)) waivers.push_back(std::move(*waiver));
    }
    return waivers;
  }

 private:
  std::optional<model::Waiver> read_entry(const YamlNode& map, const std::string& path) {
    static const std::vector<std::string_view> k_keys = {"rule", "reason", "expires"};
    static const std::vector<std::string_view> k_config_keys = {"workload", "rule", "reason", "expires"};
    const auto& keys = m_with_workload ? k_config_keys : k_keys;
    model::Waiver waiver;
    waiver.file = m_file;
    waiver.line = map.line;
    waiver.column = map.column;
    const auto before = m_errors.size();
    std::array<const YamlNode*, 4> seen{};
    const auto entries = m_tree.children_of(map);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
      const auto& key = m_tree.node(entries[i]);
      const auto& value = m_tree.node(entries[i + 1]);
      const auto it = key.type == NodeType::scalar ? std::find(keys.begin(), keys.end(), key.text) : keys.end();
      if (it == keys.end()) {
        const std::string extra =
            !m_with_workload && key.text == "workload" ? "a waiver in a workload file applies to that workload" : "";
        auto problem = util::unknown_key(key.type == NodeType::scalar ? key.text : "?", path, keys);
        if (!extra.empty()) problem.hint = extra;
        report(std::move(problem), key);
        continue;
      }
      auto& first = seen[static_cast<std::size_t>(it - keys.begin())];
      if (first) {
        report(util::duplicate_key(key.text, first->line), key);
        continue;
      }
      first = &key;
      const std::string at = path + "." + key.text;
      if (value.type != NodeType::scalar) {
        report(util::wrong_type(at, "a single value", yaml::shape_of(value.type)),
               value.type == NodeType::null ? key : value);
        continue;
      }
      if (value.text.empty()) {
        report(util::empty_value(at, "a string"), value);
        continue;
      }
      if (key.text == "workload") waiver.workload = value.text;
      if (key.text == "rule") waiver.rule = value.text;
      if (key.text == "reason") waiver.reason = value.text;
      if (key.text == "expires") {
        if (!is_calendar_date(value.text)) {
          report(util::not_of_form(at, "a date written YYYY-MM-DD", value.text), value);
          continue;
        }
        waiver.expires = value.text;
      }
    }
    if (m_with_workload && !seen[0])
      report(util::missing_field("the waiver", "workload", "a workload name or glob, such as 'orders-*'"), map);
    if (!seen[m_with_workload ? 1 : 0])
      report(util::missing_field("the waiver", "rule", "a rule id or check id (caas-advisor rules list)"), map);
    if (!seen[m_with_workload ? 2 : 1])
      report(util::missing_field("the waiver", "reason", "a sentence saying why the finding is accepted"), map);
    if (m_errors.size() != before) return std::nullopt;
    return waiver;
  }

  void report(util::Problem problem, const YamlNode& at) {
    auto d = util::make_error(problem.code, std::move(problem.message), {m_file, at.line, at.column}, m_text,
                              std::max(1, static_cast<int>(at.text.size())));
    d.hint = std::move(problem.hint);
    m_errors.push_back(std::move(d));
  }

  const yaml::YamlTree& m_tree;
  std::string_view m_text;
  const std::string& m_file;
  bool m_with_workload;
  util::Diagnostics& m_errors;
};

int digits(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool is_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const int year = digits(text.substr(0, 4));
  const int month = digits(text.substr(5, 2));
  const int day = digits(text.substr(8, 2));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = month == 2 && leap ? 29 : k_days[static_cast<std::size_t>(month - 1)];
  return day <= last;
}

std::vector<model::Waiver> decode_waivers(const yaml::YamlTree& tree, const yaml::YamlNode& list, std::string_view text,
                                          const std::string& file, bool with_workload, util::Diagnostics& errors) {
  return WaiverReader(tree, text, file, with_workload, errors).read(list);
}

}  // namespace caas::parse

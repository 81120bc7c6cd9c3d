#include "units.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace caas::import {

namespace {

constexpr double k_kib = 1024.0;
constexpr double k_mib = 1024.0 * 1024.0;
constexpr double k_gib = 1024.0 * 1024.0 * 1024.0;
constexpr double k_hours_per_month = 730.0;
constexpr double k_days_per_month = k_hours_per_month / 24.0;

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A leading non-negative decimal number (with an optional exponent) and the rest of the text, trimmed.
struct Leading {
  double number = 0;
  std::string_view rest;
};
std::optional<Leading> leading_number(std::string_view text) {
  text = trim(text);
  std::size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
  if (end == 0) return std::nullopt;
  // An exponent only when digits follow it ("129e6"), so that units such as "E" (exa) still read as units.
  if (end + 1 < text.size() && (text[end] == 'e' || text[end] == 'E') &&
      std::isdigit(static_cast<unsigned char>(text[end + 1]))) {
    end += 1;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, value);
  if (ec != std::errc() || ptr != text.data() + end || !std::isfinite(value) || value < 0) return std::nullopt;
  return Leading{value, trim(text.substr(end))};
}

}  // namespace

std::optional<double> lambda_megabytes(std::string_view text) {
  const auto n = leading_number(text);
  if (!n || (!n->rest.empty() && n->rest != "MB" && n->rest != "MiB")) return std::nullopt;
  return n->number * k_mib;
}

std::optional<double> kubernetes_bytes(std::string_view text) {
  const auto n = leading_number(text);
  if (!n) return std::nullopt;
  static const std::array<std::pair<std::string_view, double>, 13> k_units = {{
      {"", 1},
      {"k", 1e3},
      {"M", 1e6},
      {"G", 1e9},
      {"T", 1e12},
      {"P", 1e15},
      {"E", 1e18},
      {"Ki", k_kib},
      {"Mi", k_mib},
      {"Gi", k_gib},
      {"Ti", k_gib * k_kib},
      {"Pi", k_gib * k_mib},
      {"Ei", k_gib * k_gib},
  }};
  for (const auto& [symbol, factor] : k_units)
    if (n->rest == symbol) return n->number * factor;
  return std::nullopt;
}

std::optional<double> kubernetes_cpu(std::string_view text) {
  const auto n = leading_number(text);
  if (!n) return std::nullopt;
  if (n->rest.empty()) return n->number;
  if (n->rest == "m") return n->number / 1000.0;
  return std::nullopt;
}

std::optional<double> docker_bytes(std::string_view text) {
  const auto n = leading_number(text);
  if (!n) return std::nullopt;
  const auto unit = lower(n->rest);
  if (unit.empty() || unit == "b") return n->number;
  if (unit == "k" || unit == "kb") return n->number * k_kib;
  if (unit == "m" || unit == "mb") return n->number * k_mib;
  if (unit == "g" || unit == "gb") return n->number * k_gib;
  return std::nullopt;
}

std::optional<double> ecs_cpu(std::string_view text) {
  const auto n = leading_number(text);
  if (!n) return std::nullopt;
  if (n->rest.empty()) return n->number / 1024.0;
  if (lower(n->rest) == "vcpu") return n->number;
  return std::nullopt;
}

std::optional<double> ecs_memory(std::string_view text) {
  const auto n = leading_number(text);
  if (!n) return std::nullopt;
  const auto unit = lower(n->rest);
  if (unit.empty() || unit == "mb" || unit == "mib") return n->number * k_mib;
  if (unit == "gb" || unit == "gib") return n->number * k_gib;
  return std::nullopt;
}

std::optional<double> plain_seconds(std::string_view text) {
  const auto n = leading_number(text);
  if (!n || !n->rest.empty()) return std::nullopt;
  return n->number;
}

namespace {

// How many values of a cron field match, of lo..hi; names (JAN, MON) by their position in `names`.
std::optional<double> count_cron_field(std::string_view field, int lo, int hi,
                                       const std::vector<std::string_view>& names, int first_name_value) {
  auto value_of = [&](std::string_view token) -> std::optional<int> {
    const auto upper = [&] {
      std::string out(token);
      for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return out;
    }();
    for (std::size_t i = 0; i < names.size(); ++i)
      if (upper == names[i]) return first_name_value + static_cast<int>(i);
    int v = 0;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    if (ec != std::errc() || ptr != token.data() + token.size()) return std::nullopt;
    return v;
  };
  std::vector<bool> hit(static_cast<std::size_t>(hi + 1), false);
  std::size_t start = 0;
  while (start <= field.size()) {
    auto comma = field.find(',', start);
    if (comma == std::string_view::npos) comma = field.size();
    auto part = field.substr(start, comma - start);
    start = comma + 1;
    int step = 1;
    if (const auto slash = part.find('/'); slash != std::string_view::npos) {
      const auto s = value_of(part.substr(slash + 1));
      if (!s || *s <= 0) return std::nullopt;
      step = *s;
      part = part.substr(0, slash);
    }
    int from = lo;
    int to = hi;
    if (part != "*" && part != "?") {
      const auto dash = part.find('-');
      const auto a = value_of(part.substr(0, dash));
      if (!a) return std::nullopt;
      from = *a;
      to = step > 1 && dash == std::string_view::npos ? hi : *a;
      if (dash != std::string_view::npos) {
        const auto b = value_of(part.substr(dash + 1));
        if (!b) return std::nullopt;
        to = *b;
      }
    }
    if (from < lo || to > hi || from > to) return std::nullopt;
    for (int v = from; v <= to; v += step) hit[static_cast<std::size_t>(v)] = true;
    if (comma == field.size()) break;
  }
  return static_cast<double>(std::count(hit.begin(), hit.end(), true));
}

std::vector<std::string_view> split_spaces(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const auto start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::optional<double> cron_runs(const std::vector<std::string_view>& f) {
  static const std::vector<std::string_view> k_months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                         "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  static const std::vector<std::string_view> k_days = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  const auto minutes = count_cron_field(f[0], 0, 59, {}, 0);
  const auto hours = count_cron_field(f[1], 0, 23, {}, 0);
  const auto month_count = count_cron_field(f[3], 1, 12, k_months, 1);
  if (!minutes || !hours || !month_count) return std::nullopt;
  auto all = [](std::string_view s) { return s == "*" || s == "?"; };
  // "L", "W" and "#" pick one day a month each.
  auto monthly_days = [](std::string_view s) -> std::optional<double> {
    if (s.find_first_of("LW#") == std::string_view::npos) return std::nullopt;
    return static_cast<double>(std::count(s.begin(), s.end(), ',') + 1);
  };
  double days_per_month = k_days_per_month;
  const bool dom_all = all(f[2]);
  const bool dow_all = all(f[4]);
  std::optional<double> dom;
  std::optional<double> dow;
  if (!dom_all) dom = monthly_days(f[2]) ? monthly_days(f[2]) : count_cron_field(f[2], 1, 31, {}, 1);
  if (!dow_all) {
    if (const auto m = monthly_days(f[4])) {
      dow = *m;
    } else if (const auto c = count_cron_field(f[4], 0, 7, k_days, 0)) {
      dow = *c * k_days_per_month / 7.0;
    }
    if (!dow) return std::nullopt;
  }
  if (!dom_all && !dom) return std::nullopt;
  if (!dom_all && !dow_all)
    days_per_month = *dom + *dow;
  else if (!dom_all)
    days_per_month = *dom;
  else if (!dow_all)
    days_per_month = *dow;
  return *minutes * *hours * days_per_month * (*month_count / 12.0);
}

}  // namespace

double whole_runs(double runs) { return std::max(1.0, std::round(runs)); }

std::optional<double> runs_per_month(std::string_view schedule) {
  auto text = trim(schedule);
  if (text.rfind("CRON_TZ=", 0) == 0 || text.rfind("TZ=", 0) == 0) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    text = trim(text.substr(space));
  }
  if (text.rfind("rate(", 0) == 0 && text.back() == ')') {
    const auto n = leading_number(text.substr(5, text.size() - 6));
    if (!n || n->number <= 0) return std::nullopt;
    const auto unit = lower(n->rest);
    double minutes = 0;
    if (unit == "minute" || unit == "minutes")
      minutes = n->number;
    else if (unit == "hour" || unit == "hours")
      minutes = n->number * 60;
    else if (unit == "day" || unit == "days")
      minutes = n->number * 1440;
    else
      return std::nullopt;
    return k_hours_per_month * 60.0 / minutes;
  }
  if (text.rfind("cron(", 0) == 0 && text.back() == ')') {
    const auto fields = split_spaces(text.substr(5, text.size() - 6));
    if (fields.size() != 6) return std::nullopt;
    return cron_runs(fields);
  }
  if (text == "@hourly") return k_hours_per_month;
  if (text == "@daily" || text == "@midnight") return k_days_per_month;
  if (text == "@weekly") return k_days_per_month / 7.0;
  if (text == "@monthly") return 1.0;
  if (text == "@yearly" || text == "@annually") return 1.0 / 12.0;
  const auto fields = split_spaces(text);
  if (fields.size() != 5) return std::nullopt;
  return cron_runs(fields);
}

}  // namespace caas::import

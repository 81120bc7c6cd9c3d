#include "caas/util/quantity.hpp"

#include <charconv>
#include <cmath>

#include "caas/util/suggest.hpp"
#include "caas/util/text.hpp"

namespace caas::util {

bool is_quantity(Kind kind) { return kind == Kind::duration || kind == Kind::size || kind == Kind::count; }

namespace {
constexpr double k_kibi = 1024.0;
constexpr double k_mebi = k_kibi * k_kibi;
constexpr double k_gibi = k_mebi * k_kibi;
constexpr double k_tebi = k_gibi * k_kibi;

const std::vector<Unit> k_durations = {{"ms", Kind::duration, 0.001}, {"s", Kind::duration, 1},
                                       {"m", Kind::duration, 60},     {"min", Kind::duration, 60},
                                       {"h", Kind::duration, 3600},   {"d", Kind::duration, 86400}};
const std::vector<Unit> k_sizes = {
    {"B", Kind::size, 1},        {"KB", Kind::size, 1e3},     {"MB", Kind::size, 1e6},     {"GB", Kind::size, 1e9},
    {"TB", Kind::size, 1e12},    {"KiB", Kind::size, k_kibi}, {"MiB", Kind::size, k_mebi}, {"GiB", Kind::size, k_gibi},
    {"TiB", Kind::size, k_tebi}, {"Ki", Kind::size, k_kibi},  {"Mi", Kind::size, k_mebi},  {"Gi", Kind::size, k_gibi},
    {"Ti", Kind::size, k_tebi},
};
const std::vector<Unit> k_counts = {{"k", Kind::count, 1e3}, {"M", Kind::count, 1e6}, {"B", Kind::count, 1e9}};
const std::vector<Unit> k_none;

std::string unit_list(Kind kind) {
  std::string out;
  const auto& units = units_of(kind);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0) out += i + 1 == units.size() ? " or " : ", ";
    out += units[i].symbol;
  }
  return out;
}
}  // namespace

const std::vector<Unit>& units_of(Kind kind) {
  switch (kind) {
    case Kind::duration: return k_durations;
    case Kind::size: return k_sizes;
    case Kind::count: return k_counts;
    default: return k_none;
  }
}

std::optional<Unit> find_unit(std::string_view symbol, Kind kind) {
  for (const auto& unit : units_of(kind))
    if (unit.symbol == symbol) return unit;
  return std::nullopt;
}

std::optional<Unit> find_unit_any(std::string_view symbol) {
  // In conditions B is bytes, always; a billion is written 1000M.
  if (auto u = find_unit(symbol, Kind::duration)) return u;
  if (auto u = find_unit(symbol, Kind::size)) return u;
  if (symbol == "k" || symbol == "M") return find_unit(symbol, Kind::count);
  return std::nullopt;
}

std::optional<double> parse_plain_number(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::size_t i = 0;
  if (text[i] == '+') ++i;
  const std::size_t digits_start = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  bool any_digits = i > digits_start;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    any_digits = any_digits || i > frac;
  }
  if (!any_digits) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    const std::size_t exp = j;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j > exp) i = j;
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  std::string_view body = text.substr(text[0] == '+' ? 1 : 0);
  std::string copy(body);
  if (copy.front() == '.') copy.insert(copy.begin(), '0');
  auto [ptr, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (ec != std::errc() || ptr != copy.data() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

QuantityParse parse_quantity(std::string_view text, Kind kind, Spacing spacing) {
  QuantityParse out;
  auto fail = [&](std::string message, int column, std::string hint = {}) {
    out.error = QuantityError{std::move(message), std::move(hint), column};
    return out;
  };
  const std::string_view what = kind == Kind::duration ? "a duration" : kind == Kind::size ? "a size" : "a count";
  if (text.empty()) return fail(std::string(what) + " is empty", 0);
  if (text[0] == '-') return fail("negative values are not allowed", 0);
  std::size_t i = 0;
  while (i < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '+' ||
          ((text[i] == 'e' || text[i] == 'E') && i + 1 < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '+' || text[i + 1] == '-')) ||
          ((text[i] == '-') && i > 0 && (text[i - 1] == 'e' || text[i - 1] == 'E'))))
    ++i;
  const std::string_view number_text = text.substr(0, i);
  auto number = parse_plain_number(number_text);
  if (!number) {
    if (text.find('_') != std::string_view::npos) return fail("digit separators such as 1_000 are not accepted", 0);
    return fail(std::string(what) + " must start with a number, as in " +
                    (kind == Kind::duration ? "30s"
                     : kind == Kind::size   ? "512MiB"
                                            : "3M"),
                0);
  }
  std::size_t unit_start = i;
  if (unit_start < text.size() && text[unit_start] == ' ') {
    if (spacing == Spacing::tight) return fail("no space is allowed between a number and its unit", int(unit_start));
    while (unit_start < text.size() && text[unit_start] == ' ') ++unit_start;
  }
  const std::string_view symbol = text.substr(unit_start);
  if (symbol.empty()) {
    if (kind == Kind::count) {
      if (*number != std::floor(*number)) return fail("a count without a unit must be a whole number", 0);
      out.value = *number;
      return out;
    }
    return fail(std::string(what) + " needs a unit: " + unit_list(kind), int(text.size()));
  }
  const auto unit = find_unit(symbol, kind);
  if (!unit) {
    std::vector<std::string_view> names;
    for (const auto& u : units_of(kind)) names.push_back(u.symbol);
    std::string hint;
    if (auto guess = did_you_mean(symbol, names)) hint = "did you mean '" + *guess + "'?";
    return fail("unknown unit '" + std::string(symbol) + "' for " + std::string(what) + "; expected " + unit_list(kind),
                int(unit_start), hint);
  }
  out.value = *number * unit->factor;
  if (!std::isfinite(out.value)) return fail("the value is too large", 0);
  return out;
}

std::string format_quantity(double value, Kind kind) {
  auto divides = [](double v, double factor) {
    const double q = v / factor;
    return q >= 1 && std::fabs(q - std::round(q)) < 1e-9 * std::max(1.0, q);
  };
  auto with = [](double v, double factor, std::string_view symbol) {
    return format_number(std::round(v / factor * 1e6) / 1e6) + std::string(symbol);
  };
  switch (kind) {
    case Kind::duration: {
      if (value == 0) return "0s";
      for (auto symbol : {"d", "h", "m", "s"}) {
        const auto unit = *find_unit(symbol, Kind::duration);
        if (divides(value, unit.factor)) return with(value, unit.factor, symbol);
      }
      if (value >= 1) return with(value, 1, "s");
      return with(value, 0.001, "ms");
    }
    case Kind::size: {
      if (value == 0) return "0B";
      for (auto symbol : {"TiB", "GiB", "MiB", "KiB", "TB", "GB", "MB", "KB"}) {
        const auto unit = *find_unit(symbol, Kind::size);
        if (divides(value, unit.factor)) return with(value, unit.factor, symbol);
      }
      return with(value, 1, "B");
    }
    case Kind::count: {
      if (value != 0 && divides(value, 1e6)) return with(value, 1e6, "M");
      if (value != 0 && divides(value, 1e3)) return with(value, 1e3, "k");
      return format_number(value);
    }
    default: return format_number(value);
  }
}

}  // namespace caas::util

#include "field_decoders.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "caas/util/suggest.hpp"
#include "schema_index.hpp"

namespace caas::parse {

namespace {

using model::FieldType;

constexpr std::size_t k_max_name = 63;

std::string_view describe(NodeType type) {
  switch (type) {
    case NodeType::null: return "nothing";
    case NodeType::scalar: return "a single value";
    case NodeType::sequence: return "a list";
    case NodeType::map: return "a map";
  }
  return "nothing";
}

int span_of(std::string_view text) { return std::max(1, static_cast<int>(text.size())); }

// A scalar's text without surrounding spaces, and the column where that text starts.
struct Written {
  std::string_view text;
  int column;
};
Written written_of(const YamlNode& node) {
  std::string_view text = node.text;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {{}, node.column};
  const auto last = text.find_last_not_of(" \t\r\n");
  text = text.substr(first, last - first + 1);
  return {text, node.column + (node.plain ? 0 : 1) + static_cast<int>(first)};
}

// Checks that a field's value is a scalar; reports what was found instead.
bool expect_scalar(const FieldSite& site, const model::FieldSpec& spec, Reporter& report) {
  if (site.value.type == NodeType::scalar) return true;
  const auto& at = site.value.type == NodeType::null ? site.key : site.value;
  report.error("bad-type",
               concat({"'", site.path, "' must be ", expected_form(spec), ", not ", describe(site.value.type)}),
               at.line, at.column, site.value.type == NodeType::null ? span_of(site.key.text) : 1);
  return false;
}

bool is_special_float(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  static constexpr std::array<std::string_view, 6> k_specials = {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"};
  return std::find(k_specials.begin(), k_specials.end(), text) != k_specials.end();
}

// A plain number (rate, money, cpu, integer): finite, not negative, YAML's ordinary forms only.
std::optional<double> read_number(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                  Reporter& report) {
  const auto text = written.text;
  const auto path = site.path;
  auto fail = [&](std::string code, std::string message) -> std::optional<double> {
    report.error(std::move(code), std::move(message), site.value.line, written.column, span_of(text));
    return std::nullopt;
  };
  if (is_special_float(text))
    return fail("bad-value", concat({"'", path, "' must be a finite number, not ", quoted(text)}));
  if (!text.empty() && text[0] == '-' && util::parse_plain_number(text.substr(1)))
    return fail("negative", concat({"'", path, "' cannot be negative"}));
  if (text.find('_') != std::string_view::npos)
    return fail("bad-value", concat({"'", path, "': digit separators such as 1_000 are not accepted"}));
  const auto number = util::parse_plain_number(text);
  if (!number) return fail("bad-value", concat({"'", path, "' must be ", expected_form(spec), ", not ", quoted(text)}));
  return number;
}

// duration, size and count: a number and a unit.
std::optional<util::Value> read_quantity(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                         Reporter& report) {
  const auto kind = model::kind_of(spec.type);
  const auto parsed = util::parse_quantity(written.text, kind, util::Spacing::space_allowed);
  if (!parsed.error) return util::Value::of_quantity(kind, parsed.value);
  const auto& error = *parsed.error;
  std::string code = "bad-value";
  if (!written.text.empty() && written.text[0] == '-') {
    code = "negative";
  } else if (kind != util::Kind::count && util::parse_plain_number(written.text)) {
    code = "missing-unit";
  } else if (error.column > 0) {
    code = "bad-unit";
  }
  const auto rest =
      written.text.substr(std::min<std::size_t>(static_cast<std::size_t>(error.column), written.text.size()));
  report.error(code, concat({"'", site.path, "': ", error.message}), site.value.line, written.column + error.column,
               span_of(rest), error.hint);
  return std::nullopt;
}

std::optional<util::Value> read_boolean(const FieldSite& site, Written written, Reporter& report) {
  const auto text = written.text;
  if (site.value.plain && (text == "true" || text == "false")) return util::Value::of_bool(text == "true");
  const auto path = site.path;
  std::string lower(text);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool means_true = lower == "true" || lower == "yes" || lower == "y" || lower == "on";
  const bool means_false = lower == "false" || lower == "no" || lower == "n" || lower == "off";
  std::string hint;
  if (means_true || means_false) hint = means_true ? "did you mean 'true'?" : "did you mean 'false'?";
  if (!site.value.plain) {
    report.error("bad-type",
                 concat({"'", path, "' must be true or false without quotes, not the string ", quoted(text)}),
                 site.value.line, site.value.column, span_of(text) + 2, hint);
  } else if (means_true || means_false) {
    report.error("bad-boolean", concat({"'", path, "' must be true or false; ", quoted(text), " is not accepted"}),
                 site.value.line, written.column, span_of(text), hint);
  } else {
    report.error("bad-type", concat({"'", path, "' must be true or false, not ", quoted(text)}), site.value.line,
                 written.column, span_of(text));
  }
  return std::nullopt;
}

std::optional<util::Value> read_enumeration(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                            Reporter& report, int line) {
  const auto text = written.text;
  if (std::find(spec.values.begin(), spec.values.end(), text) != spec.values.end())
    return util::Value::of_string(std::string(text));
  std::string hint;
  if (auto guess = util::did_you_mean(text, spec.values)) hint = concat({"did you mean '", *guess, "'?"});
  const bool api_version = spec.path == "apiVersion";
  report.error(
      api_version ? "bad-api-version" : "bad-value",
      concat({"'", site.path, "' must be ", api_version ? "" : "one of ", one_of(spec.values), ", not ", quoted(text)}),
      line, written.column, span_of(text), hint);
  return std::nullopt;
}

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

std::optional<util::Value> read_name(const FieldSite& site, Written written, Reporter& report) {
  const auto text = written.text;
  const auto bad = std::find_if_not(text.begin(), text.end(), is_name_char);
  if (!text.empty() && text.size() <= k_max_name && bad == text.end()) return util::Value::of_string(std::string(text));
  std::string why = text.empty()               ? "it is empty"
                    : text.size() > k_max_name ? concat({"it has ", std::to_string(text.size()), " characters"})
                                               : concat({"it holds ", quoted(std::string_view(&*bad, 1))});
  report.error("bad-name", concat({"'", site.path, "' must be 1-63 characters of A-Z a-z 0-9 . _ -; ", why}),
               site.value.line, written.column, span_of(text));
  return std::nullopt;
}

std::optional<util::Value> read_enum_list(const FieldSite& site, const model::FieldSpec& spec, Reporter& report,
                                          std::string& joined) {
  if (site.value.type != NodeType::sequence) {
    const auto& at = site.value.type == NodeType::null ? site.key : site.value;
    std::string hint;
    if (site.value.type == NodeType::scalar) hint = concat({"write it as a list: [", written_of(site.value).text, "]"});
    report.error("bad-type",
                 concat({"'", site.path, "' must be ", expected_form(spec), ", not ", describe(site.value.type)}),
                 at.line, at.column, 1, hint);
    return std::nullopt;
  }
  std::vector<util::Value> items;
  bool ok = true;
  for (const auto index : site.tree.children_of(site.value)) {
    const auto& item = site.tree.node(index);
    const FieldSite item_site{site.tree, site.key, item, site.path};
    if (item.type != NodeType::scalar) {
      report.error("bad-type",
                   concat({"each item of '", site.path, "' must be one of ", one_of(spec.values), ", not ",
                           describe(item.type)}),
                   item.line, item.column);
      ok = false;
      continue;
    }
    auto value = read_enumeration(item_site, spec, written_of(item), report, item.line);
    if (!value) {
      ok = false;
    } else if (std::find(items.begin(), items.end(), *value) == items.end()) {
      if (!items.empty()) joined += ", ";
      joined += value->text;
      items.push_back(std::move(*value));
    }
  }
  if (!ok) return std::nullopt;
  return util::Value::of_list(std::move(items), util::Kind::string);
}

std::optional<util::Value> read_scalar_field(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                             Reporter& report) {
  switch (spec.type) {
    case FieldType::text: return util::Value::of_string(std::string(written.text));
    case FieldType::name: return read_name(site, written, report);
    case FieldType::enumeration: return read_enumeration(site, spec, written, report, site.value.line);
    case FieldType::boolean: return read_boolean(site, written, report);
    case FieldType::duration:
    case FieldType::size:
    case FieldType::count: return read_quantity(site, spec, written, report);
    case FieldType::rate:
    case FieldType::money:
    case FieldType::hours: {
      const auto number = read_number(site, spec, written, report);
      return number ? std::optional(util::Value::of_number(*number)) : std::nullopt;
    }
    case FieldType::cpu: {
      const bool millicores = !written.text.empty() && written.text.back() == 'm';
      const Written number_part{millicores ? written.text.substr(0, written.text.size() - 1) : written.text,
                                written.column};
      const auto number = read_number(site, spec, number_part, report);
      if (!number) return std::nullopt;
      return util::Value::of_number(millicores ? *number / 1000 : *number);
    }
    case FieldType::integer: {
      const auto number = read_number(site, spec, written, report);
      if (!number) return std::nullopt;
      if (*number != std::floor(*number)) {
        report.error("bad-value", concat({"'", site.path, "' must be a whole number, not ", quoted(written.text)}),
                     site.value.line, written.column, span_of(written.text));
        return std::nullopt;
      }
      return util::Value::of_number(*number);
    }
    case FieldType::enum_list: break;
  }
  return std::nullopt;
}

}  // namespace

std::string expected_form(const model::FieldSpec& spec) {
  switch (spec.type) {
    case FieldType::text: return "a string";
    case FieldType::name: return "a name of 1-63 characters of A-Z a-z 0-9 . _ -";
    case FieldType::enumeration: return concat({"one of ", one_of(spec.values)});
    case FieldType::enum_list:
      return concat(
          {"a list of ", one_of(spec.values), ", such as [", spec.values.empty() ? "" : spec.values.front(), "]"});
    case FieldType::boolean: return "true or false";
    case FieldType::duration: return "a duration such as 30s";
    case FieldType::size: return "a size such as 512MiB";
    case FieldType::count: return "a count such as 1200 or 3M";
    case FieldType::rate: return "a number of requests per second such as 200";
    case FieldType::money: return "an amount of US dollars such as 500";
    case FieldType::hours: return "a number of hours such as 240";
    case FieldType::cpu: return "a number of vCPUs such as 0.25 or 2, or millicores such as 500m";
    case FieldType::integer: return "a whole number such as 1";
  }
  return "a value";
}

bool decode_field(const FieldSite& site, const model::FieldSpec& spec, model::FieldValue& out, Reporter& report) {
  std::optional<util::Value> value;
  std::string written;
  if (spec.type == FieldType::enum_list) {
    value = read_enum_list(site, spec, report, written);
  } else if (expect_scalar(site, spec, report)) {
    const auto text = written_of(site.value);
    value = read_scalar_field(site, spec, text, report);
    written = std::string(text.text);
  }
  if (!value) return false;
  if (spec.positive && value->number == 0) {
    report.error("contradiction", concat({"'", site.path, "' is zero, but it must be positive"}), site.value.line,
                 written_of(site.value).column, span_of(written));
    return false;
  }
  out.value = std::move(*value);
  out.origin = model::Origin::written;
  out.written = std::move(written);
  out.line = site.value.line;
  out.column = site.value.column;
  return true;
}

bool decode_extension_value(const YamlNode& value, model::FieldValue& out, Reporter& report) {
  const auto written = written_of(value);
  const auto text = written.text;
  if (!value.plain) {
    out.value = util::Value::of_string(std::string(text));
  } else if (text == "true" || text == "false") {
    out.value = util::Value::of_bool(text == "true");
  } else if (const auto number = util::parse_plain_number(text)) {
    out.value = util::Value::of_number(*number);
  } else if (const auto negative =
                 text.empty() || text[0] != '-' ? std::nullopt : util::parse_plain_number(text.substr(1))) {
    out.value = util::Value::of_number(-*negative);
  } else {
    static constexpr std::array<std::string_view, 16> k_yaml11_booleans = {
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "True", "TRUE", "False", "FALSE"};
    if (std::find(k_yaml11_booleans.begin(), k_yaml11_booleans.end(), text) != k_yaml11_booleans.end()) {
      const bool means_true =
          text[0] == 'y' || text[0] == 'Y' || text[0] == 'T' || text == "on" || text == "On" || text == "ON";
      report.error("bad-boolean", concat({"a boolean is written true or false; ", quoted(text), " is not accepted"}),
                   value.line, written.column, span_of(text),
                   means_true ? "did you mean 'true'?" : "did you mean 'false'?");
      return false;
    }
    out.value = util::Value::of_string(std::string(text));
  }
  out.origin = model::Origin::written;
  out.written = std::string(text);
  out.line = value.line;
  out.column = value.column;
  return true;
}

}  // namespace caas::parse

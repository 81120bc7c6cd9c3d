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
  report.report(util::wrong_type(site.path, expected_form(spec), shape_of(site.value.type)), at.line, at.column,
                site.value.type == NodeType::null ? span_of(site.key.text) : 1);
  return false;
}

// A plain number (rate, money, cpu, integer): read as every number of the tool's files is (util::read_number).
std::optional<double> read_number(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                  Reporter& report) {
  auto read = util::read_number_field(site.path, expected_form(spec), written.text);
  if (read.problem) report.report(std::move(*read.problem), site.value.line, written.column, span_of(written.text));
  return read.value;
}

// duration, size and count: a number and a unit.
std::optional<util::Value> read_quantity(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                         Reporter& report) {
  const auto kind = model::kind_of(spec.type);
  const auto parsed = util::parse_quantity(written.text, kind, util::Spacing::space_allowed);
  if (!parsed.error) return util::Value::of_quantity(kind, parsed.value);
  const auto& error = *parsed.error;
  util::Code code = "bad-value";
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
  // A quoted value is underlined with its quotes.
  if (!site.value.plain)
    report.report(util::not_boolean(site.path, text, true), site.value.line, site.value.column, span_of(text) + 2);
  else
    report.report(util::not_boolean(site.path, text, false), site.value.line, written.column, span_of(text));
  return std::nullopt;
}

std::optional<util::Value> read_enumeration(const FieldSite& site, const model::FieldSpec& spec, Written written,
                                            Reporter& report, int line) {
  const auto text = written.text;
  if (std::find(spec.values.begin(), spec.values.end(), text) != spec.values.end())
    return util::Value::of_string(std::string(text));
  auto problem = util::not_one_of(site.path, spec.values, text);
  if (spec.path == "apiVersion") {
    problem.code = "bad-api-version";
    problem.message = concat({"'", site.path, "' must be ", util::one_of(spec.values), ", not ", util::quoted(text)});
  }
  report.report(std::move(problem), line, written.column, span_of(text));
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
                                               : concat({"it holds ", util::quoted(std::string_view(&*bad, 1))});
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
    report.report(util::wrong_type(site.path, expected_form(spec), shape_of(site.value.type), hint), at.line,
                  at.column);
    return std::nullopt;
  }
  std::vector<util::Value> items;
  bool ok = true;
  for (const auto index : site.tree.children_of(site.value)) {
    const auto& item = site.tree.node(index);
    const FieldSite item_site{site.tree, site.key, item, site.path};
    if (item.type != NodeType::scalar) {
      report.error("bad-type",
                   concat({"each item of '", site.path, "' must be one of ", util::one_of(spec.values), ", not ",
                           util::describe(shape_of(item.type))}),
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
        report.report(util::not_whole(site.path, written.text), site.value.line, written.column, span_of(written.text));
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
    case FieldType::enumeration: return concat({"one of ", util::one_of(spec.values)});
    case FieldType::enum_list:
      return concat({"a list of ", util::one_of(spec.values), ", such as [",
                     spec.values.empty() ? "" : spec.values.front(), "]"});
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
    report.report(util::zero_not_positive(site.path), site.value.line, written_of(site.value).column, span_of(written));
    return false;
  }
  out.value = std::move(*value);
  out.origin = model::Origin::written;
  out.written = std::move(written);
  out.line = site.value.line;
  out.column = site.value.column;
  return true;
}

bool decode_extension_value(std::string_view key, const YamlNode& value, model::FieldValue& out, Reporter& report) {
  const auto written = written_of(value);
  const auto text = written.text;
  if (!value.plain) {
    out.value = util::Value::of_string(std::string(text));
  } else if (text == "true" || text == "false") {
    out.value = util::Value::of_bool(text == "true");
  } else if (const auto number = util::read_number(text);
             number.error == util::NumberError::none || number.error == util::NumberError::negative) {
    out.value = util::Value::of_number(number.value);
  } else {
    static constexpr std::array<std::string_view, 16> k_yaml11_booleans = {
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "True", "TRUE", "False", "FALSE"};
    if (std::find(k_yaml11_booleans.begin(), k_yaml11_booleans.end(), text) != k_yaml11_booleans.end()) {
      report.report(util::not_boolean(key, text, false), value.line, written.column, span_of(text));
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

#include "caas/util/messages.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "caas/util/quantity.hpp"
#include "caas/util/suggest.hpp"

namespace caas::util {

namespace {

constexpr std::size_t k_max_quoted = 60;

std::string in_quotes(std::string_view path) { return "'" + std::string(path) + "'"; }

bool is_special_float(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  static constexpr std::array<std::string_view, 6> k_specials = {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"};
  return std::find(k_specials.begin(), k_specials.end(), text) != k_specials.end();
}

}  // namespace

std::string_view describe(Shape shape) {
  switch (shape) {
    case Shape::nothing: return "nothing";
    case Shape::scalar: return "a single value";
    case Shape::list: return "a list";
    case Shape::map: return "a map";
  }
  return "nothing";
}

std::string quoted(std::string_view text) {
  if (text.size() <= k_max_quoted) return "'" + std::string(text) + "'";
  std::size_t cut = k_max_quoted;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

std::string one_of(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string did_you_mean_hint(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (auto guess = did_you_mean(word, candidates)) return "did you mean '" + *guess + "'?";
  return {};
}

Problem unknown_key(std::string_view key, std::string_view section, const std::vector<std::string_view>& allowed,
                    std::string_view more) {
  std::string message = "unknown key " + quoted(key);
  if (!section.empty()) message += " in " + in_quotes(section);
  message += "; expected " + one_of(allowed);
  if (!more.empty()) message += " or " + std::string(more);
  return {"unknown-key", std::move(message), did_you_mean_hint(key, allowed)};
}

Problem duplicate_key(std::string_view key, int first_line) {
  return {"duplicate-key",
          "duplicate key " + quoted(key) + " (first written at line " + std::to_string(first_line) + ")",
          {}};
}

Problem missing_field(std::string_view owner, std::string_view key, std::string_view expected) {
  std::string message = std::string(owner) + " has no " + in_quotes(key);
  if (!expected.empty()) message += "; expected " + std::string(expected);
  return {"missing-field", std::move(message), {}};
}

Problem wrong_type(std::string_view path, std::string_view expected, Shape found, std::string hint) {
  return {"bad-type", in_quotes(path) + " must be " + std::string(expected) + ", not " + std::string(describe(found)),
          std::move(hint)};
}

Problem not_a_map(std::string_view what, std::string_view keys, Shape found) {
  if (found == Shape::nothing)
    return {"not-a-mapping", std::string(what) + " is empty; expected a map of " + std::string(keys), {}};
  return {"not-a-mapping",
          std::string(what) + " is a map of " + std::string(keys) + ", not " + std::string(describe(found)),
          {}};
}

Problem multiple_documents(std::string_view what, std::size_t count) {
  return {"multiple-documents",
          std::string(what) + " holds one YAML document, but another one starts here (" + std::to_string(count) +
              " in all)",
          {}};
}

Problem merge_key() { return {"merge-key", "merge keys ('<<') are not allowed; write the keys out", {}}; }

Problem not_one_of(std::string_view path, const std::vector<std::string_view>& values, std::string_view text) {
  return {"bad-value", in_quotes(path) + " must be one of " + one_of(values) + ", not " + quoted(text),
          did_you_mean_hint(text, values)};
}

Problem not_boolean(std::string_view path, std::string_view text, bool was_quoted) {
  std::string lower(text);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool means_true = lower == "true" || lower == "yes" || lower == "y" || lower == "on";
  const bool means_false = lower == "false" || lower == "no" || lower == "n" || lower == "off";
  std::string hint;
  if (means_true || means_false) hint = means_true ? "did you mean 'true'?" : "did you mean 'false'?";
  if (was_quoted)
    return {"bad-type", in_quotes(path) + " must be true or false without quotes, not the string " + quoted(text),
            std::move(hint)};
  if (means_true || means_false)
    return {"bad-boolean", in_quotes(path) + " must be true or false; " + quoted(text) + " is not accepted",
            std::move(hint)};
  return {"bad-type", in_quotes(path) + " must be true or false, not " + quoted(text), {}};
}

NumberRead read_number(std::string_view text) {
  if (is_special_float(text)) return {0, NumberError::not_finite};
  if (!text.empty() && text[0] == '-') {
    if (const auto magnitude = parse_plain_number(text.substr(1))) return {-*magnitude, NumberError::negative};
  }
  if (text.find('_') != std::string_view::npos) return {0, NumberError::separators};
  if (const auto value = parse_plain_number(text)) return {*value, NumberError::none};
  return {0, NumberError::not_a_number};
}

NumberField read_number_field(std::string_view path, std::string_view expected, std::string_view text) {
  const auto read = read_number(text);
  switch (read.error) {
    case NumberError::none: return {read.value, std::nullopt};
    case NumberError::negative: return {std::nullopt, Problem{"negative", in_quotes(path) + " cannot be negative", {}}};
    case NumberError::not_finite:
      return {std::nullopt,
              Problem{"bad-value", in_quotes(path) + " must be a finite number, not " + quoted(text), {}}};
    case NumberError::separators:
      return {std::nullopt,
              Problem{"bad-value", in_quotes(path) + ": digit separators such as 1_000 are not accepted", {}}};
    case NumberError::not_a_number: break;
  }
  return {std::nullopt,
          Problem{"bad-value", in_quotes(path) + " must be " + std::string(expected) + ", not " + quoted(text), {}}};
}

Problem not_of_form(std::string_view path, std::string_view form, std::string_view text) {
  return {"bad-value", in_quotes(path) + " must be " + std::string(form) + ", not " + quoted(text), {}};
}

Problem empty_value(std::string_view path, std::string_view expected) {
  return {"bad-value", in_quotes(path) + " is empty; expected " + std::string(expected), {}};
}

Problem bad_version(std::string_view text) {
  return {"bad-version", "'version' must be 1, not " + quoted(text), "this version of caas-advisor reads version: 1"};
}

Problem not_whole(std::string_view path, std::string_view text) {
  return {"bad-value", in_quotes(path) + " must be a whole number, not " + quoted(text), {}};
}

Problem zero_not_positive(std::string_view path) {
  return {"contradiction", in_quotes(path) + " is zero, but it must be positive", {}};
}

}  // namespace caas::util

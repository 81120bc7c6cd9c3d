#pragma once
// The mistakes every reader of a file can meet, each with its code and its words, so that one mistake reads the
// same in a workload, a rule file, a price file, a spec or a configuration file. A reader says where (file, line,
// column) and what the key path is; these say what is wrong. Numbers are read here too, one way for every file.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/util/codes.hpp"

namespace caas::util {

// What a problem is: its code, one sentence, and a hint (empty when none).
struct Problem {
  Code code;
  std::string message;
  std::string hint;
};

// The shape of a YAML value, in messages: "nothing", "a single value", "a list", "a map".
enum class Shape { nothing, scalar, list, map };
std::string_view describe(Shape shape);

// User text for a message: in single quotes, cut to a readable length at a character boundary.
std::string quoted(std::string_view text);
// "a, b, c or d", for messages that say what was expected.
std::string one_of(const std::vector<std::string_view>& names);
// "did you mean 'x'?" for the nearest of `candidates`, or empty.
std::string did_you_mean_hint(std::string_view word, const std::vector<std::string_view>& candidates);

// unknown-key: "unknown key 'memroy' in 'resources'; expected cpu, memory or gpu", with did-you-mean. `section` is
// the dotted path of the map (empty at the top level); `more` ends the list of what is allowed ("an x- extension").
Problem unknown_key(std::string_view key, std::string_view section, const std::vector<std::string_view>& allowed,
                    std::string_view more = {});
// duplicate-key: "duplicate key 'memory' (first written at line 5)".
Problem duplicate_key(std::string_view key, int first_line);
// missing-field: "the workload has no 'kind'" (`owner` is "the workload", "the rule 'x'", "the price file"...),
// with "; expected one of ..." when `expected` is given.
Problem missing_field(std::string_view owner, std::string_view key, std::string_view expected = {});
// bad-type: "'resources.memory' must be a size such as 512MiB, not a map".
Problem wrong_type(std::string_view path, std::string_view expected, Shape found, std::string hint = {});
// not-a-mapping: "a rule file is a map of version, targets and rules, not a list" (`what` names the file).
Problem not_a_map(std::string_view what, std::string_view keys, Shape found);
// multiple-documents: "a workload file holds one YAML document, but another one starts here (2 in all)".
Problem multiple_documents(std::string_view what, std::size_t count);
// merge-key: "merge keys ('<<') are not allowed; write the keys out" (the tool's own files).
Problem merge_key();
// bad-value: "'kind' must be one of service, worker or job, not 'daemon'", with did-you-mean.
Problem not_one_of(std::string_view path, const std::vector<std::string_view>& values, std::string_view text);
// A boolean written otherwise than true or false: bad-boolean for yes/no/on/off and their kin, else bad-type.
// `quoted` when the value was written in quotes ("true" is a string, not a boolean).
Problem not_boolean(std::string_view path, std::string_view text, bool quoted);

// How a number is read in every file of the tool's own: YAML's ordinary decimal forms ("2", "0.25", "1e3", "+4"),
// finite, no digit separators, no hexadecimal or octal, no YAML 1.1 sexagesimal.
enum class NumberError { none, negative, not_finite, separators, not_a_number };
struct NumberRead {
  double value = 0;
  NumberError error = NumberError::none;
};
NumberRead read_number(std::string_view text);
// A number that must not be negative, with the problem in the shared words: negative, or bad-value ("'x' must be
// EXPECTED, not 'abc'", "'x' must be a finite number, not '.nan'", "... digit separators ...").
struct NumberField {
  std::optional<double> value;
  std::optional<Problem> problem;
};
NumberField read_number_field(std::string_view path, std::string_view expected, std::string_view text);
// bad-value: "'collected' must be a date written YYYY-MM-DD, not 'May 1'".
Problem not_of_form(std::string_view path, std::string_view form, std::string_view text);
// bad-value: "'source' is empty; expected a string".
Problem empty_value(std::string_view path, std::string_view expected);
// bad-version: "'version' must be 1, not '2'" (rule and price files).
Problem bad_version(std::string_view text);
// bad-value: "'gpus' must be a whole number, not '2.5'".
Problem not_whole(std::string_view path, std::string_view text);
// contradiction: "'vcpu' is zero, but it must be positive".
Problem zero_not_positive(std::string_view path);

}  // namespace caas::util

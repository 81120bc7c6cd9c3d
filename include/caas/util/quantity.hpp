#pragma once
// Quantities with units: durations, sizes and counts, held in one canonical unit each
// (seconds, bytes, units) so that comparisons between units are exact.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caas::util {

// The kinds of value the workload schema and the condition language know.
enum class Kind { unknown, boolean, number, string, duration, size, count, list };

// True for duration, size and count.
bool is_quantity(Kind kind);

struct Unit {
  std::string_view symbol;  // "ms", "MiB", "k"
  Kind kind;
  double factor;  // canonical units per one of this unit
};

// Every unit of a kind, in the order the spec lists them.
const std::vector<Unit>& units_of(Kind kind);

// The unit with exactly this symbol for a kind; nullopt when none. For the condition language (kind unknown),
// `find_unit_any` searches durations, sizes and the counts k and M.
std::optional<Unit> find_unit(std::string_view symbol, Kind kind);
std::optional<Unit> find_unit_any(std::string_view symbol);

struct QuantityError {
  std::string message;  // "a duration needs a unit: ms, s, m, min, h or d"
  std::string hint;     // "did you mean 'KB'?"
  int column = 0;       // 0-based offset in the text where the problem starts
};

enum class Spacing { tight, space_allowed };

// Parses "30s", "1.5h", "512MiB", "3M", "1200" (counts only); never a negative, NaN or infinite value.
// Returns the amount in canonical units or an error with a hint.
struct QuantityParse {
  double value = 0;
  std::optional<QuantityError> error;
};
QuantityParse parse_quantity(std::string_view text, Kind kind, Spacing spacing);

// A plain non-negative number as YAML writes it ("0.25", "2", "1e3"); nullopt when it is not one.
std::optional<double> parse_plain_number(std::string_view text);

// The value in the largest unit of its kind that divides it evenly (bytes prefer binary units): "15m", "10GiB", "3M".
std::string format_quantity(double value, Kind kind);

}  // namespace caas::util

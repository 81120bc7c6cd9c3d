#pragma once
// The checks every input text gets before a parser sees it: its size, UTF-8, NUL bytes and the nesting of flow
// collections (`[` and `{`). yaml::read_yaml runs them first, so one hostile file meets the same limits whichever
// reader reads it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "caas/util/diagnostic.hpp"

namespace caas::util {

inline constexpr std::size_t k_mebibyte = std::size_t{1024} * 1024;

// The limits every reader of untrusted text applies (docs/security.md), one type for all of them: workload files and
// specs (--max-file-size sets max_bytes), rule and price files (fixed), and any file a new reader adds.
struct InputLimits {
  std::size_t max_bytes = k_mebibyte;
  int max_depth = 64;                           // nesting of maps and lists
  std::size_t max_nodes = 100000;               // nodes visited, an alias counted at each use
  std::string size_option = "--max-file-size";  // named in the too-large message; empty for a fixed limit
};

// The limits of the files that are not given on the command line as inputs (--rules, --pricing): fixed, since no
// option raises them.
inline InputLimits table_limits() { return {k_mebibyte, 64, 100000, ""}; }
// Price files (--pricing): an overlay imported from AWS's Price List holds every instance type of each region it
// prices, hundreds of them, so it may be larger; still fixed. The node budget is every file's.
inline InputLimits price_file_limits() { return {64 * k_mebibyte, 64, 100000, ""}; }

// The first problem of untrusted text, or nullopt: too-large (located at the file only), not-utf8 (at the first
// bad byte), too-deep (at the bracket that goes too deep; quoted scalars and comments are skipped).
std::optional<Diagnostic> check_raw_text(std::string_view text, const std::string& file, const InputLimits& limits);

// The message of a too-deep error, the same from every check.
std::string too_deep_message(int max_depth);

// 1-based line and column of a byte offset.
std::pair<int, int> position_of(std::string_view text, std::size_t offset);

}  // namespace caas::util

#pragma once
// The checks every YAML input gets before a YAML parser sees it: its size, UTF-8, and the nesting of flow
// collections (`[` and `{`). Shared by the workload, rule and price loaders, so one hostile file meets the same
// limits whichever loader reads it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "caas/util/diagnostic.hpp"

namespace caas::util {

inline constexpr std::size_t k_mebibyte = std::size_t{1024} * 1024;

struct TextLimits {
  std::size_t max_bytes = k_mebibyte;
  int max_depth = 64;                           // nesting of maps and lists
  std::string size_option = "--max-file-size";  // named in the too-large message; empty for a fixed limit
};

// The first problem of untrusted text, or nullopt: too-large (located at the file only), not-utf8 (at the first
// bad byte), too-deep (at the bracket that goes too deep; quoted scalars and comments are skipped).
std::optional<Diagnostic> check_raw_text(std::string_view text, const std::string& file, const TextLimits& limits);

// The message of a too-deep error, the same from every check.
std::string too_deep_message(int max_depth);

// 1-based line and column of a byte offset.
std::pair<int, int> position_of(std::string_view text, std::size_t offset);

}  // namespace caas::util

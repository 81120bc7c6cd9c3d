#pragma once
// A guard for a fault of yaml-cpp 0.7 (Debian 12's): on a ',' it cannot place outside `[ ]` or `{ }` (`[1],`, a
// lone `,`) its parser starts the same document at the same place again and again, so that YAML::LoadAll never
// returns and memory grows until the process is killed. Every loader that reads several documents asks this first.
#include <optional>
#include <string_view>
#include <utility>

namespace caas::util {

// The 1-based line and column where yaml-cpp would start the same document a second time, or nullopt when it reads
// the text to its end. Syntax errors are left to the loader's own parse (they are not reported here).
std::optional<std::pair<int, int>> find_stalled_document(std::string_view text);

// The message every loader gives for it.
inline constexpr std::string_view k_stalled_document_message = "not valid YAML: a ',' outside [ ] or { }";

}  // namespace caas::util

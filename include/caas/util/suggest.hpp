#pragma once
// "Did you mean": the closest candidate to a misspelt word.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caas::util {

// Optimal-string-alignment edit distance (a transposition counts as one edit).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is near enough to be a plausible typo (or differs only in case).
// Ties go to the earlier candidate, so results are deterministic.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace caas::util

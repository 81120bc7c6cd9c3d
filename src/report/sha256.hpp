#pragma once
// SHA-256 (FIPS 180-4) and base64, for the Content-Security-Policy of the HTML page: the page allows exactly its
// own script and style by their hashes, so nothing else could run even if a bug let markup through.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace caas::report {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string base64(const std::uint8_t* data, std::size_t size);

// "'sha256-…'" as a CSP source expression for `text`.
std::string csp_hash(std::string_view text);

}  // namespace caas::report

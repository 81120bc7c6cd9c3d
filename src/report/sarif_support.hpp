#pragma once
// The parts of SARIF output that GitHub is strict about, apart so they are tested on their own: repo-relative
// artifact URIs and fingerprints that survive reformatting.
#include <cstdint>
#include <string>
#include <string_view>

#include "json_writer.hpp"

namespace caas::report {

// GitHub code scanning rejects a run with more results than this (and shows the first 5,000 by severity).
inline constexpr std::size_t k_sarif_max_results = 25000;

// 64-bit FNV-1a: small, deterministic on every platform, good enough to tell findings apart.
std::uint64_t fnv1a_64(std::string_view text);

// What identifies a result across edits of its file: the rule, the file, the workload and the field path (or, for
// an input error, its message) — never a line number.
struct FingerprintKey {
  std::string_view rule;
  std::string_view file;
  std::string_view workload;
  std::string_view detail;
};
std::string fingerprint_text(const FingerprintKey& key);

// The hash of the key, in 16 hex digits; `occurrence` (1-based) tells apart the same key found twice in a file.
std::string fingerprint(const FingerprintKey& key, int occurrence);

// A path as a URI reference: forward slashes, and every byte but A-Z a-z 0-9 - . _ ~ / percent-encoded. A
// relative path stays relative (to %SRCROOT%); an absolute one becomes a file:// URI.
std::string artifact_uri(std::string_view path);

// {"uri": ..., "uriBaseId": "%SRCROOT%"} for a relative path; {"uri": "file:///..."} for an absolute one.
void write_artifact_location(JsonWriter& json, std::string_view path);

}  // namespace caas::report

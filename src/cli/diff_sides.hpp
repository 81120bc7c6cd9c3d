#pragma once
// The two versions `diff` compares, read and evaluated: two paths (files or folders), or the same paths at a git
// revision and in the working tree. A file the same on both sides is evaluated at most once, and only to count its
// workloads (or, for a percentage gate, to price them).
#include <optional>
#include <string>
#include <vector>

#include "caas/diff/compare.hpp"
#include "cli/batch.hpp"
#include "cli/context.hpp"

namespace caas::cli {

struct DiffSettings {
  BatchSettings batch;           // limits, engine options, -j
  bool price_unchanged = false;  // a percentage gate needs the base's total: price the files the same on both sides
};

struct DiffInputs {
  diff::Side base;
  diff::Side head;
  diff::Unchanged unchanged;
  bool internal_error = false;
};

// One version of one file: read from disk, or its text already read (a git blob).
struct FileVersion {
  Input input;
  std::optional<std::string> text;
};

// A file's two versions, matched by `key`; either may be missing (added, removed).
struct FilePair {
  std::string key;
  std::optional<FileVersion> base;
  std::optional<FileVersion> head;
  bool known_same = false;  // git says the versions are the same (not read to compare)
};

// Reads and evaluates the pairs on `settings.batch.jobs` threads; the base with `base_context`, the head with
// `head_context`. When the two are one object (the same tables), a file byte for byte the same in both versions is
// evaluated once, as are the pairs git knows to be the same.
DiffInputs evaluate_pairs(const std::vector<FilePair>& pairs, const Context& base_context, const Context& head_context,
                          const DiffSettings& settings);

}  // namespace caas::cli

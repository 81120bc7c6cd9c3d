#pragma once
// Reading a repository through git itself (`diff --git-base`): no checkout, the working tree and the index
// untouched. Every failure carries git's own words.
#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace caas::cli::git {

template <class T>
using Result = tl::expected<T, std::string>;  // the error: what git said (or why git could not run)

struct Repository {
  std::string top;  // the working tree's top folder, absolute
};

// The repository the folder `from` is in.
Result<Repository> open_repository(const std::string& from);

// The commit a revision names (a branch, tag, commit id, origin/main, HEAD~2...).
Result<std::string> resolve_commit(const Repository& repo, const std::string& ref);

struct TreeEntry {
  std::string path;  // from the top, with '/'
  std::string blob;  // object id
};

// The regular files (not symlinks or submodules) under `paths` (from the top; empty: all) at `commit`, sorted.
Result<std::vector<TreeEntry>> list_tree(const Repository& repo, const std::string& commit,
                                         const std::vector<std::string>& paths);

// The paths under `paths` whose content or mode in the working tree differs from `commit`: modified, added to the
// index, deleted. Unchanged files are known from the index's file times without being read.
Result<std::vector<std::string>> changed_paths(const Repository& repo, const std::string& commit,
                                               const std::vector<std::string>& paths);

// The working tree's files under `paths` as git sees them: tracked, and untracked unless ignored (.gitignore), sorted.
// A tracked file deleted from the working tree is listed too; reading it finds it missing.
Result<std::vector<std::string>> worktree_files(const Repository& repo, const std::vector<std::string>& paths);

// The contents of blobs, in the order of `blobs`, read in one `git cat-file --batch`.
Result<std::vector<std::string>> read_blobs(const Repository& repo, const std::vector<std::string>& blobs);

}  // namespace caas::cli::git

#include "cli/git.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "cli/process.hpp"

namespace caas::cli::git {

namespace {

// git's message without its "fatal: " and trailing line break; the exit status when it said nothing.
std::string words_of(const ProcessRun& run) {
  if (!run.started) return "cannot run git: " + run.error;
  std::string text = run.err;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  for (std::string_view prefix : {"fatal: ", "error: "})
    if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  if (text.empty()) text = "git exited with status " + std::to_string(run.status);
  return text;
}

// Runs git in the repository's top folder; paths are literal (no globs, no magic).
Result<std::string> run_git(const Repository& repo, std::vector<std::string> args, const std::string& input = {}) {
  std::vector<std::string> argv = {"git", "--literal-pathspecs", "-C", repo.top};
  argv.insert(argv.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
  auto run = run_process(argv, input);
  if (!run.started || run.status != 0) return tl::unexpected(words_of(run));
  return std::move(run.out);
}

// NUL-separated records, the last one possibly unterminated.
std::vector<std::string_view> records(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto end = text.find('\0');
    out.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

void add_paths(std::vector<std::string>& args, const std::vector<std::string>& paths) {
  args.emplace_back("--");
  args.insert(args.end(), paths.begin(), paths.end());
}

}  // namespace

Result<Repository> open_repository(const std::string& from) {
  auto run = run_process({"git", "-C", from, "rev-parse", "--show-toplevel"});
  if (!run.started || run.status != 0) return tl::unexpected(words_of(run));
  std::string top = run.out;
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  if (top.empty()) return tl::unexpected(std::string("not in a working tree (a bare repository?)"));
  return Repository{top};
}

Result<std::string> resolve_commit(const Repository& repo, const std::string& ref) {
  // rev-list names a bad revision in its message ("bad revision 'x'"); rev-parse then gives the commit's id.
  if (auto listed = run_git(repo, {"rev-list", "-n", "1", "--end-of-options", ref, "--"}); !listed)
    return tl::unexpected(listed.error());
  auto parsed = run_git(repo, {"rev-parse", "--verify", "--end-of-options", ref + "^{commit}"});
  if (!parsed) return tl::unexpected("'" + ref + "' does not name a commit: " + parsed.error());
  std::string id = *parsed;
  while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
  return id;
}

Result<std::vector<TreeEntry>> list_tree(const Repository& repo, const std::string& commit,
                                         const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"ls-tree", "-r", "-z", "--full-tree", commit};
  add_paths(args, paths);
  auto listed = run_git(repo, std::move(args));
  if (!listed) return tl::unexpected(listed.error());
  std::vector<TreeEntry> entries;
  // "<mode> SP <type> SP <object> TAB <path>"
  for (const auto record : records(*listed)) {
    const auto tab = record.find('\t');
    if (tab == std::string_view::npos) continue;
    const auto meta = record.substr(0, tab);
    if (meta.rfind("100644 blob ", 0) != 0 && meta.rfind("100755 blob ", 0) != 0) continue;
    entries.push_back({std::string(record.substr(tab + 1)), std::string(meta.substr(meta.rfind(' ') + 1))});
  }
  std::sort(entries.begin(), entries.end(), [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });
  return entries;
}

Result<std::vector<std::string>> changed_paths(const Repository& repo, const std::string& commit,
                                               const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"diff-index", "--name-only", "-z", "--no-renames", commit};
  add_paths(args, paths);
  auto listed = run_git(repo, std::move(args));
  if (!listed) return tl::unexpected(listed.error());
  std::vector<std::string> out;
  for (const auto record : records(*listed)) out.emplace_back(record);
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<std::string>> worktree_files(const Repository& repo, const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"ls-files", "-z", "--full-name", "--cached", "--others", "--exclude-standard"};
  add_paths(args, paths);
  auto listed = run_git(repo, std::move(args));
  if (!listed) return tl::unexpected(listed.error());
  std::vector<std::string> out;
  for (const auto record : records(*listed)) out.emplace_back(record);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());  // a file in conflict is listed once per stage
  return out;
}

Result<std::vector<std::string>> read_blobs(const Repository& repo, const std::vector<std::string>& blobs) {
  if (blobs.empty()) return std::vector<std::string>{};
  std::string input;
  for (const auto& blob : blobs) input += blob + '\n';
  auto read = run_git(repo, {"cat-file", "--batch"}, input);
  if (!read) return tl::unexpected(read.error());
  // "<object> SP blob SP <size> LF <contents> LF" per blob.
  std::vector<std::string> out;
  out.reserve(blobs.size());
  std::string_view rest = *read;
  for (const auto& blob : blobs) {
    const auto header_end = rest.find('\n');
    const auto header = rest.substr(0, header_end);
    const auto last_space = header.rfind(' ');
    if (header_end == std::string_view::npos || header.find(" blob ") == std::string_view::npos ||
        last_space == std::string_view::npos)
      return tl::unexpected("cannot read " + blob + ": " + std::string(header));
    std::size_t size = 0;
    const auto digits = header.substr(last_space + 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), size).ec != std::errc())
      return tl::unexpected("cannot read " + blob + ": " + std::string(header));
    if (rest.size() < header_end + 1 + size) return tl::unexpected("git cat-file ended early at " + blob);
    out.emplace_back(rest.substr(header_end + 1, size));
    rest.remove_prefix(std::min(rest.size(), header_end + 1 + size + 1));
  }
  return out;
}

}  // namespace caas::cli::git

#include "cli/diff_git.hpp"

#include <algorithm>
#include <filesystem>

#include "caas/util/text.hpp"
#include "cli/git.hpp"
#include "cli/inputs.hpp"

namespace caas::cli {

namespace fs = std::filesystem;

namespace {

fs::path canonical_path(const std::string& path) {
  std::error_code ec;
  auto absolute = fs::weakly_canonical(fs::absolute(path.empty() ? "." : path, ec), ec);
  return absolute.lexically_normal();
}

// `path` from the repository's top ("services/a.yaml"; "." for the top itself), or nullopt when outside it.
std::optional<std::string> from_top(const fs::path& top, const std::string& path) {
  auto relative = canonical_path(path).lexically_relative(top).generic_string();
  if (relative.empty() || relative == ".." || relative.rfind("../", 0) == 0) return std::nullopt;
  while (relative.size() > 1 && relative.back() == '/') relative.pop_back();
  return relative;
}

// Display paths of repository files, as display_path makes them, without its cost per file when --path-base (or
// the current folder) is inside the repository.
class RepoDisplay {
 public:
  RepoDisplay(const fs::path& top, const std::string& path_base) : m_top(top), m_base(path_base) {
    if (auto prefix = from_top(top, path_base.empty() ? "." : path_base)) {
      m_inside = true;
      m_prefix = *prefix == "." ? std::string() : *prefix + "/";
    }
  }
  std::string operator()(const std::string& from_top_path) const {
    if (m_inside && from_top_path.rfind(m_prefix, 0) == 0) return from_top_path.substr(m_prefix.size());
    return display_path((m_top / from_top_path).string(), m_base);
  }

 private:
  fs::path m_top;
  std::string m_base;
  bool m_inside = false;
  std::string m_prefix;
};

// A working-tree file that is read as a workload: a regular file (a symlink is not followed, as in a folder walk; a
// tracked file deleted from the working tree is not there).
bool is_regular_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(path, ec));
}

enum class AtBase { outside, missing, present, failed };

// Where a --rules or --pricing file is at the base: outside the repository (the same file on both sides), missing
// at REF (the base is judged without it), or present (its text at REF is kept). A difference is noted in the plan.
AtBase table_at_base(const git::Repository& repo, const std::string& commit, const std::string& file, GitPlan& plan,
                     Io& io) {
  const auto path = from_top(fs::path(repo.top), file);
  if (!path) return AtBase::outside;
  auto failed = [&](const std::string& message) {
    io.err << "caas-advisor: error: git: " << util::escape_control(message) << '\n';
    return AtBase::failed;
  };
  const auto entries = git::list_tree(repo, commit, {*path});
  if (!entries) return failed(entries.error());
  const auto it = std::find_if(entries->begin(), entries->end(), [&](const auto& e) { return e.path == *path; });
  if (it == entries->end()) {
    plan.tables_changed = true;
    return AtBase::missing;
  }
  auto blobs = git::read_blobs(repo, {it->blob});
  if (!blobs) return failed(blobs.error());
  std::string error;
  const auto now = read_file(file, error);
  if (!now || *now != (*blobs)[0]) plan.tables_changed = true;
  plan.base_tables[file] = std::move((*blobs)[0]);
  return AtBase::present;
}

bool plan_tables(const git::Repository& repo, const std::string& commit, const Options& options, GitPlan& plan,
                 Io& io) {
  plan.base_options = options;
  plan.base_options.rule_files.clear();
  plan.base_options.pricing_file.clear();
  for (const auto& file : options.rule_files) {
    const auto at = table_at_base(repo, commit, file, plan, io);
    if (at == AtBase::failed) return false;
    if (at != AtBase::missing) plan.base_options.rule_files.push_back(file);
  }
  if (!options.pricing_file.empty()) {
    const auto at = table_at_base(repo, commit, options.pricing_file, plan, io);
    if (at == AtBase::failed) return false;
    if (at != AtBase::missing) plan.base_options.pricing_file = options.pricing_file;
  }
  return true;
}

}  // namespace

TableReader base_table_reader(const GitPlan& plan) {
  return [&plan](const std::string& path, const util::InputLimits& limits, ReadError& error) {
    if (const auto it = plan.base_tables.find(path); it != plan.base_tables.end()) {
      if (it->second.size() > limits.max_bytes) {
        error.message = "the file at the base is larger than the limit";
        error.too_large = true;
        return std::optional<std::string>();
      }
      return std::optional<std::string>(it->second);
    }
    return read_input(path, limits, error);
  };
}

std::optional<GitPlan> plan_git_diff(const std::string& ref, const Options& options, Io& io) {
  auto fail = [&](const std::string& message) {
    io.err << "caas-advisor: error: " << util::escape_control(message) << '\n';
    return std::nullopt;
  };
  const auto repo = git::open_repository(".");
  if (!repo) return fail("--git-base needs a git repository: " + repo.error());
  const auto commit = git::resolve_commit(*repo, ref);
  if (!commit) return fail("--git-base " + ref + ": " + commit.error());
  const fs::path top(repo->top);

  std::vector<std::string> paths;
  for (const auto& path : options.paths.empty() ? std::vector<std::string>{"."} : options.paths) {
    auto from = from_top(top, path);
    if (!from) return fail(path + ": outside the repository at " + repo->top);
    paths.push_back(std::move(*from));
  }
  GitPlan plan;
  plan.label = ref + " (" + commit->substr(0, 12) + ")";
  if (!plan_tables(*repo, *commit, options, plan, io)) return std::nullopt;

  auto base = git::list_tree(*repo, *commit, paths);
  auto head = git::worktree_files(*repo, paths);
  auto changed = git::changed_paths(*repo, *commit, paths);
  if (!base) return fail("git: " + base.error());
  if (!head) return fail("git: " + head.error());
  if (!changed) return fail("git: " + changed.error());

  const RepoDisplay display(top, options.path_base);
  auto wanted = [&](const std::string& path, std::string& shown) {
    if (!is_spec_extension(path)) return false;
    shown = display(path);
    return selected(options, shown);
  };
  // Both lists are sorted: walk them together.
  std::vector<std::string> blobs;
  std::vector<std::size_t> blob_pairs;
  std::size_t b = 0;
  std::size_t h = 0;
  while (b < base->size() || h < head->size()) {
    const bool take_base = b < base->size() && (h >= head->size() || (*base)[b].path <= (*head)[h]);
    const bool take_head = h < head->size() && (b >= base->size() || (*head)[h] <= (*base)[b].path);
    const std::string& path = take_base ? (*base)[b].path : (*head)[h];
    std::string shown;
    if (wanted(path, shown)) {
      FilePair pair;
      pair.key = path;
      const bool same =
          take_base && take_head && !plan.tables_changed && !std::binary_search(changed->begin(), changed->end(), path);
      const std::string on_disk = (top / path).string();
      if (take_head && (same || is_regular_file(on_disk)))
        pair.head = FileVersion{{on_disk, shown, false}, std::nullopt};
      if (same) {
        pair.known_same = true;
      } else if (take_base) {
        pair.base = FileVersion{{path, shown, false}, std::nullopt};
        blobs.push_back((*base)[b].blob);
        blob_pairs.push_back(plan.pairs.size());
      }
      if (pair.base || pair.head) plan.pairs.push_back(std::move(pair));
    }
    b += take_base ? 1 : 0;
    h += take_head ? 1 : 0;
  }
  auto texts = git::read_blobs(*repo, blobs);
  if (!texts) return fail("git: " + texts.error());
  for (std::size_t i = 0; i < blob_pairs.size(); ++i) plan.pairs[blob_pairs[i]].base->text = std::move((*texts)[i]);

  // A path on neither side is a mistake, not an empty portfolio.
  for (std::size_t i = 0; i < paths.size(); ++i) {
    auto under = [&](const std::string& file) {
      return paths[i] == "." || file == paths[i] || file.rfind(paths[i] + "/", 0) == 0;
    };
    const bool listed = std::any_of(base->begin(), base->end(), [&](const auto& e) { return under(e.path); }) ||
                        std::any_of(head->begin(), head->end(), under);
    std::error_code ec;
    if (!listed && !fs::exists(top / paths[i], ec))
      return fail((options.paths.empty() ? std::string(".") : options.paths[i]) +
                  ": no such file or folder, in the "
                  "working tree or at " +
                  ref);
  }
  return plan;
}

}  // namespace caas::cli

#include "cli/batch.hpp"

#include <algorithm>
#include <array>

#include "caas/engine/waivers.hpp"
#include "caas/import/import.hpp"
#include "cli/ordered_jobs.hpp"

namespace caas::cli {

namespace {

util::Diagnostic file_error(const std::string& display, util::Code code, std::string message) {
  util::Diagnostic d;
  d.code = code;
  d.message = std::move(message);
  d.where.file = display;
  return d;
}

model::Recommendation validation_only(const parse::ParsedWorkload& parsed) {
  model::Recommendation rec;
  rec.name = parsed.profile.name;
  rec.file = parsed.profile.file;
  for (const auto& w : parsed.warnings)
    rec.findings.push_back(
        {w.severity, std::string(w.code.id()), w.message, rec.file, w.where.line, w.where.column, {}});
  return rec;
}

// What this run can report: validate evaluates no rules, and only check judges runs_on.
engine::Reported reported_by(const BatchSettings& settings) {
  return {settings.command != report::Command::validate, settings.command == report::Command::check};
}

// What every result gets on the worker, whatever file it came from: the checks --disable names dropped, then the
// waivers of its own file applied (the configuration's are applied in order, where their use is counted).
void settle_findings(model::Recommendation& rec, const std::vector<model::Waiver>& own, const Context& context,
                     const BatchSettings& settings) {
  engine::drop_findings(rec, context.disabled_findings);
  std::vector<int> unused;
  engine::apply_waivers(rec, own, {}, settings.today, unused, reported_by(settings));
}

// The configuration's field values for a workload (docs/config.md): filled into a copy of its profile, and shown
// with where they came from among the result's assumptions.
struct Filled {
  model::WorkloadProfile profile;
  std::vector<model::Assumption> assumptions;
};
Filled fill_values(const model::WorkloadProfile& profile, const BatchSettings& settings) {
  Filled filled{profile, {}};
  filled.assumptions = config::fill_workload_values(filled.profile, settings.workload_values);
  return filled;
}

void show_filled(model::Recommendation& rec, const std::vector<model::Assumption>& filled) {
  if (filled.empty()) return;
  rec.assumptions.insert(rec.assumptions.end(), filled.begin(), filled.end());
  std::stable_sort(rec.assumptions.begin(), rec.assumptions.end(),
                   [](const model::Assumption& a, const model::Assumption& b) { return a.field < b.field; });
  std::erase_if(rec.unknown, [&](const std::string& path) {
    return std::any_of(filled.begin(), filled.end(), [&](const model::Assumption& a) { return a.field == path; });
  });
}

// Results of a file in another format (docs/importers.md): each workload with where its values came from.
FileOutcome evaluate_imported(import::ImportResult imported, const Input& input, std::string_view text,
                              const Context& context, const BatchSettings& settings) {
  FileOutcome out;
  out.errors = std::move(imported.errors);
  if (imported.workloads.empty() && out.errors.empty()) {
    if (!input.named) {
      out.skipped = true;
      return out;
    }
    std::string holds;
    for (const auto& what : imported.not_workloads) holds += (holds.empty() ? "" : ", ") + what;
    auto d = file_error(input.display, "no-workloads",
                        "a " + std::string(import::to_string(imported.format)) +
                            " file with nothing that runs code to advise on" +
                            (holds.empty() ? std::string() : " (it holds " + holds + ")"));
    d.where.line = 1;
    d.where.column = 1;
    out.errors.push_back(std::move(d));
    return out;
  }
  for (const auto& workload : imported.workloads) {
    if (auto unknown = check_workload_region(workload.profile, context.prices, text)) {
      unknown->where.file = input.display;
      out.errors.push_back(std::move(*unknown));
      continue;
    }
    model::Recommendation rec;
    const auto filled = fill_values(workload.profile, settings);
    if (settings.command == report::Command::validate) {
      rec = validation_only({filled.profile, workload.warnings});
    } else {
      rec = engine::recommend(filled.profile, workload.warnings, context.rules, settings.engine);
    }
    // The workload is named `file#name`, but its findings point into the real file, for SARIF and annotations.
    for (auto& finding : rec.findings) finding.file = input.display;
    settle_findings(rec, {}, context, settings);
    rec.source_format = workload.profile.source_format;
    rec.imported = workload.provenance;
    rec.unknown = workload.unknown_but_useful;
    show_filled(rec, filled.assumptions);
    out.results.push_back(std::move(rec));
  }
  return out;
}

FileOutcome evaluate_file(const Input& input, const std::string& stdin_text, const Context& context,
                          const BatchSettings& settings) {
  FileOutcome out;
  std::string text;
  const auto& read_limits = settings.limits;
  if (input.path == "-") {
    if (stdin_text.size() > read_limits.max_bytes) {  // read_stdin stopped one byte past the limit
      out.errors.push_back(file_error(input.display, "too-large",
                                      "standard input holds more than " + std::to_string(read_limits.max_bytes) +
                                          " bytes, larger than the limit (--max-file-size)"));
      return out;
    }
    text = stdin_text;
  } else {
    ReadError error;
    auto read = read_input(input.path, read_limits, error);
    if (!read) {
      out.errors.push_back(file_error(input.display,
                                      error.too_large ? util::Code("too-large") : util::Code("unreadable-file"),
                                      std::move(error.message)));
      return out;
    }
    text = std::move(*read);
  }
  return evaluate_text(text, input, context, settings);
}

}  // namespace

FileOutcome evaluate_text(std::string_view text, const Input& input, const Context& context,
                          const BatchSettings& settings) {
  FileOutcome out;
  // One read of the file, by the one YAML reader; its tree goes to the workload parser and, when the file is not a
  // workload, to the importers. A file that does not read as YAML may still be a template (a Helm chart): the
  // importers say so instead of the YAML error.
  const auto read = yaml::read_yaml(text, input.display, settings.limits);
  auto parsed = parse::parse_read(read, text, input.display);
  const bool may_be_other_format =
      parsed.kind == parse::FileKind::other ||
      (parsed.kind == parse::FileKind::broken && !parsed.errors.empty() && parsed.errors.front().code == "yaml-syntax");
  if (may_be_other_format) {
    if (auto imported = import::import_read(read, text, input.display))
      return evaluate_imported(std::move(*imported), input, text, context, settings);
  }
  switch (parsed.kind) {
    case parse::FileKind::broken: out.errors = std::move(parsed.errors); return out;
    case parse::FileKind::other:
      if (!parsed.errors.empty()) {  // a near miss: an error wherever the file was found
        out.errors = std::move(parsed.errors);
        return out;
      }
      if (!input.named) {
        out.skipped = true;
        return out;
      }
      {
        auto d = file_error(input.display, "not-a-workload",
                            "not a workload file: expected 'apiVersion: caas-advisor/v1', or a 'kind' of service, "
                            "worker, job or function with a 'name'");
        d.where.line = 1;
        d.where.column = 1;
        out.errors.push_back(std::move(d));
      }
      return out;
    case parse::FileKind::workload: break;
  }
  out.errors = std::move(parsed.errors);
  for (const auto& workload : parsed.workloads) {
    if (auto unknown = check_workload_region(workload.profile, context.prices, text)) {
      out.errors.push_back(std::move(*unknown));
      continue;
    }
    // A waiver naming an id that no rule or check has is an error of its file, as an unknown key is.
    auto unknown_ids = engine::check_waiver_rules(workload.profile.waivers, context.finding_ids);
    if (!unknown_ids.empty()) {
      out.errors.insert(out.errors.end(), unknown_ids.begin(), unknown_ids.end());
      continue;
    }
    const auto filled = fill_values(workload.profile, settings);
    auto rec = settings.command == report::Command::validate
                   ? validation_only({filled.profile, workload.warnings})
                   : engine::recommend(filled.profile, workload.warnings, context.rules, settings.engine);
    show_filled(rec, filled.assumptions);
    settle_findings(rec, workload.profile.waivers, context, settings);
    out.results.push_back(std::move(rec));
  }
  return out;
}

namespace {

// At most one byte past the limit: enough to know that standard input is too large without holding all of it.
std::string read_stdin(std::istream& in, std::size_t max_bytes) {
  std::string text;
  std::array<char, 65536> chunk{};
  while (text.size() <= max_bytes && in) {
    in.read(chunk.data(), static_cast<std::streamsize>(std::min(chunk.size(), max_bytes + 1 - text.size())));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  return text;
}

FileOutcome evaluate_guarded(const Input& input, const std::string& stdin_text, const Context& context,
                             const BatchSettings& settings) {
  try {
    return evaluate_file(input, stdin_text, context, settings);
  } catch (const std::exception& e) {
    FileOutcome out;
    out.internal_error = true;
    out.errors.push_back(
        file_error(input.display, "internal-error",
                   std::string("internal error (a bug; please report it with this file): ") + e.what()));
    return out;
  }
}

// What the files found in one named folder gave.
struct FolderTally {
  int files = 0;
  int workloads = 0;
  int errors = 0;
  int skipped = 0;  // YAML or JSON that is neither a workload nor a spec the tool imports
};

std::string counted(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// A named folder that gave no workload and no error would pass with nothing checked: an error that says why.
util::Diagnostic empty_folder_error(const NamedFolder& folder, const FolderTally& tally) {
  std::vector<std::string> why;
  if (tally.skipped > 0)
    why.push_back(counted(tally.skipped, "YAML or JSON file that is not a workload",
                          "YAML or JSON files that are not "
                          "workloads") +
                  " (-v lists them)");
  if (folder.not_selected > 0)
    why.push_back(counted(folder.not_selected, "file", "files") + " left out by --include or --exclude");
  if (folder.other_extension > 0)
    why.push_back(counted(folder.other_extension, "file", "files") + " not named .yaml, .yml or .json");
  if (folder.symlinks > 0) why.push_back(counted(folder.symlinks, "symbolic link", "symbolic links") + " not followed");
  const int total = tally.skipped + folder.not_selected + folder.other_extension + folder.symlinks;
  std::string message = "no workload found in this folder";
  if (total == 0) {
    message += ": it holds no files";
  } else {
    message += ": " + counted(total, "file", "files") + " skipped: ";
    for (std::size_t i = 0; i < why.size(); ++i) message += (i == 0 ? "" : ", ") + why[i];
  }
  auto d = file_error(folder.display, "no-workload-in-folder", std::move(message));
  d.hint =
      "a workload file starts with 'apiVersion: caas-advisor/v1'; name the folder that holds them, or check "
      "--include and --exclude";
  return d;
}

class ProgressBar {
 public:
  ProgressBar(bool enabled, std::size_t total, std::ostream& err) : m_enabled(enabled), m_total(total), m_err(err) {}
  void update(std::size_t done) {
    if (!m_enabled || (done % 64 != 0 && done != m_total)) return;
    constexpr std::size_t k_width = 30;
    const std::size_t filled = m_total == 0 ? k_width : done * k_width / m_total;
    m_err << "\r[" << std::string(filled, '#') << std::string(k_width - filled, ' ') << "] " << done << '/' << m_total
          << std::flush;
    if (done == m_total) m_err << "\r\x1b[2K" << std::flush;
  }

 private:
  bool m_enabled;
  std::size_t m_total;
  std::ostream& m_err;
};

}  // namespace

int run_batch(const Inputs& inputs, const Context& context, const BatchSettings& settings,
              const std::vector<report::Renderer*>& renderers, Io& io) {
  std::string stdin_text;
  if (std::any_of(inputs.files.begin(), inputs.files.end(), [](const Input& i) { return i.path == "-"; }))
    stdin_text = read_stdin(io.in, settings.limits.max_bytes);

  for (auto* r : renderers) r->begin(context.tool);
  report::Summary summary;
  for (const auto& target : context.rules.targets) summary.by_target.push_back({target.id, target.name, 0});
  bool internal_error = false;
  for (const auto& e : inputs.errors) {
    for (auto* r : renderers) r->error(e);
    ++summary.errors;
  }

  std::vector<FolderTally> folders(inputs.folders.size());
  std::vector<int> waiver_uses(settings.waivers.size(), 0);
  std::optional<report::FindingMatcher> matcher;
  if (settings.baseline) matcher.emplace(*settings.baseline);
  summary.baseline = matcher.has_value();

  auto consume = [&](std::size_t index, FileOutcome& outcome) {
    ++summary.files;
    if (const int folder = inputs.files[index].folder; folder >= 0) {
      auto& tally = folders[static_cast<std::size_t>(folder)];
      ++tally.files;
      tally.workloads += static_cast<int>(outcome.results.size());
      tally.errors += static_cast<int>(outcome.errors.size());
      tally.skipped += outcome.skipped ? 1 : 0;
    }
    internal_error = internal_error || outcome.internal_error;
    if (outcome.skipped) {
      ++summary.skipped;
      summary.skipped_files.push_back(inputs.files[index].display);
    }
    for (auto& rec : outcome.results) {
      ++summary.workloads;
      // The configuration's waivers and the baseline, here in input order: their counts are the batch's.
      engine::apply_waivers(rec, {}, settings.waivers, settings.today, waiver_uses);
      for (auto& f : rec.findings) {
        if (matcher) {
          const bool known = matcher->match(report::finding_key(rec, f)) == report::Match::known;
          if (f.status != model::FindingStatus::waived)
            f.status = known ? model::FindingStatus::known : model::FindingStatus::new_finding;
        }
        summary.new_findings += f.status == model::FindingStatus::new_finding ? 1 : 0;
      }
      if (settings.command != report::Command::validate) {
        const auto counted = std::find_if(summary.by_target.begin(), summary.by_target.end(),
                                          [&](const report::TargetCount& t) { return rec.recommended == t.id; });
        if (counted != summary.by_target.end())
          ++counted->workloads;
        else
          ++summary.by_none;
      }
      for (const auto& f : rec.findings) report::count_finding(summary.findings, f, settings.gate);
      for (auto* r : renderers) r->result(rec);
    }
    for (const auto& e : outcome.errors) {
      ++summary.errors;
      for (auto* r : renderers) r->error(e);
    }
  };

  const std::size_t n = inputs.files.size();
  ProgressBar progress(settings.progress && n >= 200, n, io.err);
  // Workers stay at most 512 files ahead of the renderers, so memory stays flat however many files there are.
  run_ordered<FileOutcome>(
      n, {settings.jobs, 512},
      [&](std::size_t index) { return evaluate_guarded(inputs.files[index], stdin_text, context, settings); },
      [&](std::size_t index, FileOutcome& outcome) {
        consume(index, outcome);
        progress.update(index + 1);
      });

  for (std::size_t i = 0; i < folders.size(); ++i) {
    if (folders[i].workloads > 0 || folders[i].errors > 0 || inputs.folders[i].unreadable > 0) continue;
    const auto error = empty_folder_error(inputs.folders[i], folders[i]);
    for (auto* r : renderers) r->error(error);
    ++summary.errors;
  }
  if (matcher) summary.fixed = static_cast<int>(matcher->unmatched().size());
  for (std::size_t i = 0; i < settings.waivers.size(); ++i)
    if (waiver_uses[i] == 0 && engine::can_report(reported_by(settings), settings.waivers[i].rule))
      summary.warnings.push_back(engine::stale_waiver(settings.waivers[i]));
  // The counts every format shows, and the exit code, come from report::count_finding alone.
  summary.exit_code = internal_error ? 3 : summary.errors > 0 ? 2 : summary.findings.failing > 0 ? 1 : 0;
  for (auto* r : renderers) r->finish(summary);
  return summary.exit_code;
}

}  // namespace caas::cli

#include "cli/diff_sides.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace caas::cli {

namespace {

struct PairOutcome {
  std::optional<FileOutcome> base;
  std::optional<FileOutcome> head;
  std::optional<FileOutcome> same;  // evaluated once: the versions are the same
};

FileOutcome read_error(const Input& input, const ReadError& error) {
  FileOutcome out;
  util::Diagnostic d;
  d.code = error.too_large ? util::Code("too-large") : util::Code("unreadable-file");
  d.message = error.message;
  d.where.file = input.display;
  out.errors.push_back(std::move(d));
  return out;
}

// The text of a version, or the outcome that says why there is none.
std::optional<std::string> text_of(const FileVersion& version, const DiffSettings& settings,
                                   std::optional<FileOutcome>& failed) {
  if (version.text) return version.text;
  const auto& limits = settings.batch.limits;
  ReadError error;
  auto text = read_input(version.input.path, limits, error);
  if (!text) failed = read_error(version.input, error);
  return text;
}

FileOutcome evaluate(std::string_view text, const Input& input, const Context& context, const BatchSettings& settings) {
  try {
    auto out = evaluate_text(text, input, context, settings);
    for (auto& rec : out.results) diff::keep_compared_parts(rec);
    return out;
  } catch (const std::exception& e) {
    FileOutcome out;
    out.internal_error = true;
    util::Diagnostic d;
    d.code = "internal-error";
    d.message = std::string("internal error (a bug; please report it with this file): ") + e.what();
    d.where.file = input.display;
    out.errors.push_back(std::move(d));
    return out;
  }
}

// Each side is judged with its own tables: its rules, and the prices the engine reads.
BatchSettings settings_for(const Context& context, const BatchSettings& batch) {
  BatchSettings settings = batch;
  settings.engine.prices = &context.prices;
  return settings;
}

PairOutcome evaluate_pair(const FilePair& pair, const Context& base_context, const Context& head_context,
                          const DiffSettings& settings) {
  PairOutcome out;
  const auto base_settings = settings_for(base_context, settings.batch);
  const auto head_settings = settings_for(head_context, settings.batch);
  // Counting the workloads of a file that did not change needs no advice, only a parse (validate).
  BatchSettings once = head_settings;
  if (!settings.price_unchanged) once.command = report::Command::validate;
  if (pair.known_same && pair.head) {
    std::optional<FileOutcome> failed;
    if (const auto text = text_of(*pair.head, settings, failed))
      out.same = evaluate(*text, pair.head->input, head_context, once);
    else
      out.same = std::move(failed);
    return out;
  }
  std::optional<std::string> base_text;
  std::optional<std::string> head_text;
  if (pair.base) base_text = text_of(*pair.base, settings, out.base);
  if (pair.head) head_text = text_of(*pair.head, settings, out.head);
  // Byte for byte the same, under the same name, judged by the same tables: the same advice.
  if (base_text && head_text && *base_text == *head_text && &base_context == &head_context) {
    out.same = evaluate(*head_text, pair.head->input, head_context, once);
    return out;
  }
  if (base_text) out.base = evaluate(*base_text, pair.base->input, base_context, base_settings);
  if (head_text) out.head = evaluate(*head_text, pair.head->input, head_context, head_settings);
  return out;
}

void add_file(diff::Side& side, const std::string& key, const Input& input, FileOutcome&& outcome) {
  if (outcome.skipped) return;  // not a workload, found in a folder
  side.files.push_back({key, input.display, std::move(outcome.results), std::move(outcome.errors)});
}

}  // namespace

DiffInputs evaluate_pairs(const std::vector<FilePair>& pairs, const Context& base_context, const Context& head_context,
                          const DiffSettings& settings) {
  std::vector<PairOutcome> outcomes(pairs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < pairs.size(); i = next++)
      outcomes[i] = evaluate_pair(pairs[i], base_context, head_context, settings);
  };
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(settings.batch.jobs, 1)),
                                                    std::max<std::size_t>(pairs.size(), 1));
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (std::size_t t = 0; t + 1 < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();

  DiffInputs inputs;
  double same_usd = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    auto& outcome = outcomes[i];
    const auto& pair = pairs[i];
    for (auto* evaluated : {&outcome.base, &outcome.head, &outcome.same})
      if (*evaluated) inputs.internal_error = inputs.internal_error || (*evaluated)->internal_error;
    if (outcome.same) {
      if (outcome.same->skipped) continue;
      ++inputs.unchanged.files;
      inputs.unchanged.workloads += static_cast<int>(outcome.same->results.size());
      for (const auto& rec : outcome.same->results) same_usd += model::costed_usd(rec).value_or(0);
      // A file broken in both versions is still broken: its errors are the head's, listed once.
      if (!outcome.same->errors.empty())
        inputs.head.files.push_back({pair.key, pair.head->input.display, {}, std::move(outcome.same->errors)});
      continue;
    }
    if (outcome.base) add_file(inputs.base, pair.key, pair.base->input, std::move(*outcome.base));
    if (outcome.head) add_file(inputs.head, pair.key, pair.head->input, std::move(*outcome.head));
  }
  if (settings.price_unchanged) inputs.unchanged.monthly_usd = same_usd;
  return inputs;
}

}  // namespace caas::cli

#pragma once
// What every importer does to fill one workload: set a field from a key of the original file (keeping the key's
// location and path as provenance), add triggers, read scalars while reporting unresolved variables and intrinsics,
// and finish with the defaults applied and the list of what is still unknown.
#include <optional>
#include <string>
#include <string_view>

#include "caas/import/import.hpp"
#include "spec_tree.hpp"

namespace caas::import {

// The file being imported, shared by the workloads built from it.
struct SourceFile {
  std::string_view text;
  std::string name;  // as shown in reports
  SpecFormat format;
};

// A location and a key path in the original file: where a value came from.
struct From {
  const SpecNode* key = nullptr;  // the key node (its line and column are reported); may be the value itself
  std::string path;               // "functions.resize.timeout"
};

class WorkloadBuilder {
 public:
  // `name` is sanitised to the workload name charset; `at` is where the workload starts in the file.
  WorkloadBuilder(const SourceFile& source, std::string_view name, const SpecNode& at);

  const std::string& name() const { return m_imported.profile.name; }

  // Sets a field (a catalogue path) when it is not set yet; `written` is the original text, `note` how it was read.
  // A field already set keeps its first value, so callers set the most specific source first.
  void set(std::string_view field, util::Value value, const From& from, std::string note = {});
  // As set, for a value computed from what the file gives (runs per month from a schedule): Origin::derived.
  void derive(std::string_view field, util::Value value, const From& from, std::string note);
  void set_text(std::string_view field, std::string value, const From& from, std::string note = {});
  void set_flag(std::string_view field, const From& from, std::string note = {});
  // Adds a trigger (kept sorted and unique); the first trigger's key is its provenance.
  void add_trigger(std::string_view trigger, const From& from, std::string note = {});

  // A scalar's text, or nullopt when the node is absent, not a scalar, or an unresolved expression (which is reported
  // as a warning naming `what`).
  std::optional<std::string> scalar(const SpecNode* node, std::string_view path);

  void warn(util::Code code, std::string message, const SpecNode* at);
  void error(util::Code code, std::string message, const SpecNode* at);
  bool has_errors() const { return !m_errors.empty(); }

  // The workload with defaults applied and its unknowns listed; its errors move to `errors` (and it is dropped).
  void finish_into(ImportResult& result);

 private:
  void put(std::string_view field, util::Value value, const From& from, std::string note, model::Origin origin);
  util::Diagnostic located(util::Code code, std::string message, const SpecNode* at, util::Severity severity) const;

  const SourceFile& m_source;
  ImportedWorkload m_imported;
  util::Diagnostics m_errors;
  std::vector<std::pair<std::string, model::Provenance>> m_trigger_sources;
};

// Workload names: 1-63 characters of A-Z a-z 0-9 . _ - ("my service" -> "my-service"); "workload" when nothing is
// left.
std::string sanitise_name(std::string_view name);

}  // namespace caas::import

#pragma once
// A workload as the rules and the cost model see it: one typed value per catalogue field, each with where it was
// written, or unknown.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "caas/model/field_catalogue.hpp"
#include "caas/util/value.hpp"

namespace caas::model {

// derived: computed from another field the file gives (duration.max from typical); it has that field's location.
// configured: given by the project configuration's `workloads:` where the file says nothing (docs/config.md); it has
// no location in the workload's file.
enum class Origin { absent, written, defaulted, derived, configured };

struct FieldValue {
  util::Value value;  // unknown when absent
  Origin origin = Origin::absent;
  std::string written;  // the text as the user wrote it (or the default), for messages
  int line = 0;         // where it was written; 0 when defaulted or absent
  int column = 0;
};

// An accepted exception (docs/config.md): findings of `rule` (a rule id or a check id) on the workloads it names are
// reported as waived, with the reason, until `expires` (YYYY-MM-DD, inclusive) has passed.
struct Waiver {
  std::string workload;  // a name or glob (config); empty in a workload file: the file's own workload
  std::string rule;
  std::string reason;
  std::string expires;  // empty when it does not expire
  std::string file;     // where it is written
  int line = 0;
  int column = 0;
};

struct WorkloadProfile {
  std::string file;  // as shown in reports (relative to --path-base, or "-")
  std::string name;
  std::string source_format = "caas-advisor/v1";               // or the importer's format
  std::vector<FieldValue> fields;                              // one per field_catalogue() entry, same order
  std::vector<std::pair<std::string, FieldValue>> extensions;  // x- keys as `x.NAME` names (pci_scope), sorted
  int line = 1;  // where the workload starts (its `kind`, or the document)
  int column = 1;
  std::vector<Waiver> waivers;  // the file's `waivers:`

  WorkloadProfile();

  // The field at a catalogue path; a path not in the catalogue is a bug.
  const FieldValue& at(std::string_view path) const;
  FieldValue& at(std::string_view path);
  const FieldValue& at(std::size_t index) const { return fields[index]; }

  // Typed reads for the cost model; nullopt when unknown.
  std::optional<double> number(std::string_view path) const;
  std::optional<std::string_view> text(std::string_view path) const;
  bool flag(std::string_view path) const;  // false when unknown
  bool has_trigger(std::string_view trigger) const;

  // An x- extension by its condition name, or nullptr.
  const FieldValue* extension(std::string_view key_name) const;
};

// Fills the defaults that rules see (workload spec, "Defaults"), marking them as defaulted.
void apply_defaults(WorkloadProfile& profile);

}  // namespace caas::model

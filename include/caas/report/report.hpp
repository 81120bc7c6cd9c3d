#pragma once
// Renderers: one per output format, registered in one table. A renderer receives results one at a time and writes
// as it goes, so a batch of any size is never held in memory as a whole document.
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/recommendation.hpp"
#include "caas/model/rule_info.hpp"
#include "caas/util/diagnostic.hpp"

namespace caas::report {

struct ToolInfo {
  std::string name = "caas-advisor";
  std::string version;
  std::string rules_version;
  std::string pricing_date;
};

// How many workloads a target is recommended for.
struct TargetCount {
  std::string id;    // "lambda"
  std::string name;  // "AWS Lambda"
  int workloads = 0;
};

// Which findings make the exit code 1: those of at least `fail_on`'s severity (--fail-on), or none at all.
struct Gate {
  util::Severity fail_on = util::Severity::error;
  bool never = true;  // --fail-on none
};

// Where a finding stands: new, or accepted by a waiver, or known from a baseline. The one place that reads it.
enum class Standing { new_finding, waived, known };
Standing standing_of(const model::Finding& finding);

// Whether a finding fails the run. The one test the exit code, JUnit's <failure>s and every report's verdict share,
// so a report never disagrees with the exit code. A waived or known (baseline) finding never fails.
bool fails_gate(const model::Finding& finding, const Gate& gate);

// The findings of a batch by what they count as. `errors`, `warnings` and `infos` are the findings that are
// neither waived nor known; `failing` those that fail the gate.
struct FindingCounts {
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int waived = 0;
  int known = 0;
  int failing = 0;
};

// Counts one finding: the one place a finding's status (new, waived, known) turns into the batch's totals.
void count_finding(FindingCounts& counts, const model::Finding& finding, const Gate& gate);

// The batch's totals (cli-v1 "summary").
struct Summary {
  int files = 0;
  int skipped = 0;
  int workloads = 0;
  int errors = 0;
  // Every target of the rule table in its order (the built-in ones and any a rule file adds), then the workloads
  // no target fits.
  std::vector<TargetCount> by_target;
  int by_none = 0;
  std::vector<std::string> skipped_files;  // listed with -v
  FindingCounts findings;
  int exit_code = 0;
  bool baseline = false;  // a baseline was given: the counts below mean something
  int new_findings = 0;   // findings the baseline does not hold
  int fixed = 0;          // findings of the baseline no longer reported
  // Warnings of the run rather than of a file: a configuration's waiver that matched no finding (waiver-stale).
  util::Diagnostics warnings;
};

enum class Command { recommend, check, validate, cost };

// The verdict in the words every format uses, from the exit code: "passed", "failed", "failed: inputs that could
// not be evaluated", "failed: internal error".
std::string_view verdict_words(int exit_code);
// "2 errors, 1 warning, 0 waived, 0 known": errors count inputs that could not be evaluated and error findings.
std::string count_words(const Summary& summary);
// "check failed — 2 errors, 1 warning, 0 waived, 0 known": the line `check` always prints.
std::string verdict_line(const Summary& summary, Command command);
std::string_view command_name(Command command);

// The text layout's width when nothing gives one (standard output is not a terminal and COLUMNS is not set), and
// the narrowest and widest it takes.
constexpr std::size_t k_text_width = 100;
constexpr std::size_t k_min_text_width = 60;
constexpr std::size_t k_max_text_width = 160;

struct RenderOptions {
  bool color = false;
  bool verbose = false;
  bool quiet = false;
  Command command = Command::recommend;
  std::string path_base;             // for repo-relative URIs
  Gate gate;                         // which findings fail the run, for formats that say pass or fail per finding
  std::size_t width = k_text_width;  // columns of the text formats' layout
  bool explain = false;              // check's text: the full advice of each workload after the verdict
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual void begin(const ToolInfo& tool) = 0;
  virtual void result(const model::Recommendation& recommendation) = 0;
  virtual void error(const util::Diagnostic& error) = 0;
  virtual void finish(const Summary& summary) = 0;
};

struct Format {
  std::string_view name;
  std::string_view description;
  std::function<std::unique_ptr<Renderer>(std::ostream& out, const RenderOptions& options)> make;
};

// Every output format, in the order `--help` lists them.
const std::vector<Format>& formats();
const Format* find_format(std::string_view name);

// `rules list` and `rules show`: the rule table as text, json or markdown (docs/rules.md is the markdown).
struct RuleTableView {
  std::string revision;
  std::vector<model::Target> targets;
  std::vector<model::RuleInfo> rules;
};
// `format` is one of rule_formats(); any other is a caller's bug (std::invalid_argument).
// The text is laid out in `width` columns.
void render_rule_list(std::ostream& out, const RuleTableView& table, std::string_view format,
                      std::size_t width = k_text_width);
void render_rule_detail(std::ostream& out, const model::RuleInfo& rule, std::string_view format,
                        std::size_t width = k_text_width);

// The formats the two functions above accept, for the command line to validate against: text, json, markdown.
const std::vector<std::string_view>& rule_formats();

}  // namespace caas::report

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
  int exit_code = 0;
  // Findings by what the team decided (model::FindingStatus, docs/config.md); waived and known ones never count
  // for --fail-on.
  int waived = 0;
  int known = 0;
  bool baseline = false;  // a baseline was given: the counts below mean something
  int new_findings = 0;   // findings the baseline does not hold
  int fixed = 0;          // findings of the baseline no longer reported
  // Warnings of the run rather than of a file: a configuration's waiver that matched no finding (waiver-stale).
  util::Diagnostics warnings;
};

enum class Command { recommend, check, validate, cost };

struct RenderOptions {
  bool color = false;
  bool verbose = false;
  bool quiet = false;
  Command command = Command::recommend;
  std::string path_base;  // for repo-relative URIs
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
void render_rule_list(std::ostream& out, const RuleTableView& table, std::string_view format);
void render_rule_detail(std::ostream& out, const model::RuleInfo& rule, std::string_view format);

// The formats the two functions above accept, for the command line to validate against: text, json, markdown.
const std::vector<std::string_view>& rule_formats();

}  // namespace caas::report

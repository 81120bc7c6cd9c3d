#include "fuzz_targets.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>
#include <string>

#include "caas/config/project_config.hpp"
#include "caas/cost/price_table.hpp"
#include "caas/diff/compare.hpp"
#include "caas/diff/gates.hpp"
#include "caas/diff/read_report.hpp"
#include "caas/engine/engine.hpp"
#include "caas/import/import.hpp"
#include "caas/parse/parse_workload.hpp"
#include "caas/pricelist/pricelist.hpp"
#include "caas/report/baseline.hpp"
#include "caas/report/diff_report.hpp"
#include "caas/report/report.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/builtin_tables.hpp"

namespace caas::fuzz {

namespace {

void require(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

// A workload that sets most fields, so that conditions and prices read real values.
constexpr std::string_view k_fixed_workload = R"(apiVersion: caas-advisor/v1
name: fuzz-fixed
kind: service
runs_on: fargate
triggers: [http]
runtime: {language: go, version: "1.23"}
execution:
  duration: {typical: 15ms, max: 2s}
  startup: 3s
  payload_max: 256KiB
  concurrency: 64
resources: {cpu: 1, memory: 2GiB, ephemeral_storage: 2GiB}
package: {type: image, size: 45MiB}
traffic: {pattern: steady, requests_per_month: 600M, peak_rps: 400}
latency: {p99: 50ms, cold_start_sensitive: true}
state: {inter_container: true}
operations: {ops_capacity: medium, availability: high}
x-pci: true
x-tier: 2
)";

const rules::RuleSet& builtin_rules() {
  static const rules::RuleSet k_rules = [] {
    auto loaded = tables::builtin_rules();
    require(loaded.has_value(), "the built-in rule table loads");
    return std::move(*loaded);
  }();
  return k_rules;
}

const cost::PriceTable& builtin_prices() {
  static const cost::PriceTable k_prices = [] { return tables::builtin_prices(); }();
  return k_prices;
}

const model::WorkloadProfile& fixed_profile() {
  static const model::WorkloadProfile k_profile = [] {
    auto parsed = parse::parse_workload(k_fixed_workload, "fixed.yaml");
    require(parsed.has_value(), "the fixed workload parses");
    return std::move(parsed->profile);
  }();
  return k_profile;
}

void require_located(const util::Diagnostics& errors) {
  for (const auto& e : errors) {
    require(!e.message.empty(), "every error has a message");
    require(e.severity == e.code.severity(), "every error has its code's severity");
    require(e.where.line >= 0 && e.where.column >= 0, "no negative positions");
  }
}

// Untrusted text never reaches the output raw: no control character but line breaks and tabs.
void require_no_controls(const std::string& out, bool allow_tab) {
  for (const char c : out) {
    const auto byte = static_cast<unsigned char>(c);
    require(byte >= 0x20 || c == '\n' || (allow_tab && c == '\t'), "no raw control characters in the output");
    require(byte != 0x7f, "no raw DEL in the output");
  }
}

void render_everywhere(const std::vector<model::Recommendation>& results, const util::Diagnostics& errors) {
  for (const auto& format : report::formats()) {
    std::ostringstream out;
    {
      report::RenderOptions options;
      auto renderer = format.make(out, options);
      renderer->begin({});
      for (const auto& r : results) renderer->result(r);
      for (const auto& e : errors) renderer->error(e);
      renderer->finish({});
    }
    const auto text = out.str();
    if (format.name == "json" || format.name == "sarif") {
      require(nlohmann::json::accept(text), "JSON and SARIF output is valid JSON");
    } else {
      require_no_controls(text, format.name != "junit");
    }
  }
}

}  // namespace

void run_workload_file(std::string_view data) {
  const auto parsed = parse::parse_file(data, "fuzz.yaml");
  require_located(parsed.errors);
  require(parsed.kind != parse::FileKind::broken || !parsed.errors.empty(), "a broken file says why");
  engine::EngineOptions options;
  options.prices = &builtin_prices();
  options.judge_runs_on = true;
  std::vector<model::Recommendation> results;
  for (const auto& workload : parsed.workloads)
    results.push_back(engine::recommend(workload.profile, workload.warnings, builtin_rules(), options));
  render_everywhere(results, parsed.errors);
}

void run_spec_file(std::string_view data) {
  const auto imported = import::import_spec(data, "fuzz.yaml");
  if (!imported) return;  // not a format the importers recognise: the workload parser's case
  require_located(imported->errors);
  engine::EngineOptions options;
  options.prices = &builtin_prices();
  options.judge_runs_on = true;
  std::vector<model::Recommendation> results;
  for (const auto& workload : imported->workloads) {
    require_located(workload.warnings);
    results.push_back(engine::recommend(workload.profile, workload.warnings, builtin_rules(), options));
    // What `caas-advisor import` prints is a workload file of our own that reads back without error.
    const auto yaml = import::to_workload_yaml(workload, "fuzz.yaml");
    require_no_controls(yaml, false);  // nothing the tool writes holds a raw control character
    const auto back = parse::parse_workload(yaml, "imported.yaml");
    require(back.has_value(), "the import command's output parses back");
  }
  render_everywhere(results, imported->errors);
}

void run_condition(std::string_view data) {
  const rules::expr::Origin origin{"fuzz.yaml", 1, 1, data};
  const auto compiled = rules::expr::compile(data, rules::workload_schema(), origin);
  if (!compiled) {
    require(!compiled.error().empty(), "a refused condition says why");
    require_located(compiled.error());
    return;
  }
  const model::WorkloadProfile empty;
  for (const auto* profile : {&fixed_profile(), &empty}) {
    const rules::ProfileEnvironment environment(*profile);
    (void)compiled->evaluate(environment);
  }
  (void)compiled->bound();
}

void run_rule_file(std::string_view data) {
  rules::LoadOptions options;
  options.keep_examples = true;
  options.base = &builtin_rules();
  const auto loaded = rules::load_rules(data, "fuzz.yaml", options);
  if (!loaded) {
    require(!loaded.error().empty(), "a refused rule file says why");
    require_located(loaded.error());
    return;
  }
  const rules::ProfileEnvironment environment(fixed_profile());
  for (const auto& rule : loaded->rules) (void)rule.when.evaluate(environment);
  auto merged = builtin_rules();
  rules::merge(merged, *loaded);
  engine::EngineOptions engine_options;
  (void)engine::recommend(fixed_profile(), {}, merged, engine_options);
}

void run_price_file(std::string_view data) {
  const auto loaded = cost::load_price_overlay(data, "fuzz.yaml", builtin_prices());
  if (!loaded) {
    require(!loaded.error().empty(), "a refused price file says why");
    require_located(loaded.error());
    return;
  }
  auto merged = builtin_prices();
  cost::merge(merged, *loaded);
  engine::EngineOptions options;
  options.prices = &merged;
  const auto result = engine::recommend(fixed_profile(), {}, builtin_rules(), options);
  render_everywhere({result}, {});
}

void run_report_file(std::string_view data) {
  auto read = diff::read_report(data, "fuzz.json", diff::report_limits(0));
  require_located(read.errors);
  for (const auto& file : read.files) {
    require_located(file.errors);
    require(!file.workloads.empty() || !file.errors.empty(), "a file of the report holds workloads or errors");
  }
  auto copy = read;
  const auto base = diff::report_side(std::move(read), {"a.yaml", "x/b.yaml"}, "fuzz.json");
  const auto head = diff::report_side(std::move(copy), {}, "fuzz.json");
  // A report against itself changes nothing: every workload it holds is matched, unchanged or moved at most.
  auto result = diff::compare(base, head);
  for (const auto& change : result.changes)
    require(change.kind == model::ChangeKind::moved || change.kind == model::ChangeKind::not_compared ||
                change.kind == model::ChangeKind::changed,
            "a report against itself adds or removes nothing");
  require(std::abs(result.cost.change) < 0.005, "a report against itself costs nothing");
  diff::Gates gates;
  gates.target_change = true;
  gates.new_findings = util::Severity::info;
  diff::evaluate_gates(result, gates);
  for (const auto& format : report::diff_formats()) {
    std::ostringstream out;
    format.render(out, result, {});
    const auto text = out.str();
    if (format.name == "json") {
      require(nlohmann::json::accept(text), "the diff's JSON is valid JSON");
    } else {
      require_no_controls(text, false);
      if (format.name == "markdown") require(text.size() < 65536, "the markdown fits a pull-request comment");
    }
  }
}

void run_config_file(std::string_view data) {
  const auto read = config::read_config(data, "fuzz/.caas-advisor.yaml", "fuzz");
  if (!read) {
    require(!read.error().empty(), "a refused configuration says why");
    require_located(read.error());
    for (const auto& e : read.error()) require(e.where.file == "fuzz/.caas-advisor.yaml", "errors name the file");
    return;
  }
  for (const auto& w : read->waivers) require(!w.rule.empty() && !w.reason.empty(), "a waiver has a rule and reason");
  for (const auto& path : read->rules)
    require(path.value.rfind("fuzz/", 0) == 0 || path.value.front() == '/', "a relative path is the configuration's");
  // Its field values fill a workload without overriding what the workload gives.
  auto profile = fixed_profile();
  profile.name = "fuzz-fixed";
  const auto filled = config::fill_workload_values(profile, read->workloads);
  for (std::size_t i = 0; i < profile.fields.size(); ++i)
    if (fixed_profile().fields[i].origin == model::Origin::written)
      require(profile.fields[i].origin == model::Origin::written, "a written field is never overridden");
  engine::EngineOptions options;
  options.prices = &builtin_prices();
  auto result = engine::recommend(profile, {}, builtin_rules(), options);
  result.assumptions.insert(result.assumptions.end(), filled.begin(), filled.end());
  render_everywhere({result}, {});
}

void run_baseline(std::string_view data) {
  const auto keys = report::read_baseline(data, "fuzz.json", report::baseline_limits());
  if (!keys) {
    require(!keys.error().empty(), "a refused baseline says why");
    require_located(keys.error());
    return;
  }
  // Matching the fixed workload's findings against it: every earlier finding is matched or left, never both.
  auto result = engine::recommend(fixed_profile(), {}, builtin_rules(), {});
  const auto current = report::finding_keys(result);
  const auto comparison = report::compare_findings(*keys, current);
  std::size_t known = 0;
  for (const auto m : comparison.current) known += m == report::Match::known ? 1 : 0;
  require(known + comparison.fixed.size() == keys->size(), "every earlier finding is known or fixed");
}

void run_price_list(std::string_view data) {
  // Smaller limits, so that the fuzzer reaches the string and nesting guards with small inputs.
  pricelist::Importer importer({4096, 16});
  std::istringstream in{std::string(data)};
  const auto read = importer.read(in, "fuzz.json");
  if (!read) {
    require(read.error().size() == 1, "a refused Price List file gives one error");
    require_located(read.error());
    return;
  }
  const auto regions = importer.regions();
  if (regions.empty()) return;
  const auto text = pricelist::write_overlay(regions, importer.latest_date(), builtin_prices(), {*read});
  const auto loaded = cost::load_price_overlay(text, "imported.yaml", builtin_prices());
  require(loaded.has_value() || loaded.error().front().code == "too-many-nodes", "an imported overlay loads");
  if (!loaded) return;
  auto merged = builtin_prices();
  cost::merge(merged, *loaded);
  engine::EngineOptions options;
  options.prices = &merged;
  options.region_override = regions.begin()->first;
  const auto result = engine::recommend(fixed_profile(), {}, builtin_rules(), options);
  render_everywhere({result}, {});
}

}  // namespace caas::fuzz

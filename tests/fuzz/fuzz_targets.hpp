#pragma once
// The bodies of the fuzz targets, shared by the libFuzzer entry points (fuzz_*.cpp) and by the regression test
// that replays tests/fuzz/regressions/. Each takes any bytes, runs them through one input path of the tool, and
// throws std::logic_error when an invariant breaks; a crash or a sanitizer report is a failure too.
#include <stdexcept>
#include <string_view>

namespace caas::fuzz {

// A workload file: parse::parse_file, then every parsed workload through the engine and every output format.
void run_workload_file(std::string_view data);

// Another format's spec (serverless.yml, SAM, CloudFormation, compose, Kubernetes, ECS): import::import_spec, every
// imported workload through the engine and every output format, and its `import` output (which holds no raw control
// character) back through the parser.
void run_spec_file(std::string_view data);

// A rule condition: rules::expr::compile against the workload schema, then evaluate on a fixed profile.
void run_condition(std::string_view data);

// A --rules file: rules::load_rules over the built-in table, then every loaded condition on a fixed profile.
void run_rule_file(std::string_view data);

// A --pricing file: cost::load_price_overlay over the built-in prices, then a fixed workload priced with it.
void run_price_file(std::string_view data);
// A project configuration (.caas-advisor.yaml): it loads or says why, located; its values fill a workload without
// overriding it, and the result renders in every format.
void run_config_file(std::string_view data);
// A baseline (a JSON report): it loads or says why, located; matching against it accounts for every finding.
void run_baseline(std::string_view data);

// A JSON report read back as a side of diff: diff::read_report, the report against itself (nothing added, removed
// or costed), and every diff format.
void run_report_file(std::string_view data);
// An AWS Price List file (offer file in JSON or CSV, get-products output) through `pricing import`.
void run_price_list(std::string_view data);

}  // namespace caas::fuzz

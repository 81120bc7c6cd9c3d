#include "cli/commands.hpp"

#include "cli/build_info.hpp"
#include "cli/context.hpp"

namespace caas::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(make_diff_command());
  commands.push_back(make_rules_command());
  commands.push_back(make_import_command());
  commands.push_back(make_cost_command());
  commands.push_back(make_pricing_regions_command());
  commands.push_back(make_pricing_show_command());
  commands.push_back(make_pricing_import_command());
  commands.push_back(make_schema_command());
  commands.push_back(make_init_command());
  commands.push_back(make_config_command());
  commands.push_back(make_completion_command());
  return commands;
}

CLI::App* pricing_group(CLI::App& app) {
  for (auto* existing : app.get_subcommands([](CLI::App* sub) { return sub->get_name() == "pricing"; }))
    return existing;
  auto* pricing = app.add_subcommand(
      "pricing", "The price tables: their regions, each region's prices, and importing AWS's Price List");
  pricing->require_subcommand(1);
  return pricing;
}

void add_rule_options(CLI::App& app, Options& options) {
  app.add_option("--rules", options.rule_files, "Rule file to add (replaces built-in rules by id); repeatable")
      ->type_name("FILE");
  app.add_option("--disable", options.disabled, "Disable a rule by id; repeatable")->type_name("RULE");
}

void add_pricing_options(CLI::App& app, Options& options) {
  app.add_option("--pricing", options.pricing_file, "Price file overriding the built-in prices")->type_name("FILE");
  app.add_option("--region", options.region, "Pricing region, overriding the files' region")->type_name("REGION");
  app.add_flag("--free-tier", options.free_tier,
               "Apply the always-free monthly allowances (Lambda requests and GB-seconds, data transfer out)");
}

void add_project_options(CLI::App& app, Options& options) {
  auto* config = app.add_option("--config", options.config_file,
                                "Project configuration to read (default: .caas-advisor.yaml in this folder or a "
                                "parent, up to the repository root)")
                     ->type_name("FILE");
  app.add_flag("--no-config", options.no_config, "Read no project configuration")->excludes(config);
  app.add_option("--baseline", options.baseline,
                 "A JSON report written earlier (-f json=FILE): its findings are known and do not fail the run")
      ->type_name("FILE");
}

int print_version(const Options& options, Io& io) {
  auto context = load_context(options, io);
  if (!context) return 2;
  io.out << "caas-advisor " << context->tool.version << " (rules " << context->tool.rules_version << ", prices "
         << context->tool.pricing_date << ")\n";
  // Built from a git checkout: the commit, and whether files differed from it.
  if (const std::string commit = build_commit(); !commit.empty()) io.out << "commit " << commit << '\n';
  return 0;
}

}  // namespace caas::cli

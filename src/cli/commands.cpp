#include "cli/commands.hpp"

#include "caas/util/suggest.hpp"
#include "cli/context.hpp"

namespace caas::cli {

namespace {
report::RuleTableView view_of(const rules::RuleSet& set) {
  report::RuleTableView view;
  view.revision = set.revision;
  view.targets = set.targets;
  for (const auto& rule : set.rules) view.rules.push_back(rule.info);
  return view;
}
}  // namespace

int list_rules(const RuleCommand& command, const Options& options, Io& io) {
  auto context = load_context(options, io);
  if (!context) return 2;
  report::render_rule_list(io.out, view_of(context->rules), command.format);
  return 0;
}

int show_rule(const RuleCommand& command, const Options& options, Io& io) {
  auto context = load_context(options, io);
  if (!context) return 2;
  const auto* rule = context->rules.find_rule(command.id);
  if (rule == nullptr) {
    io.err << "caas-advisor: error: no rule '" << command.id << "'";
    if (auto guess = util::did_you_mean(command.id, context->rules.rule_ids())) io.err << "; did you mean '" << *guess << "'?";
    io.err << '\n';
    return 2;
  }
  report::render_rule_detail(io.out, rule->info, command.format);
  return 0;
}

int print_version(const Options& options, Io& io) {
  auto context = load_context(options, io);
  if (!context) return 2;
  io.out << "caas-advisor " << context->tool.version << " (rules " << context->tool.rules_version << ", prices "
         << context->tool.pricing_date << ")\n";
  return 0;
}

}  // namespace caas::cli

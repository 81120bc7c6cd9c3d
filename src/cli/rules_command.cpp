// `rules list` and `rules show ID`: the rule table in effect, with users' files merged.
#include "caas/util/suggest.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/outputs.hpp"

namespace caas::cli {

namespace {

report::RuleTableView view_of(const rules::RuleSet& set) {
  report::RuleTableView view;
  view.revision = set.revision;
  view.targets = set.targets;
  for (const auto& rule : set.rules) view.rules.push_back(rule.info);
  return view;
}

class RulesCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* rules = app.add_subcommand("rules", "The rule table: rules list, rules show ID");
    rules->require_subcommand(1);
    m_list = rules->add_subcommand("list", "Every rule: id, target, effect, weight, condition, source");
    std::vector<std::string> formats(report::rule_formats().begin(), report::rule_formats().end());
    m_list->add_option("-f,--format", m_format, "text, json or markdown")->check(CLI::IsMember(formats));
    add_rule_options(*m_list, options);
    m_show = rules->add_subcommand("show", "One rule in full");
    m_show->add_option("id", m_id, "Rule id")->required();
    m_show->add_option("-f,--format", m_format, "text or json")->check(CLI::IsMember({"text", "json"}));
    add_rule_options(*m_show, options);
    return rules;
  }

  int run(const Options& options, Io& io) override {
    auto context = load_context(options, io);
    if (!context) return 2;
    if (m_list->parsed()) {
      report::render_rule_list(io.out, view_of(context->rules), m_format, text_width(io));
      return 0;
    }
    const auto* rule = context->rules.find_rule(m_id);
    if (rule == nullptr) {
      io.err << "caas-advisor: error: no rule '" << m_id << "'";
      if (auto guess = util::did_you_mean(m_id, context->rules.rule_ids()))
        io.err << "; did you mean '" << *guess << "'?";
      io.err << '\n';
      return 2;
    }
    report::render_rule_detail(io.out, rule->info, m_format, text_width(io));
    return 0;
  }

 private:
  CLI::App* m_list = nullptr;
  CLI::App* m_show = nullptr;
  std::string m_id;
  std::string m_format = "text";
};

}  // namespace

std::unique_ptr<Command> make_rules_command() { return std::make_unique<RulesCommand>(); }

}  // namespace caas::cli

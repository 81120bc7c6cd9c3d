// `caas-advisor config`: the effective settings — the project configuration merged under the command line — and
// where each came from (docs/config.md).
#include <algorithm>

#include "cli/commands.hpp"
#include "cli/project.hpp"

namespace caas::cli {

namespace {

class ConfigCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* sub = app.add_subcommand("config", "Print the effective settings and where each came from");
    add_project_options(*sub, options);
    add_rule_options(*sub, options);
    add_pricing_options(*sub, options);
    sub->add_option("--fail-on", options.fail_on, "Findings that make the exit code 1")
        ->check(CLI::IsMember({"error", "warning", "info", "none"}));
    sub->add_option("--include", options.include, "In folders, only files matching this glob; repeatable")
        ->type_name("GLOB");
    sub->add_option("--exclude", options.exclude, "In folders, skip files matching this glob; repeatable")
        ->type_name("GLOB");
    return sub;
  }

  int run(const Options& given, Io& io) override {
    Options options = given;
    util::Diagnostics errors;
    if (!apply_project_config(options, errors)) {
      for (const auto& e : errors) io.err << util::format_diagnostic(e);
      return 2;
    }
    io.out << "configuration: "
           << (options.config_used.empty() ? (options.no_config ? "none (--no-config)" : "none found")
                                           : options.config_used)
           << '\n';
    std::size_t key_width = 0;
    std::size_t value_width = 0;
    for (const auto& o : options.origins) {
      key_width = std::max(key_width, o.key.size());
      value_width = std::max(value_width, o.value.size());
    }
    value_width = std::min<std::size_t>(value_width, 60);
    for (const auto& o : options.origins) {
      io.out << o.key << std::string(key_width - o.key.size() + 2, ' ') << o.value;
      const std::size_t pad = o.value.size() < value_width ? value_width - o.value.size() : 0;
      io.out << std::string(pad + 2, ' ') << "(" << o.origin << ")\n";
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> make_config_command() { return std::make_unique<ConfigCommand>(); }

}  // namespace caas::cli

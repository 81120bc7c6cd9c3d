// `schema workload`, `schema report`, `schema diff` and `schema config`: the JSON Schemas of the input file, of the
// JSON report, of the JSON diff and of the project configuration, for editors (YAML language servers) and for
// checking a report in CI.
#include "caas/report/schemas.hpp"
#include "cli/commands.hpp"

namespace caas::cli {

namespace {

class SchemaCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& /*options*/) override {
    auto* schema = app.add_subcommand(
        "schema", "JSON Schema of the workload file, the JSON report, the JSON diff or the project configuration");
    schema->add_option("which", m_which, "workload, report, diff or config")
        ->required()
        ->check(CLI::IsMember({"workload", "report", "diff", "config"}))
        ->type_name("workload|report|diff|config");
    return schema;
  }

  int run(const Options& /*options*/, Io& io) override {
    if (m_which == "workload")
      io.out << report::workload_schema();
    else if (m_which == "diff")
      io.out << report::diff_schema();
    else if (m_which == "config")
      io.out << report::config_schema();
    else
      io.out << report::report_schema();
    io.out.flush();
    return 0;
  }

 private:
  std::string m_which;
};

}  // namespace

std::unique_ptr<Command> make_schema_command() { return std::make_unique<SchemaCommand>(); }

}  // namespace caas::cli

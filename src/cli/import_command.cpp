// `import FILE`: a spec in another format (serverless.yml, SAM/CloudFormation, compose, Kubernetes, ECS) printed as
// workload files in our format, each value commented with where it came from, the fields worth filling in commented
// out. With --out DIR, one file per workload (NAME.yaml), each written atomically.
#include <filesystem>
#include <fstream>

#include "caas/import/import.hpp"
#include "caas/parse/parse_workload.hpp"
#include "caas/util/quantity.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"

namespace caas::cli {

namespace {

bool write_atomically(const std::filesystem::path& path, const std::string& text, std::string& error) {
  const auto temp = path.string() + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
      error = "cannot write " + temp;
      std::filesystem::remove(temp);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    error = "cannot rename " + temp + " to " + path.string() + ": " + ec.message();
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
}

class ImportCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* sub = app.add_subcommand(
        "import",
        "Print a serverless.yml, SAM/CloudFormation template, compose file, Kubernetes manifest or ECS task "
        "definition as workload files, with where each value came from");
    sub->add_option("file", m_file, "The spec to import")->required()->type_name("FILE");
    sub->add_option("--out", m_out, "Write one NAME.yaml per workload into this folder instead of printing them")
        ->type_name("DIR");
    sub->add_option("--max-file-size", options.max_file_size, "Largest input file (default 1MiB)")->type_name("SIZE");
    return sub;
  }

  int run(const Options& options, Io& io) override {
    const auto size = util::parse_quantity(options.max_file_size, util::Kind::size, util::Spacing::tight);
    if (size.error) {
      io.err << "caas-advisor: error: --max-file-size " << options.max_file_size << ": " << size.error->message << '\n';
      return 2;
    }
    std::string error;
    const auto text = read_file(m_file, error);
    if (!text) {
      io.err << "caas-advisor: error: " << error << '\n';
      return 2;
    }
    util::InputLimits limits;
    limits.max_bytes = static_cast<std::size_t>(size.value);
    const auto read = yaml::read_yaml(*text, m_file, limits);
    const auto imported = import::import_read(read, *text, m_file);
    if (!imported) {
      const auto parsed = parse::parse_read(read, *text, m_file);
      for (const auto& e : parsed.errors) io.err << util::format_diagnostic(e) << '\n';
      if (parsed.errors.empty())
        io.err << "caas-advisor: error: " << m_file
               << ": not a format caas-advisor imports (serverless.yml, SAM or CloudFormation template, compose "
                  "file, Kubernetes manifest, ECS task definition)"
               << (parsed.kind == parse::FileKind::workload ? "; it is already a workload file" : "") << '\n';
      return 2;
    }
    for (const auto& e : imported->errors) io.err << util::format_diagnostic(e) << '\n';
    if (imported->workloads.empty()) {
      if (imported->errors.empty())
        io.err << "caas-advisor: error: " << m_file << ": a " << import::to_string(imported->format)
               << " file with nothing that runs code to import\n";
      return 2;
    }
    const auto original = std::filesystem::path(m_file).filename().string();
    if (!m_out.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(m_out, ec);
      for (const auto& workload : imported->workloads) {
        const auto path = std::filesystem::path(m_out) / (workload.profile.name + ".yaml");
        if (!write_atomically(path, import::to_workload_yaml(workload, original), error)) {
          io.err << "caas-advisor: error: " << error << '\n';
          return 2;
        }
        io.err << "wrote " << path.string() << '\n';
      }
    } else {
      bool first = true;
      for (const auto& workload : imported->workloads) {
        if (!first) io.out << "---\n";
        first = false;
        io.out << import::to_workload_yaml(workload, original);
      }
      if (imported->workloads.size() > 1)
        io.err << imported->workloads.size()
               << " workloads, one YAML document each; a workload file holds one: use --out DIR to write them as "
                  "separate files\n";
    }
    return imported->errors.empty() ? 0 : 2;
  }

 private:
  std::string m_file;
  std::string m_out;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace caas::cli

// `pricing import FILE... [-o OUT]`: AWS Price List files (offer files in JSON or CSV, get-products output) read as
// streams and written as one --pricing overlay. A file that does not read is exit 2 with its file and position, and
// nothing is written: the overlay is built in memory and written (atomically, with -o) only when every file read.
#include <filesystem>
#include <istream>
#include <optional>

#include "caas/pricelist/pricelist.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/read_ahead.hpp"

namespace caas::cli {

namespace {

class PricingImportCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& /*options*/) override {
    auto* pricing = pricing_group(app);
    auto* sub = pricing->add_subcommand(
        "import",
        "Read AWS Price List files (offer files in JSON or CSV, or aws pricing get-products output) and write the "
        "prices the cost model uses as a --pricing file");
    sub->add_option("files", m_files, "Price List files (index.json, index.csv, get-products output), or -")
        ->required()
        ->type_name("FILE");
    sub->add_option("-o,--output", m_output, "Write the price file here instead of standard output")->type_name("FILE");
    return sub;
  }

  int run(const Options& options, Io& io) override {
    auto context = load_context(options, io);
    if (!context) return 2;
    pricelist::Importer importer;
    std::vector<pricelist::FileSummary> summaries;
    for (const auto& file : m_files) {
      // A file is read a few blocks ahead, on two threads (a pipe as it comes); standard input as it comes too.
      std::optional<ReadAheadBuffer> buffer;
      if (file != "-") {
        std::error_code error;
        if (!std::filesystem::is_directory(file, error)) buffer.emplace(file);
        if (!buffer || !buffer->is_open()) {
          io.err << "caas-advisor: error: cannot read " << file << '\n';
          return 2;
        }
      }
      std::istream stream(buffer ? &*buffer : io.in.rdbuf());
      auto read = importer.read(stream, file);
      if (!read) {
        for (const auto& e : read.error()) io.err << util::format_diagnostic(e) << '\n';
        io.err << "caas-advisor: nothing written\n";
        return 2;
      }
      if (read->prices == 0) {
        auto warning = util::make_error("price-list-empty",
                                        "no price the cost model uses in this " + read->offer +
                                            " file (only reserved terms, other tenancies, other products...)",
                                        {file, 1, 1});
        warning.severity = util::Severity::warning;
        io.err << util::format_diagnostic(warning) << '\n';
      }
      summaries.push_back(std::move(*read));
    }
    const auto regions = importer.regions();
    if (regions.empty()) {
      io.err << "caas-advisor: error: the files hold no price the cost model uses; nothing written\n";
      return 2;
    }
    const auto text = pricelist::write_overlay(regions, importer.latest_date(), context->prices, summaries);
    // The overlay must load as any --pricing file does; one that does not is a bug of the writer.
    const std::string name = m_output.empty() ? "<standard output>" : m_output;
    if (auto loaded = cost::load_price_overlay(text, name, context->prices); !loaded) {
      if (loaded.error().front().code == "too-many-nodes") {
        io.err << "caas-advisor: error: the instance types of " << regions.size()
               << " regions are more than one price file may hold; import fewer regions at a time (one file each)\n";
        return 2;
      }
      for (const auto& e : loaded.error()) io.err << util::format_diagnostic(e) << '\n';
      io.err << "caas-advisor: internal error: the imported price file does not load; nothing written\n";
      return 3;
    }
    for (const auto& s : summaries)
      io.err << s.file << ": " << s.offer << " (" << s.format << ", published " << s.publication_date
             << "): " << s.products << (s.format == "csv" ? " rows" : " products") << ", " << s.prices
             << " prices the cost model uses\n";
    for (const auto& [region, imported] : regions)
      io.err << region << ": " << imported.prices.size() << " prices and " << imported.instances.size()
             << " instance types from the files\n";
    if (m_output.empty()) {
      io.out << text;
      return 0;
    }
    const auto temp = m_output + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out << text;
      out.close();
      if (!out) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        io.err << "caas-advisor: error: cannot write " << temp << '\n';
        return 2;
      }
    }
    std::error_code ec;
    std::filesystem::rename(temp, m_output, ec);
    if (ec) {
      std::filesystem::remove(temp, ec);
      io.err << "caas-advisor: error: cannot write " << m_output << '\n';
      return 2;
    }
    io.err << "wrote " << m_output << '\n';
    return 0;
  }

 private:
  std::vector<std::string> m_files;
  std::string m_output;
};

}  // namespace

std::unique_ptr<Command> make_pricing_import_command() { return std::make_unique<PricingImportCommand>(); }

}  // namespace caas::cli

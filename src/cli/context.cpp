#include "cli/context.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "caas/util/diagnostic.hpp"

#ifndef CAAS_VERSION
#define CAAS_VERSION "0.0.0"
#endif

namespace caas::cli {

std::string tool_version() { return CAAS_VERSION; }

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "cannot read: read error";
    return std::nullopt;
  }
  return std::move(buffer).str();
}

namespace {
void print_all(Io& io, const util::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) io.err << util::format_diagnostic(d);
}
}  // namespace

std::optional<Context> load_context(const Options& options, Io& io) {
  Context context;
  auto builtin = rules::load_builtin_rules();
  if (!builtin) {
    io.err << "caas-advisor: internal error: the built-in rule table does not load\n";
    print_all(io, builtin.error());
    return std::nullopt;
  }
  context.rules = std::move(*builtin);
  bool ok = true;
  for (const auto& file : options.rule_files) {
    std::string error;
    const auto text = read_file(file, error);
    if (!text) {
      io.err << file << ": error: " << error << '\n';
      ok = false;
      continue;
    }
    auto loaded = rules::load_rules(*text, file, {false, &context.rules});
    if (!loaded) {
      print_all(io, loaded.error());
      ok = false;
      continue;
    }
    rules::merge(context.rules, std::move(*loaded));
  }
  if (auto disabled = rules::disable(context.rules, options.disabled); !disabled) {
    print_all(io, disabled.error());
    ok = false;
  }
  auto prices = cost::load_builtin_prices();
  if (!prices) {
    io.err << "caas-advisor: internal error: the built-in price table does not load\n";
    print_all(io, prices.error());
    return std::nullopt;
  }
  context.prices = std::move(*prices);
  if (!options.pricing_file.empty()) {
    std::string error;
    const auto text = read_file(options.pricing_file, error);
    if (!text) {
      io.err << options.pricing_file << ": error: " << error << '\n';
      ok = false;
    } else if (auto loaded = cost::load_price_overlay(*text, options.pricing_file, context.prices); !loaded) {
      print_all(io, loaded.error());
      ok = false;
    } else {
      cost::merge(context.prices, std::move(*loaded));
    }
  }
  if (!ok) return std::nullopt;
  context.tool.version = tool_version();
  context.tool.rules_version = context.rules.revision;
  context.tool.pricing_date = context.prices.date;
  return context;
}

}  // namespace caas::cli

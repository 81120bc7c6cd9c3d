// caas_tables_gen OUTPUT.cpp: loads the built-in rule and price tables from the embedded YAML (rules/), exactly as
// a run used to at start-up, and writes what was read as the C++ data of table_rows.hpp. Run by the build; a table
// that does not load fails the build with the loader's located errors.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "caas/cost/price_table.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/embedded_tables.hpp"
#include "caas/util/diagnostic.hpp"

namespace {

using namespace caas;

// A string literal with its length, so that any byte survives: printable ASCII as itself, the rest as three-digit
// octal escapes (which, unlike \x, never run into the next character).
std::string literal(std::string_view text) {
  std::string out = "std::string_view{\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\%03o", byte);
      out += escape;
    }
  }
  out += "\", " + std::to_string(text.size()) + "}";
  return out;
}

// The shortest text that reads back as the same double, as a floating literal.
std::string number(double value) {
  if (!std::isfinite(value)) throw std::runtime_error("a table holds a number that is not finite");
  char buffer[64];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  std::string text(buffer, end);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string optional_number(const std::optional<double>& value) {
  return value ? "std::optional<double>{" + number(*value) + "}" : "std::nullopt";
}

const char* boolean(bool value) { return value ? "true" : "false"; }

void write_rules(std::ostream& out, const rules::RuleSet& set) {
  out << "std::string_view rules_revision() { return " << literal(set.revision) << "; }\n\n";
  out << "std::span<const TargetRow> targets() {\n  static constexpr TargetRow k_rows[] = {\n";
  for (const auto& t : set.targets)
    out << "      {" << literal(t.id) << ", " << literal(t.name) << ", " << literal(t.model) << ", " << t.ops_burden
        << "},\n";
  out << "  };\n  return k_rows;\n}\n\n";

  std::size_t first_target = 0;
  out << "std::span<const RuleRow> rules() {\n  static constexpr RuleRow k_rows[] = {\n";
  for (const auto& rule : set.rules) {
    const auto& info = rule.info;
    out << "      {" << literal(info.id) << ", " << first_target << ", " << info.targets.size() << ", "
        << static_cast<int>(info.effect) << ", " << number(info.weight) << ",\n       " << literal(info.condition)
        << ",\n       " << literal(info.message) << ",\n       " << literal(info.source) << ", " << literal(info.origin)
        << ", " << boolean(info.enabled) << "},\n";
    first_target += info.targets.size();
  }
  out << "  };\n  return k_rows;\n}\n\n";
  out << "std::span<const std::string_view> rule_targets() {\n  static constexpr std::string_view k_rows[] = {\n";
  for (const auto& rule : set.rules)
    for (const auto& target : rule.info.targets) out << "      " << literal(target) << ",\n";
  out << "  };\n  return k_rows;\n}\n\n";
}

void write_prices(std::ostream& out, const cost::PriceTable& table) {
  out << "PriceTableRow price_table() {\n  return {" << literal(table.date) << ", " << number(table.weight_low) << ", "
      << number(table.weight_medium) << ", " << number(table.weight_high) << ", " << number(table.materiality_usd)
      << ", " << boolean(table.weights_given) << ", " << boolean(table.materiality_given) << "};\n}\n\n";

  std::size_t first_price = 0, first_instance = 0;
  out << "std::span<const RegionRow> regions() {\n  static constexpr RegionRow k_rows[] = {\n";
  for (const auto& [name, region] : table.regions) {
    out << "      {" << literal(region.region) << ", " << first_price << ", " << region.prices.size() << ", "
        << first_instance << ", " << region.instances.size() << "},\n";
    first_price += region.prices.size();
    first_instance += region.instances.size();
  }
  out << "  };\n  return k_rows;\n}\n\n";

  out << "std::span<const PriceRow> prices() {\n  static constexpr PriceRow k_rows[] = {\n";
  for (const auto& [name, region] : table.regions)
    for (const auto& [key, p] : region.prices)
      out << "      {" << literal(key) << ", " << number(p.usd) << ", " << literal(p.unit) << ",\n       "
          << literal(p.source) << ", " << literal(p.collected) << ", " << literal(p.confidence) << ", "
          << optional_number(p.tier_from) << ", " << optional_number(p.tier_to) << ",\n       " << literal(p.note)
          << "},\n";
  out << "  };\n  return k_rows;\n}\n\n";

  out << "std::span<const InstanceRow> instances() {\n  static constexpr InstanceRow k_rows[] = {\n";
  for (const auto& [name, region] : table.regions)
    for (const auto& i : region.instances)
      out << "      {" << literal(i.name) << ", " << number(i.vcpu) << ", " << number(i.memory_gib) << ", " << i.gpus
          << ", " << literal(i.architecture) << ", " << boolean(i.burstable) << ", " << number(i.usd_per_hour)
          << ",\n       " << literal(i.confidence) << ", " << literal(i.source) << ", " << literal(i.collected) << ", "
          << literal(i.accelerator) << ", " << literal(i.note) << "},\n";
  out << "  };\n  return k_rows;\n}\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: caas_tables_gen OUTPUT.cpp\n";
    return 2;
  }
  try {
    const auto loaded_rules = tables::load_embedded_rules();
    const auto loaded_prices = tables::load_embedded_prices();
    bool ok = true;
    for (const auto* errors :
         {loaded_rules ? nullptr : &loaded_rules.error(), loaded_prices ? nullptr : &loaded_prices.error()}) {
      if (errors == nullptr) continue;
      for (const auto& d : *errors) std::cerr << util::format_diagnostic(d);
      ok = false;
    }
    if (!ok) {
      std::cerr << "caas_tables_gen: the built-in tables do not load\n";
      return 1;
    }
    std::ostringstream out;
    out << "// Generated at build time by caas_tables_gen (src/tables/tables_gen.cpp) from the embedded rule and\n"
           "// price tables under rules/. Do not edit: edit the YAML.\n"
           "// NOLINTBEGIN\n"
           "#include \"table_rows.hpp\"\n\n"
           "namespace caas::tables::rows {\n\n";
    write_rules(out, *loaded_rules);
    write_prices(out, *loaded_prices);
    out << "\n}  // namespace caas::tables::rows\n// NOLINTEND\n";

    // Written only when it changed, and atomically, so that an unchanged table recompiles nothing.
    const std::filesystem::path path(argv[1]);
    std::ifstream old(path, std::ios::binary);
    std::ostringstream previous;
    previous << old.rdbuf();
    if (old && previous.str() == out.str()) return 0;
    const auto temporary = path.string() + ".tmp";
    {
      std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
      file << out.str();
      if (!file.flush()) throw std::runtime_error("cannot write " + temporary);
    }
    std::filesystem::rename(temporary, path);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "caas_tables_gen: " << e.what() << '\n';
    return 1;
  }
}

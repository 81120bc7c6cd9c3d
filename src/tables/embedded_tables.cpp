#include "caas/tables/embedded_tables.hpp"

#include <string>
#include <string_view>

namespace caas::tables {

namespace {

// The text with each `examples:` block emptied: its lines stay, blank, so that every line number is unchanged.
std::string blank_examples(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t block_indent = std::string_view::npos;  // the indentation of the `examples:` key being skipped
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    const auto indent = line.find_first_not_of(' ');
    const bool blank = indent == std::string_view::npos || line[indent] == '#';
    if (block_indent != std::string_view::npos && (blank || indent > block_indent)) {
      // inside the skipped block: the line goes, its line break stays
    } else if (!blank && line.substr(indent).rfind("examples:", 0) == 0) {
      block_indent = indent;
    } else {
      block_indent = std::string_view::npos;
      out.append(line);
    }
    if (end < text.size()) out.push_back('\n');
    start = end + 1;
  }
  return out;
}

}  // namespace

util::Result<rules::RuleSet> load_embedded_rules(const rules::LoadOptions& options) {
  rules::RuleSet merged;
  bool first = true;
  for (const auto& file : embedded_rule_files()) {
    rules::LoadOptions o = options;
    o.base = first ? nullptr : &merged;
    // Only the rule-examples test needs the examples: leaving them out of the text (their lines kept empty, so that
    // every location stays true) saves yaml-cpp a third of the table.
    const std::string without_examples = options.keep_examples ? std::string() : blank_examples(file.text);
    auto loaded = rules::load_rules(options.keep_examples ? file.text : std::string_view(without_examples),
                                    std::string(file.name), o);
    if (!loaded) return util::fail(std::move(loaded.error()));
    if (first)
      merged = std::move(*loaded);
    else
      rules::merge(merged, std::move(*loaded));
    first = false;
  }
  return merged;
}

util::Result<cost::PriceTable> load_embedded_prices() {
  const auto& files = embedded_price_files();
  if (files.empty()) return util::fail(util::make_error("internal-error", "no built-in price table", {}));
  auto table = cost::load_prices(files.front().text, std::string(files.front().name));
  if (!table) return table;
  for (std::size_t i = 1; i < files.size(); ++i) {
    auto more = cost::load_prices(files[i].text, std::string(files[i].name));
    if (!more) return more;
    cost::merge(*table, std::move(*more));
  }
  return table;
}

}  // namespace caas::tables

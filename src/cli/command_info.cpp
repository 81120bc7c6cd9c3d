#include "cli/command_info.hpp"

#include <cctype>

namespace caas::cli {

namespace {

// CLI11 appends each check's description to the type name: "TEXT:{auto,always,never}". An IsMember check
// describes itself as the set in braces; that is where the choices come from.
std::vector<std::string> choices_of(const std::string& full_type) {
  std::vector<std::string> choices;
  const auto open = full_type.find(":{");
  if (open == std::string::npos) return choices;
  const auto close = full_type.find('}', open);
  if (close == std::string::npos) return choices;
  const auto set = full_type.substr(open + 2, close - open - 2);
  std::size_t start = 0;
  while (start <= set.size()) {
    const auto comma = set.find(',', start);
    const auto item = set.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) choices.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return choices;
}

OptionInfo describe_option(const CLI::Option& opt) {
  OptionInfo info;
  info.short_names = opt.get_snames();
  info.long_names = opt.get_lnames();
  if (!opt.nonpositional()) info.positional = opt.get_name(true);
  info.help = opt.get_description();
  info.required = opt.get_required();
  info.repeatable = opt.get_items_expected_max() > 1;
  if (opt.get_expected_max() == 0) return info;  // a flag

  const auto full_type = opt.get_type_name();
  const auto base = full_type.substr(0, full_type.find(':'));
  info.choices = choices_of(full_type);
  info.value_name = base;
  if (!info.choices.empty()) {
    info.kind = base.find("=PATH") != std::string::npos ? ValueKind::choice_path : ValueKind::choice;
    // A bare type name says nothing the choices do not; show the choices instead.
    if (base == "TEXT" || base.empty()) {
      info.value_name.clear();
      for (const auto& c : info.choices) info.value_name += (info.value_name.empty() ? "" : "|") + c;
    }
  } else if (base == "FILE" || base == "PATH") {
    info.kind = ValueKind::file;
  } else if (base == "DIR") {
    info.kind = ValueKind::directory;
  } else {
    info.kind = ValueKind::text;
    // CLI11's default name says nothing; a positional's own name says what it is: rules show ID.
    if (base == "TEXT" && !info.positional.empty()) {
      info.value_name.clear();
      for (const char c : info.positional)
        info.value_name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return info;
}

}  // namespace

std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto part : parts) out += part;
  return out;
}

CommandInfo describe(const CLI::App& app) {
  CommandInfo info;
  info.name = app.get_name();
  info.help = app.get_description();
  info.needs_subcommand = app.get_require_subcommand_min() > 0;
  const auto* help = app.get_help_ptr();
  std::vector<OptionInfo> positionals;
  for (const auto* opt : app.get_options()) {
    if (opt == help || opt->get_group().empty()) continue;
    auto option = describe_option(*opt);
    (option.positional.empty() ? info.options : positionals).push_back(std::move(option));
  }
  for (auto& p : positionals) info.options.push_back(std::move(p));
  for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    info.subcommands.push_back(describe(*sub));
  return info;
}

}  // namespace caas::cli

#include "github_commands.hpp"

#include "caas/util/text.hpp"

namespace caas::report {

namespace {

// GitHub's escaping of a command's message: '%', CR and LF.
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// A property value also escapes the characters that separate properties.
std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void write_github_command(std::ostream& out, std::string_view kind, std::string_view file, int line, int column,
                          std::string_view title, std::string_view message) {
  write_github_command(out, kind, file, line, column, title, std::vector<std::string>{std::string(message)});
}

void write_github_command(std::ostream& out, std::string_view kind, std::string_view file, int line, int column,
                          std::string_view title, const std::vector<std::string>& lines) {
  out << "::" << kind;
  char separator = ' ';
  auto property = [&](std::string_view name, std::string_view value) {
    out << separator << name << '=' << escape_property(value);
    separator = ',';
  };
  if (!file.empty()) property("file", util::escape_control(file));
  if (line > 0) {
    property("line", std::to_string(line));
    if (column > 0) property("col", std::to_string(column));
  }
  if (!title.empty()) property("title", util::escape_control(title));
  out << "::";
  for (std::size_t i = 0; i < lines.size(); ++i)
    out << (i > 0 ? "%0A" : "") << escape_data(util::escape_control(lines[i]));
  out << '\n';
}

}  // namespace caas::report

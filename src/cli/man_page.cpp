#include "cli/man_page.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "caas/util/text.hpp"

namespace caas::cli {

namespace {

// A word the reader types: every hyphen a minus sign (\-), so that it prints, and copies, as the ASCII one.
std::string typed(const std::string& word) {
  std::string out;
  for (const char c : roff_escape(word)) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// An option's names and value, in bold and italics: \fB\-f\fR, \fB\-\-format\fR \fIFMT[=PATH]\fR.
std::string option_head(const OptionInfo& opt) {
  std::string head;
  if (!opt.positional.empty()) return "\\fI" + roff_escape(opt.value_name) + "\\fR" + (opt.repeatable ? "..." : "");
  for (const auto& s : opt.short_names) head += concat({head.empty() ? "" : ", ", "\\fB\\-", typed(s), "\\fR"});
  for (const auto& l : opt.long_names) head += concat({head.empty() ? "" : ", ", "\\fB\\-\\-", typed(l), "\\fR"});
  if (opt.kind != ValueKind::none) head += " \\fI" + roff_escape(opt.value_name) + "\\fR";
  return head;
}

std::string option_body(const OptionInfo& opt) {
  std::string body = roff_escape(opt.help);
  if (!body.empty() && body.back() != '.') body += '.';
  if (!opt.choices.empty() && opt.value_name.find('|') == std::string::npos) {
    body += " One of:";
    for (std::size_t i = 0; i < opt.choices.size(); ++i)
      body += concat({i == 0 ? " \\fB" : ", \\fB", typed(opt.choices[i]), "\\fR"});
    body += '.';
  }
  return body;
}

std::string option_entry(const OptionInfo& opt) { return ".TP\n" + option_head(opt) + "\n" + option_body(opt) + "\n"; }

// Every command that runs (the leaves), with its full path: "rules list".
void collect_leaves(const CommandInfo& command, const std::string& path,
                    std::vector<std::pair<std::string, const CommandInfo*>>& out) {
  const std::string here = path.empty() ? command.name : path + " " + command.name;
  if (command.subcommands.empty()) out.emplace_back(here, &command);
  for (const auto& sub : command.subcommands) collect_leaves(sub, here, out);
}

std::string synopsis(const std::string& path, const CommandInfo& command) {
  std::string line = "\\fB" + typed(path) + "\\fR";
  bool has_options = false;
  for (const auto& opt : command.options) has_options = has_options || opt.positional.empty();
  if (has_options) line += " [\\fIoptions\\fR]";
  for (const auto& opt : command.options) {
    if (opt.positional.empty()) continue;
    const auto value = option_head(opt);
    line += opt.required ? concat({" ", value}) : concat({" [", value, "]"});
  }
  return line;
}

const char* const k_static_sections = R"(.SH EXIT STATUS
.TP
.B 0
Every input was evaluated and no finding reached \fB\-\-fail\-on\fR.
.TP
.B 1
A finding reached \fB\-\-fail\-on\fR (by default only \fBcheck\fR fails on errors).
.TP
.B 2
Something could not be evaluated: a missing, unreadable or invalid file, a bad option or a bad rule file.
Everything that could be evaluated is still reported.
.TP
.B 3
An internal error (a bug); the message asks for a report.
.PP
When several apply, the highest wins.
.SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, no colour unless \fB\-\-color always\fR is given.
.TP
.B CI
When set (and not \fBfalse\fR or \fB0\fR), no progress line on standard error.
.TP
.B TERM
\fBdumb\fR turns the progress line off.
.SH EXAMPLES
.nf
caas\-advisor recommend service.yaml
caas\-advisor check services/ \-f github \-f sarif=caas.sarif
caas\-advisor recommend services/ \-f json | jq \-r '.results[].recommendation'
caas\-advisor cost service.yaml
caas\-advisor import serverless.yml \-\-out workloads/
caas\-advisor completion bash > ~/.local/share/bash\-completion/completions/caas\-advisor
.fi
.SH SEE ALSO
The documentation in \fI/usr/share/doc/caas\-advisor/docs/\fR: \fIworkload\-reference.md\fR (every field of a
workload file), \fIrule\-language.md\fR, \fIscoring.md\fR, \fIcost\-model.md\fR, \fIci.md\fR; the JSON Schemas
in \fI/usr/share/caas\-advisor/schemas/\fR (under \fI/usr/local\fR when installed from source).
)";

}  // namespace

std::string roff_escape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const auto decoded = util::decode_utf8(text, i);
      if (decoded.length == 0) {
        out += "\\[uFFFD]";
        ++i;
        continue;
      }
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\[u%04X]", static_cast<unsigned>(decoded.code));
      out += buffer;
      i += decoded.length;
      continue;
    }
    if (c == '\\') {
      out += "\\e";
    } else if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n')) {
      out += "\\&";
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

void render_man_page(const CommandInfo& root, const ManPageInfo& info, std::ostream& out) {
  std::string summary = root.help;
  if (const auto colon = summary.find(": "); colon != std::string::npos) summary = summary.substr(colon + 2);
  out << ".\\\" " << root.name << "(1): generated from the command table; do not edit.\n";
  out << ".TH CAAS\\-ADVISOR 1 \"" << info.date << "\" \"" << root.name << ' ' << info.version
      << "\" \"User Commands\"\n.nh\n";
  out << ".SH NAME\n" << typed(root.name) << " \\- " << roff_escape(summary) << '\n';

  std::vector<std::pair<std::string, const CommandInfo*>> leaves;
  for (const auto& sub : root.subcommands) collect_leaves(sub, root.name, leaves);
  out << ".SH SYNOPSIS\n";
  for (const auto& [path, command] : leaves) out << synopsis(path, *command) << "\n.br\n";
  out << synopsis(root.name, root) << '\n';

  out << ".SH DESCRIPTION\n"
      << typed(root.name)
      << " reads workload files (YAML: what triggers the workload, how long it runs, its size, traffic, latency,\n"
         "operations capacity and cost priority) and ranks EC2, Fargate and Lambda for each, with the reasons for\n"
         "and against each target, the hard limits that rule a target out, and the monthly cost.\n"
         "It also reads serverless.yml, SAM and CloudFormation templates, compose files, Kubernetes manifests and\n"
         "ECS task definitions.\n.PP\n"
         "Standard output carries only the report; progress, status and the summary line go to standard error.\n";

  // An option that several commands share word for word is described once, under COMMON OPTIONS.
  std::map<std::string, int> uses;
  for (const auto& [path, command] : leaves)
    for (const auto& opt : command->options)
      if (opt.positional.empty()) ++uses[option_entry(opt)];
  out << ".SH COMMANDS\n";
  for (const auto& [path, command] : leaves) {
    out << ".SS \"" << path.substr(root.name.size() + 1) << "\"\n" << roff_escape(command->help) << '\n';
    std::string common;
    for (const auto& opt : command->options) {
      const auto entry = option_entry(opt);
      if (opt.positional.empty() && uses[entry] > 1) {
        common += (common.empty() ? "" : ", ") + option_head(opt);
        continue;
      }
      out << entry;
    }
    if (!common.empty()) out << ".PP\nAlso the common options " << common << ".\n";
  }
  out << ".SH COMMON OPTIONS\n";
  std::vector<std::string> written;
  for (const auto& [path, command] : leaves)
    for (const auto& opt : command->options) {
      const auto entry = option_entry(opt);
      if (!opt.positional.empty() || uses[entry] < 2) continue;
      if (std::find(written.begin(), written.end(), entry) != written.end()) continue;
      written.push_back(entry);
      out << entry;
    }
  out << ".SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nThe commands and options, after any command: that "
         "command's.\n";
  for (const auto& opt : root.options) out << option_entry(opt);
  out << k_static_sections;
}

}  // namespace caas::cli

#pragma once
// The rule table as Markdown: docs/rules.md is `rules list -f markdown`, compared in a test.
#include <ostream>
#include <string>
#include <string_view>

#include "caas/report/report.hpp"

namespace caas::report {

void write_rule_list_markdown(std::ostream& out, const RuleTableView& table);
void write_rule_detail_markdown(std::ostream& out, const model::RuleInfo& rule);

// Text for a Markdown table cell: one line, control characters visible, Markdown punctuation (`|` included)
// escaped so it shows as written.
std::string markdown_cell(std::string_view text);
// Inline code: backticks in `text` lengthen the fence; in a table cell `|` is escaped (GitHub then shows it as
// written), elsewhere it must not be, since a code span keeps backslashes.
enum class Pipes { escape, keep };
std::string markdown_code(std::string_view text, Pipes pipes = Pipes::escape);

}  // namespace caas::report

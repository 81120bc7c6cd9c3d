#pragma once
// GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`), written safely: control
// characters from the input become visible escapes first, then GitHub's own escaping, so no input can start a new
// command line. Shared by the github format of reports and of diffs.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace caas::report {

// `kind` is error, warning or notice; an empty file, a zero line or column, an empty title are left out.
void write_github_command(std::ostream& out, std::string_view kind, std::string_view file, int line, int column,
                          std::string_view title, std::string_view message);
// The same with a message of several lines, each made safe on its own and joined with GitHub's line break (%0A).
void write_github_command(std::ostream& out, std::string_view kind, std::string_view file, int line, int column,
                          std::string_view title, const std::vector<std::string>& lines);

}  // namespace caas::report

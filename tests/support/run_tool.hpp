#pragma once
// Runs the built caas-advisor binary the way a user does, for end-to-end tests.
#include <string>
#include <vector>

namespace caas::test {

struct ToolRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the binary with `args` from the project's root folder; `stdin_text` is fed to standard input.
ToolRun run_tool(const std::vector<std::string>& args, const std::string& stdin_text = {});
// The same from another folder (a git repository made by a test; a project configuration is looked for from there).
ToolRun run_tool_in(const std::string& folder, const std::vector<std::string>& args,
                    const std::string& stdin_text = {});

std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);

// Compares `actual` with the golden file; with CAAS_UPDATE_GOLDEN=1 in the environment, rewrites it instead.
// Returns an empty string when they match, else a short description of the first difference.
std::string compare_golden(const std::string& golden_path, const std::string& actual);

std::string source_dir();
// The binary the end-to-end tests run: CAAS_TEST_BINARY when set, else the one built beside the tests.
std::string tool_binary();

}  // namespace caas::test

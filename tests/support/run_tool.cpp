#include "support/run_tool.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace caas::test {

std::string source_dir() { return CAAS_SOURCE_DIR; }

std::string tool_binary() {
  // CAAS_TEST_BINARY runs the end-to-end tests against another build of the tool (tools/test.sh: the shipped
  // Release binary, beside the sanitized one this suite was built with).
  const char* other = std::getenv("CAAS_TEST_BINARY");
  return other != nullptr && *other != '\0' ? other : CAAS_BINARY;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_text(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

ToolRun run_tool(const std::vector<std::string>& args, const std::string& stdin_text) {
  return run_tool_in(CAAS_SOURCE_DIR, args, stdin_text);
}

ToolRun run_tool_in(const std::string& folder, const std::vector<std::string>& args, const std::string& stdin_text) {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("caas-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const auto in_path = (dir / "stdin").string();
  const auto out_path = (dir / "stdout").string();
  const auto err_path = (dir / "stderr").string();
  write_text(in_path, stdin_text);
  ToolRun run;
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(folder.c_str()) != 0) _exit(127);
    (void)!freopen(in_path.c_str(), "rb", stdin);
    (void)!freopen(out_path.c_str(), "wb", stdout);
    (void)!freopen(err_path.c_str(), "wb", stderr);
    std::vector<char*> argv;
    std::string binary = tool_binary();
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    unsetenv("NO_COLOR");
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = read_text(out_path);
  run.err = read_text(err_path);
  fs::remove_all(dir);
  return run;
}

std::string compare_golden(const std::string& golden_path, const std::string& actual) {
  const char* update = std::getenv("CAAS_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_text(golden_path, actual);
    return {};
  }
  if (!std::filesystem::exists(golden_path)) return "missing golden file " + golden_path;
  const auto expected = read_text(golden_path);
  if (expected == actual) return {};
  std::size_t line = 1;
  std::size_t i = 0;
  for (; i < std::min(expected.size(), actual.size()) && expected[i] == actual[i]; ++i)
    if (expected[i] == '\n') ++line;
  return golden_path + " differs from the output at line " + std::to_string(line) +
         " (rerun with CAAS_UPDATE_GOLDEN=1 to accept a deliberate change)";
}

}  // namespace caas::test

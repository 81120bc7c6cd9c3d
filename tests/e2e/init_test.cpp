// `caas-advisor init` as a person uses it: the real binary on a pseudo-terminal, answered by "typing"; and as a
// script uses it, without a terminal.
#include <catch2/catch.hpp>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "caas/parse/parse_workload.hpp"
#include "support/run_tool.hpp"

using namespace caas;
using namespace caas::test;
namespace fs = std::filesystem;

namespace {

struct Session {
  int exit_code = -1;
  std::string screen;  // everything the terminal showed, answers echoed
  int prompts = 0;
};

// Runs `caas-advisor init ARGS` in `dir` on a pseudo-terminal. Each time it waits for an answer (a prompt ends in
// "]: "), the next of `answers` is typed with Enter; once they run out, Enter alone takes the default.
Session run_on_terminal(const fs::path& dir, const std::vector<std::string>& args,
                        const std::vector<std::string>& answers) {
  Session session;
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    setenv("NO_COLOR", "1", 1);
    setenv("TERM", "xterm", 1);
    std::vector<std::string> copies = {CAAS_BINARY, "init"};
    copies.insert(copies.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(copies.size() + 1);
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(CAAS_BINARY, argv.data());
    _exit(127);
  }
  std::size_t next = 0;
  std::size_t seen = 0;  // the screen up to here has been looked at for prompts
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 200) <= 0) continue;
    char buffer[4096];
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;  // the child closed the terminal: it has exited
    session.screen.append(buffer, static_cast<std::size_t>(n));
    const auto prompt = session.screen.find("]: ", seen);
    if (prompt != std::string::npos && session.screen.size() == prompt + 3) {
      seen = session.screen.size();
      ++session.prompts;
      const std::string line = (next < answers.size() ? answers[next++] : std::string()) + "\r";
      REQUIRE(write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(master);
  session.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return session;
}

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("caas-init-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

parse::FileParse read_workload(const fs::path& file) {
  REQUIRE(fs::exists(file));
  return parse::parse_file(read_text(file.string()), file.filename().string());
}

}  // namespace

TEST_CASE("init on a terminal: Enter for every question writes a valid file and shows its advice", "[init][e2e]") {
  const auto dir = fresh_dir("defaults");
  const auto session = run_on_terminal(dir, {}, {});
  INFO(session.screen);
  CHECK(session.exit_code == 0);
  CHECK(session.prompts == 11);
  const auto parsed = read_workload(dir / "my-service.yaml");
  CHECK(parsed.kind == parse::FileKind::workload);
  CHECK(parsed.errors.empty());
  CHECK(parsed.workloads.at(0).warnings.empty());
  CHECK(session.screen.find("Wrote my-service.yaml") != std::string::npos);
  // The recommendation follows: the answer line and the table of targets.
  CHECK(session.screen.find("my-service →") != std::string::npos);
  CHECK(session.screen.find("per month") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("init on a terminal: real answers, a wrong one asked again, end in the file", "[init][e2e]") {
  const auto dir = fresh_dir("answers");
  const auto session = run_on_terminal(
      dir, {"-o", "ingest.yaml"},
      {"invoice-ingest", "sqs", "", "3 s", "2gb", "2GiB", "4M", "spikey", "spiky", "none", "", "low", "high"});
  INFO(session.screen);
  CHECK(session.exit_code == 0);
  // "2gb" and "spikey" were refused with the reason, and asked again.
  CHECK(session.screen.find("did you mean 'GB'?") != std::string::npos);
  CHECK(session.screen.find("did you mean 'spiky'?") != std::string::npos);
  CHECK(session.prompts == 13);
  const auto parsed = read_workload(dir / "ingest.yaml");
  REQUIRE(parsed.errors.empty());
  const auto& profile = parsed.workloads.at(0).profile;
  CHECK(profile.name == "invoice-ingest");
  CHECK(profile.at("kind").value.text == "worker");  // the default that follows from sqs
  CHECK(profile.at("execution.duration.typical").value.number == Approx(3));
  CHECK(profile.at("resources.memory").value.number == Approx(2.0 * 1024 * 1024 * 1024));
  CHECK(profile.at("traffic.requests_per_month").value.number == Approx(4e6));
  CHECK(profile.at("traffic.pattern").value.text == "spiky");
  CHECK(profile.at("operations.ops_capacity").value.text == "low");
  CHECK(profile.at("cost.priority").value.text == "high");
  CHECK(session.screen.find("invoice-ingest →") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("init on a terminal: Ctrl-D stops without writing", "[init][e2e]") {
  const auto dir = fresh_dir("stop");
  Session session;
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    execl(CAAS_BINARY, CAAS_BINARY, "init", static_cast<char*>(nullptr));
    _exit(127);
  }
  char buffer[4096];
  std::string screen;
  while (screen.find("]: ") == std::string::npos) {
    pollfd fd{master, POLLIN, 0};
    REQUIRE(poll(&fd, 1, 30000) > 0);
    const ssize_t n = read(master, buffer, sizeof buffer);
    REQUIRE(n > 0);
    screen.append(buffer, static_cast<std::size_t>(n));
  }
  const char eof = 4;  // Ctrl-D at the start of a line: end of input
  REQUIRE(write(master, &eof, 1) == 1);
  int status = 0;
  while (true) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 5000) <= 0) break;
    if (read(master, buffer, sizeof buffer) <= 0) break;
  }
  waitpid(pid, &status, 0);
  close(master);
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST_CASE("init without a terminal: says which option answers each question", "[init][e2e]") {
  const auto run = run_tool({"init"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  for (const std::string option : {"--name", "--trigger", "--kind", "--duration", "--memory", "--traffic", "--pattern",
                                   "--p99", "--avoid-cold-starts", "--ops-capacity", "--cost-priority", "--yes"})
    CHECK(run.err.find(option) != std::string::npos);
}

TEST_CASE("init without a terminal: options and --yes write the file to standard output", "[init][e2e]") {
  const auto run = run_tool({"init", "--yes", "--name", "nightly", "--trigger", "schedule", "--duration", "45m",
                             "--traffic", "30", "-o", "-"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto parsed = parse::parse_file(run.out, "-");
  REQUIRE(parsed.errors.empty());
  const auto& profile = parsed.workloads.at(0).profile;
  CHECK(profile.at("kind").value.text == "job");
  CHECK(profile.at("traffic.runs_per_month").value.number == 30);
  CHECK(profile.at("execution.duration.typical").value.number == 45 * 60);
}

TEST_CASE("init without a terminal: a bad answer by option is exit 2 with the reason", "[init][e2e]") {
  const auto run = run_tool({"init", "--yes", "--memory", "lots", "-o", "-"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--memory lots") != std::string::npos);
  CHECK(run.out.empty());
}

TEST_CASE("init with a misspelt --region: exit 2 with a suggestion, before any question, nothing written",
          "[init][e2e][regions]") {
  const auto run = run_tool({"init", "--yes", "--region", "eu-wset-1", "-o", "-"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("did you mean 'eu-west-1'?") != std::string::npos);
  CHECK(run.out.empty());
}

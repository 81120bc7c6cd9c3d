// Hostile inputs end to end: symlinks, FIFOs and folders where files are expected, oversized streams, output files
// that cannot be written, and control characters from inputs in every output format.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string k_good = "apiVersion: caas-advisor/v1\nname: good\nkind: job\nexecution: {duration: 2h}\n";

// A fresh folder of its own for one test case, removed at the end.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : m_path(fs::temp_directory_path() / ("caas-hardening-" + std::to_string(getpid()) + "-" + name)) {
    fs::remove_all(m_path);
    fs::create_directories(m_path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::string operator/(const std::string& name) const { return (m_path / name).string(); }
  std::string str() const { return m_path.string(); }

 private:
  fs::path m_path;
};

bool has_byte(const std::string& text, char byte) { return text.find(byte) != std::string::npos; }

}  // namespace

TEST_CASE("hardening: symlinks in folders are never followed, so a loop is harmless", "[hardening][e2e]") {
  Scratch dir("symlinks");
  write_text(dir / "real/good.yaml", k_good);
  fs::create_directory_symlink("..", dir / "real/loop");     // a folder loop
  fs::create_symlink("self.yaml", dir / "real/self.yaml");   // a link to itself
  fs::create_symlink("good.yaml", dir / "real/alias.yaml");  // a link to a good file: not read twice
  fs::create_symlink("/nonexistent/file.yaml", dir / "real/dangling.yaml");
  const auto run = run_tool({"recommend", dir.str(), "-f", "json"});
  CHECK(run.exit_code == 0);
  const auto report = json::parse(run.out);
  CHECK(report["summary"]["files"] == 1);
  CHECK(report["summary"]["workloads"] == 1);
  CHECK(report["errors"].empty());
}

TEST_CASE("hardening: a dangling symlink or a symlink loop named on the command line is an error, not a crash",
          "[hardening][e2e]") {
  Scratch dir("named-links");
  fs::create_symlink(dir / "missing.yaml", dir / "dangling.yaml");
  fs::create_symlink(dir / "loop.yaml", dir / "loop.yaml");
  write_text(dir / "good.yaml", k_good);
  const auto run = run_tool({"recommend", dir / "dangling.yaml", dir / "loop.yaml", dir / "good.yaml", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  CHECK(report["summary"]["workloads"] == 1);
  REQUIRE(report["errors"].size() == 2);
  CHECK(report["errors"][0]["message"] == "cannot read: No such file or directory");
  CHECK(report["errors"][1]["message"] == "cannot read: Too many levels of symbolic links");
}

TEST_CASE("hardening: a file that cannot be read is an error naming it, and the files beside it are evaluated",
          "[hardening][e2e]") {
  Scratch dir("unreadable");
  write_text(dir / "good.yaml", k_good);
  // The kernel refuses to read the tool's own memory through /proc/self/mem at offset 0, whoever runs it.
  const auto run = run_tool({"recommend", "/proc/self/mem", dir / "good.yaml", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  CHECK(report["summary"]["workloads"] == 1);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["file"].get<std::string>().find("proc/self/mem") != std::string::npos);
  CHECK(report["errors"][0]["message"].get<std::string>().rfind("cannot read: ", 0) == 0);
}

TEST_CASE("hardening: unreadable files and folders inside a folder are reported and skipped", "[hardening][e2e]") {
  if (geteuid() == 0) {
    WARN("running as root, which reads files whatever their permissions: nothing to test here");
    return;
  }
  Scratch dir("permissions");
  write_text(dir / "a-good.yaml", k_good);
  write_text(dir / "b-locked.yaml", k_good);
  fs::create_directories(dir / "c-locked");
  write_text(dir / "c-locked/inner.yaml", k_good);
  fs::permissions(dir / "b-locked.yaml", fs::perms::none);
  fs::permissions(dir / "c-locked", fs::perms::none);
  const auto run = run_tool({"recommend", dir.str(), "-f", "json"});
  fs::permissions(dir / "c-locked", fs::perms::owner_all);
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  CHECK(report["summary"]["workloads"] == 1);
  REQUIRE(report["errors"].size() == 2);
  // Folders are listed before any file is read, so the folder's error comes first.
  CHECK(report["errors"][0]["message"] == "cannot read folder: Permission denied");
  CHECK(report["errors"][1]["message"] == "cannot read: Permission denied");
}

TEST_CASE("hardening: a FIFO named like a workload in a folder is skipped without waiting for a writer",
          "[hardening][e2e]") {
  Scratch dir("fifo-folder");
  write_text(dir / "good.yaml", k_good);
  REQUIRE(mkfifo((dir / "pipe.yaml").c_str(), 0600) == 0);
  const auto run = run_tool({"recommend", dir.str(), "-f", "json"});
  CHECK(run.exit_code == 0);
  CHECK(json::parse(run.out)["summary"]["files"] == 1);
}

TEST_CASE("hardening: a FIFO without a writer named on the command line reads as empty instead of hanging",
          "[hardening][e2e]") {
  Scratch dir("fifo-named");
  REQUIRE(mkfifo((dir / "pipe.yaml").c_str(), 0600) == 0);
  const auto run = run_tool({"recommend", dir / "pipe.yaml", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["message"].get<std::string>().rfind("not a workload file", 0) == 0);
}

TEST_CASE("hardening: a folder named like a workload file is searched as a folder", "[hardening][e2e]") {
  Scratch dir("folder-named-yaml");
  write_text(dir / "x.yaml/inner.yaml", k_good);
  const auto run = run_tool({"recommend", dir.str(), "-f", "json"});
  CHECK(run.exit_code == 0);
  CHECK(json::parse(run.out)["summary"]["workloads"] == 1);
}

TEST_CASE("hardening: a workload file over --max-file-size is refused before it is read", "[hardening][e2e]") {
  Scratch dir("max-size");
  write_text(dir / "big.yaml", k_good + "description: " + std::string(3000, 'a') + "\n");
  const auto run = run_tool({"validate", dir / "big.yaml", "--max-file-size", "2KiB", "-f", "json"});
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["message"] == "the file is 3089 bytes, larger than the limit of 2KiB (--max-file-size)");
  CHECK(run_tool({"validate", dir / "big.yaml", "--max-file-size", "4KiB"}).exit_code == 0);
}

TEST_CASE("hardening: standard input is read no further than one byte past the size limit", "[hardening][e2e]") {
  const auto run = run_tool({"validate", "-", "-f", "json"}, k_good + "# " + std::string(3u << 20, 'x') + "\n");
  CHECK(run.exit_code == 2);
  const auto report = json::parse(run.out);
  REQUIRE(report["errors"].size() == 1);
  CHECK(report["errors"][0]["file"] == "-");
  CHECK(report["errors"][0]["message"] ==
        "standard input holds more than 1048576 bytes, larger than the limit (--max-file-size)");
}

TEST_CASE("hardening: rule files over 1 MiB and price files over 64 MiB are refused before they are read",
          "[hardening][e2e]") {
  Scratch dir("big-tables");
  write_text(dir / "rules.yaml", "version: 1\n# " + std::string(1u << 20, 'x') + "\n");
  const auto rules = run_tool({"recommend", "examples/minimal-service.yaml", "--rules", dir / "rules.yaml"});
  CHECK(rules.exit_code == 2);
  CHECK(rules.out.find(dir / "rules.yaml" + ": error: the file is 1048590 bytes, larger than the limit of 1MiB\n") !=
        std::string::npos);
  // A price file may hold the instance types of several imported regions, so its limit is larger.
  write_text(dir / "prices.yaml", "version: 1\n# " + std::string(64u << 20, 'x') + "\n");
  const auto prices = run_tool({"recommend", "examples/minimal-service.yaml", "--pricing", dir / "prices.yaml"});
  CHECK(prices.exit_code == 2);
  CHECK(prices.out.find("larger than the limit of 64MiB") != std::string::npos);
}

TEST_CASE("hardening: evaluating never modifies an input file", "[hardening][e2e]") {
  Scratch dir("untouched");
  write_text(dir / "good.yaml", k_good);
  write_text(dir / "broken.yaml", "apiVersion: caas-advisor/v1\nname: b\nkind: job\nmemroy: 1GiB\n");
  const auto before_good = fs::last_write_time(dir / "good.yaml");
  const auto before_broken = fs::last_write_time(dir / "broken.yaml");
  CHECK(run_tool({"check", dir.str(), "-f", "json=" + (dir / "out.json")}).exit_code == 2);
  CHECK(read_text(dir / "good.yaml") == k_good);
  CHECK(read_text(dir / "broken.yaml") == "apiVersion: caas-advisor/v1\nname: b\nkind: job\nmemroy: 1GiB\n");
  CHECK(fs::last_write_time(dir / "good.yaml") == before_good);
  CHECK(fs::last_write_time(dir / "broken.yaml") == before_broken);
}

TEST_CASE("hardening: an output file that cannot be written is exit 2 and leaves nothing half-written",
          "[hardening][e2e]") {
  Scratch dir("outputs");
  write_text(dir / "good.yaml", k_good);
  const auto no_folder = run_tool({"recommend", dir / "good.yaml", "-f", "json=" + (dir / "missing/out.json")});
  CHECK(no_folder.exit_code == 2);
  CHECK(no_folder.err.find("cannot write the report") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "missing"));

  fs::create_directory(dir / "taken.json");  // a folder where the report should go: the rename fails
  const auto taken = run_tool({"recommend", dir / "good.yaml", "-f", "json=" + (dir / "taken.json")});
  CHECK(taken.exit_code == 2);
  CHECK(fs::is_directory(dir / "taken.json"));
  CHECK(fs::is_empty(dir / "taken.json"));
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.str())) left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"good.yaml", "taken.json"});  // no temporary file stays behind
}

TEST_CASE("hardening: control characters from workloads, rule files and file names are escaped in every format",
          "[hardening][e2e]") {
  Scratch dir("escapes");
  // ESC, BEL and CR reach the output through a file name, a value echoed by a rule message, the rule file's own
  // message and source, and an error message quoting an unknown key.
  write_text(dir / "in/evil\x1b[31m.yaml",
             "apiVersion: caas-advisor/v1\nname: evil\nkind: service\n"
             "description: \"red \\e[31m bell \\a cr \\r title \\e]0;owned\\a\"\n");
  write_text(dir / "in/broken.yaml", "apiVersion: caas-advisor/v1\nname: broken\nkind: job\n\"bad\\e[2Jkey\": 1\n");
  write_text(dir / "rules.yaml",
             "version: 1\nrules:\n  - id: echo-description\n    target: lambda\n    effect: note\n"
             "    when: kind == \"service\"\n    message: \"described as {description} \\e[1mbold\\e[0m\"\n"
             "    source: \"test \\a source\"\n");
  for (const std::string format : {"text", "json", "markdown", "sarif", "junit", "github"}) {
    INFO(format);
    const auto run = run_tool(
        {"check", dir / "in", "--rules", dir / "rules.yaml", "--color", "never", "-f", format, "--fail-on", "info"});
    CHECK(run.exit_code == 2);  // the broken file
    for (const char control : {'\x1b', '\x07', '\r'}) {
      CHECK_FALSE(has_byte(run.out, control));
      CHECK_FALSE(has_byte(run.err, control));
    }
    if (format == "json" || format == "sarif") {
      CHECK(json::accept(run.out));
      CHECK(run.out.find("\\u001b") != std::string::npos);
      CHECK(run.out.find("\\u0007") != std::string::npos);
    } else {
      CHECK(run.out.find("\\x1b") != std::string::npos);
      CHECK(run.out.find("\\x07") != std::string::npos);
    }
  }
}

TEST_CASE("hardening: thousands of imported workloads with one name are named uniquely in linear time",
          "[hardening][e2e]") {
  Scratch dir("many-names");
  std::string manifest;
  for (int i = 0; i < 2000; ++i)
    manifest +=
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n"
        "      containers: [{name: web, image: nginx}]\n---\n";
  write_text(dir / "k8s.yaml", manifest);
  const auto run = run_tool({"validate", dir / "k8s.yaml", "-f", "json"});
  CHECK(run.exit_code == 0);
  const auto report = json::parse(run.out);
  REQUIRE(report["results"].size() == 2000);
  CHECK(report["results"][0]["workload"]["name"] == "web");
  CHECK(report["results"][1]["workload"]["name"] == "web-2");
  CHECK(report["results"][1999]["workload"]["name"] == "web-2000");
}

TEST_CASE("hardening: thousands of errors in one file stay fast in the JUnit report", "[hardening][e2e]") {
  Scratch dir("many-errors");
  std::string text = "{apiVersion: caas-advisor/v1, name: bad, kind: service";
  for (int i = 0; i < 5000; ++i) text += ", k" + std::to_string(i) + ": 1";
  write_text(dir / "wide.yaml", text + "}\n");
  const auto run = run_tool({"validate", dir / "wide.yaml", "-f", "junit"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("name=\"parse: unknown-key #5000\"") != std::string::npos);
}

TEST_CASE("hardening: the tool holds what it runs: not the tables' YAML, nor the loaders only the build uses",
          "[hardening][e2e]") {
  // The built-in tables are compiled in as data; their YAML and its loaders are linked only into the generator and
  // the tests (caas_tables_source).
  const auto binary = read_text(tool_binary());
  REQUIRE(binary.size() > 100000);
  for (const auto* table : {"rules/aws.yaml", "rules/pricing/aws-us-east-1.yaml"}) {
    INFO(table);
    const auto text = read_text(source_dir() + "/" + table);
    const auto first_line = text.substr(0, text.find('\n'));
    REQUIRE(first_line.size() > 20);
    CHECK(binary.find(first_line) == std::string::npos);
  }
  for (const auto* symbol : {"load_embedded_rules", "load_embedded_prices", "embedded_rule_files", "blank_examples"})
    CHECK(binary.find(symbol) == std::string::npos);
}

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "caas/cli/run.hpp"
#include "cli/inputs.hpp"
#include "cli/outputs.hpp"

using namespace caas;

namespace {
struct Captured {
  int code = 0;
  std::string out;
  std::string err;
};

Captured run(std::vector<const char*> args, std::optional<std::string> no_color = std::nullopt, bool terminal = false,
             bool err_terminal = false) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{in, out, err, terminal, err_terminal, [&](const char* name) -> std::optional<std::string> {
               if (std::string(name) == "NO_COLOR") return no_color;
               return std::nullopt;
             }};
  args.insert(args.begin(), "caas-advisor");
  Captured c;
  c.code = cli::run(static_cast<int>(args.size()), args.data(), io);
  c.out = out.str();
  c.err = err.str();
  return c;
}
}  // namespace

TEST_CASE("cli run: --help is exit 0 and lists the commands", "[cli]") {
  const auto c = run({"--help"});
  CHECK(c.code == 0);
  CHECK(c.out.find("recommend") != std::string::npos);
  CHECK(c.out.find("check") != std::string::npos);
}

TEST_CASE("cli run: no command prints help and exits 2", "[cli]") { CHECK(run({}).code == 2); }

namespace {

// An Io whose environment is `env`; standard output is a terminal when `terminal`.
struct FakeIo {
  std::istringstream in;
  std::ostringstream out;
  std::map<std::string, std::string> env;
  cli::Io io(bool terminal) {
    return {in, out, out, terminal, terminal, [this](const char* name) -> std::optional<std::string> {
              const auto it = env.find(name);
              if (it == env.end()) return std::nullopt;
              return it->second;
            }};
  }
};

}  // namespace

TEST_CASE("cli run: colour follows --color, then FORCE_COLOR and CLICOLOR_FORCE, then NO_COLOR, then the terminal",
          "[cli]") {
  cli::Options options;
  FakeIo fake;
  auto io = fake.io(true);
  CHECK(cli::use_color(options, io, true));
  CHECK_FALSE(cli::use_color(options, io, false));
  fake.env["NO_COLOR"] = "1";
  CHECK_FALSE(cli::use_color(options, io, true));
  options.color = "always";
  CHECK(cli::use_color(options, io, false));
  options.color = "never";
  fake.env["FORCE_COLOR"] = "1";
  CHECK_FALSE(cli::use_color(options, io, true));  // the command line wins
  options.color = "auto";
  CHECK(cli::use_color(options, io, false));  // a CI log that shows colour: not a terminal, NO_COLOR set too
  fake.env["FORCE_COLOR"] = "0";
  CHECK_FALSE(cli::use_color(options, io, true));
  fake.env.erase("FORCE_COLOR");
  fake.env.erase("NO_COLOR");
  fake.env["CLICOLOR_FORCE"] = "1";
  CHECK(cli::use_color(options, io, false));
  fake.env["CLICOLOR_FORCE"] = "0";
  CHECK_FALSE(cli::use_color(options, io, false));
}

TEST_CASE("cli run: the text width is COLUMNS, else 100 when not a terminal, within 60 to 160", "[cli]") {
  FakeIo fake;
  auto piped = fake.io(false);
  CHECK(cli::text_width(piped) == 100);
  fake.env["COLUMNS"] = "120";
  CHECK(cli::text_width(piped) == 120);
  fake.env["COLUMNS"] = "20";
  CHECK(cli::text_width(piped) == 60);
  fake.env["COLUMNS"] = "400";
  CHECK(cli::text_width(piped) == 160);
  fake.env["COLUMNS"] = "wide";
  CHECK(cli::text_width(piped) == 100);
}

TEST_CASE("cli run: the progress bar is for a person at a terminal, never for a pipe, --quiet or a CI job", "[cli]") {
  std::istringstream in;
  std::ostringstream out;
  std::map<std::string, std::string> env;
  auto lookup = [&](const char* name) -> std::optional<std::string> {
    const auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  cli::Io terminal{in, out, out, false, true, lookup};
  cli::Io pipe{in, out, out, false, false, lookup};
  cli::Options options;
  CHECK(cli::show_progress(options, terminal));
  CHECK_FALSE(cli::show_progress(options, pipe));
  options.quiet = true;
  CHECK_FALSE(cli::show_progress(options, terminal));
  options.quiet = false;
  env["CI"] = "true";
  CHECK_FALSE(cli::show_progress(options, terminal));
  env["CI"] = "false";
  CHECK(cli::show_progress(options, terminal));
  env["TERM"] = "dumb";
  CHECK_FALSE(cli::show_progress(options, terminal));
}

TEST_CASE("cli run: a large batch draws its progress on a terminal's standard error, and a pipe gets none", "[cli]") {
  const auto dir = std::filesystem::temp_directory_path() / "caas-progress-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (int i = 0; i < 200; ++i)
    std::ofstream(dir / ("w" + std::to_string(1000 + i) + ".yaml"))
        << "apiVersion: caas-advisor/v1\nname: w" << i << "\nkind: job\n";
  const std::string folder = dir.string();
  const auto on_terminal = run({"recommend", folder.c_str(), "-f", "json"}, std::nullopt, false, true);
  const auto in_pipe = run({"recommend", folder.c_str(), "-f", "json"});
  std::filesystem::remove_all(dir);
  CHECK(on_terminal.code == 0);
  CHECK(on_terminal.err.find("] 200/200") != std::string::npos);
  CHECK(on_terminal.err.find("] 64/200") != std::string::npos);
  CHECK(in_pipe.err.find("/200") == std::string::npos);
  CHECK(on_terminal.out == in_pipe.out);  // the report itself never changes
}

TEST_CASE("cli inputs: globs match paths and bare names", "[cli]") {
  CHECK(cli::glob_matches("*.yaml", "a/b/c.yaml"));
  CHECK(cli::glob_matches("charts/*", "charts/x/values.yaml"));
  CHECK_FALSE(cli::glob_matches("charts/*", "services/x.yaml"));
  CHECK(cli::glob_matches("nested/*", "tests/fixtures/batch/nested/long-job.yaml"));
  CHECK(cli::glob_matches("batch/*.yml", "tests/fixtures/batch/nested/not-yaml.yml"));
  CHECK_FALSE(cli::glob_matches("ested/*", "tests/fixtures/batch/nested/long-job.yaml"));  // tails start at a folder
  CHECK(cli::display_path("-", "") == "-");
}

TEST_CASE("cli inputs: files found in folders are displayed as display_path shows them, for any --path-base", "[cli]") {
  // The folder walk builds each file's display path from its folder's instead of computing it again; whatever the
  // path given and the base, it must come out the same as the per-file computation.
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "caas-inputs-display";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  fs::create_directories(root / "c");
  for (const auto* file : {"a/x.yaml", "a/b/y.yml", "c/z.json", "top.yaml"}) std::ofstream(root / file) << "name: x\n";
  const auto r = root.string();
  const std::vector<std::pair<std::string, std::string>> cases = {{r, ""},
                                                                  {r + "/", ""},
                                                                  {r + "/a/../c", ""},
                                                                  {r, r},
                                                                  {r, r + "/a"},
                                                                  {r + "/a", r + "/a/b"},
                                                                  {r, "/"},
                                                                  {r + "/./a", r + "/c/"},
                                                                  {r, r + "/top.yaml"},
                                                                  {r, r + "/a/b"},
                                                                  {r + "/a", r + "/c"},
                                                                  {r + "/", r + "/a"},
                                                                  {r + "/a/..", r + "/a/b"},
                                                                  {r + "/.", r + "/c"}};
  for (const auto& [path, base] : cases) {
    INFO(path << " with --path-base " << base);
    cli::Options options;
    options.paths = {path};
    options.path_base = base;
    const auto inputs = cli::expand_inputs(options);
    CHECK(inputs.errors.empty());
    CHECK_FALSE(inputs.files.empty());
    for (const auto& input : inputs.files) CHECK(input.display == cli::display_path(input.path, base));
  }
  fs::remove_all(root);
}

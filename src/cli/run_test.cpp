#include <catch2/catch.hpp>

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

Captured run(std::vector<const char*> args, std::optional<std::string> no_color = std::nullopt, bool terminal = false) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{in, out, err, terminal, false, [&](const char* name) -> std::optional<std::string> {
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

TEST_CASE("cli run: colour follows --color, then NO_COLOR, then the terminal", "[cli]") {
  std::istringstream in;
  std::ostringstream out;
  cli::Io io{in, out, out, true, true, [](const char*) -> std::optional<std::string> { return std::string("1"); }};
  cli::Options options;
  CHECK_FALSE(cli::use_color(options, io, true));  // NO_COLOR set
  options.color = "always";
  CHECK(cli::use_color(options, io, false));
  options.color = "never";
  CHECK_FALSE(cli::use_color(options, io, true));
  cli::Io plain{in, out, out, true, true, [](const char*) -> std::optional<std::string> { return std::nullopt; }};
  options.color = "auto";
  CHECK(cli::use_color(options, plain, true));
  CHECK_FALSE(cli::use_color(options, plain, false));
}

TEST_CASE("cli inputs: globs match paths and bare names", "[cli]") {
  CHECK(cli::glob_matches("*.yaml", "a/b/c.yaml"));
  CHECK(cli::glob_matches("charts/*", "charts/x/values.yaml"));
  CHECK_FALSE(cli::glob_matches("charts/*", "services/x.yaml"));
  CHECK(cli::display_path("-", "") == "-");
}

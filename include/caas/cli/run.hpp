#pragma once
// The shell around the functional core: options, files, folders, standard streams, threads and exit codes.
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace caas::cli {

// Everything the command line touches outside the process, so tests can run it on strings.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  std::function<std::optional<std::string>(const char*)> getenv;
  bool in_is_terminal = false;  // `init` asks its questions only on a terminal
};

// Runs the command line; returns the exit code (0, 1, 2, 3 as cli-v1 says). Never throws.
int run(int argc, const char* const* argv, Io& io);

}  // namespace caas::cli

#pragma once
// Running another program (git) with its standard input given and its standard output and error captured, without
// a shell: the arguments go to the program as they are.
#include <string>
#include <vector>

namespace caas::cli {

struct ProcessRun {
  bool started = false;  // false when the program could not be run at all (then `error` says why)
  int status = -1;       // the exit status; 128 + N when killed by signal N
  std::string out;
  std::string err;
  std::string error;
};

// Runs `argv[0]` (looked up in PATH) with `argv`, writes `input` to its standard input and closes it, and reads its
// standard output and error until it exits. Pipes are served together, so a large output never blocks the input.
ProcessRun run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace caas::cli

// caas-advisor: where should this workload run on AWS? See README.md.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "caas/cli/run.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  caas::cli::Io io{std::cin,
                   std::cout,
                   std::cerr,
                   isatty(STDOUT_FILENO) != 0,
                   isatty(STDERR_FILENO) != 0,
                   [](const char* name) -> std::optional<std::string> {
                     const char* value = std::getenv(name);
                     if (value == nullptr) return std::nullopt;
                     return std::string(value);
                   },
                   isatty(STDIN_FILENO) != 0};
  return caas::cli::run(argc, argv, io);
}

#pragma once
// Status on standard error: when the report on standard output is not text (it goes to a file, or it is json...),
// every input error and every finding that fails the run in compiler style, so a CI log shows them all; then
// `check`'s verdict, always, even with --quiet. Otherwise the summary line of a batch. Never on standard output.
#include <memory>
#include <ostream>

#include "caas/report/report.hpp"

namespace caas::cli {

struct StatusOptions {
  bool echo_errors = false;  // the report on standard output does not already show them
  bool quiet = false;
  bool verbose = false;
  bool color = false;
  report::Command command = report::Command::recommend;
  report::Gate gate;
};

std::unique_ptr<report::Renderer> make_status_renderer(std::ostream& err, const StatusOptions& options);

}  // namespace caas::cli

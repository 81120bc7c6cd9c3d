#pragma once
// Status on standard error: errors in compiler style when the report on standard output is not text (so CI logs
// show them), and the summary line of a batch. Never on standard output.
#include <memory>
#include <ostream>

#include "caas/report/report.hpp"

namespace caas::cli {

struct StatusOptions {
  bool echo_errors = false;  // the report on standard output does not already show them
  bool quiet = false;
  bool verbose = false;
  bool color = false;
};

std::unique_ptr<report::Renderer> make_status_renderer(std::ostream& err, const StatusOptions& options);

}  // namespace caas::cli

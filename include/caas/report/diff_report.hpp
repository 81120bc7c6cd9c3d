#pragma once
// The formats of `caas-advisor diff`, one row each in diff_formats(): text, json (caas-advisor/diff/v1), markdown (a
// pull-request comment) and github (annotations). A diff is held whole (matching needs both sides), so each format
// is one function of the finished PortfolioDiff.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "caas/model/portfolio_diff.hpp"
#include "caas/report/report.hpp"

namespace caas::report {

struct DiffRenderOptions {
  bool color = false;
  ToolInfo tool;  // the running tool (each side's tables are in the diff)
};

struct DiffFormat {
  std::string_view name;
  std::string_view description;
  void (*render)(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options);
};

// The one-line summary every format leads with: "2 workloads change target, +$184.20 a month".
std::string diff_headline(const model::PortfolioDiff& diff);

// Every diff format, in the order `--help` lists them.
const std::vector<DiffFormat>& diff_formats();
const DiffFormat* find_diff_format(std::string_view name);

}  // namespace caas::report

#pragma once
// The function of each diff format, one per file; diff_formats.cpp lists them in its table.
#include <ostream>

#include "caas/report/diff_report.hpp"

namespace caas::report {

void render_diff_text(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options);
void render_diff_json(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options);
void render_diff_markdown(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options);
void render_diff_github(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options);

}  // namespace caas::report

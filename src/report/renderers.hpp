#pragma once
// The constructor of each format's renderer, one per file; formats.cpp lists them in its table.
#include <memory>
#include <ostream>

#include "caas/report/report.hpp"

namespace caas::report {

// The text report; for `check`, the report for CI logs (render_check.cpp).
std::unique_ptr<Renderer> make_text_renderer(std::ostream& out, const RenderOptions& options);
// The advice of each workload in full, as recommend writes it (and check --explain after its verdict).
std::unique_ptr<Renderer> make_advice_text_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_check_text_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_json_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_markdown_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_sarif_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_junit_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_github_renderer(std::ostream& out, const RenderOptions& options);
std::unique_ptr<Renderer> make_html_renderer(std::ostream& out, const RenderOptions& options);

}  // namespace caas::report

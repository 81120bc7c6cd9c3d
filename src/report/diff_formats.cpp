// The diff formats: adding one is a row here and a function in its own file (declared in diff_renderers.hpp).
#include "diff_renderers.hpp"

namespace caas::report {

const std::vector<DiffFormat>& diff_formats() {
  static const std::vector<DiffFormat> k_table = {
      {"text", "for people at a terminal (default)", render_diff_text},
      {"json", "the versioned diff (caas-advisor/diff/v1)", render_diff_json},
      {"markdown", "a pull-request comment, under GitHub's size limit", render_diff_markdown},
      {"github", "GitHub Actions annotations on the changed files", render_diff_github},
  };
  return k_table;
}

const DiffFormat* find_diff_format(std::string_view name) {
  for (const auto& format : diff_formats())
    if (format.name == name) return &format;
  return nullptr;
}

}  // namespace caas::report

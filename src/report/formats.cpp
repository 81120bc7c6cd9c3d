// The output formats: adding one is a row here and a renderer file (declared in renderers.hpp).
#include "renderers.hpp"

namespace caas::report {

const std::vector<Format>& formats() {
  static const std::vector<Format> k_table = {
      {"text", "for people at a terminal (default)", make_text_renderer},
      {"json", "the versioned report contract (caas-advisor/report/v1)", make_json_renderer},
      {"markdown", "a pull-request comment or job summary, under GitHub's size limit", make_markdown_renderer},
      {"sarif", "SARIF 2.1.0 for code scanning (GitHub)", make_sarif_renderer},
      {"junit", "JUnit XML for CI test reports (GitLab, Jenkins)", make_junit_renderer},
      {"github", "GitHub Actions annotations (workflow commands)", make_github_renderer},
      {"html", "one self-contained page with an overview, a sortable table and cost charts", make_html_renderer},
  };
  return k_table;
}

const Format* find_format(std::string_view name) {
  for (const Format& format : formats()) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace caas::report

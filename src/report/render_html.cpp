// -f html: one self-contained page (inline CSS, SVG and one small script; nothing loaded from anywhere). The
// workloads' articles are written as results arrive; the overview and the table, which need the whole batch, are
// written at the end and put first by the page's CSS (and by its script, for the reading order). What is kept in
// memory is one small row per workload and the errors.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "caas/util/embedded_file.hpp"
#include "caas/util/text.hpp"
#include "html_chart.hpp"
#include "html_sections.hpp"
#include "html_text.hpp"
#include "renderers.hpp"
#include "sha256.hpp"

namespace caas::report {

const std::vector<util::EmbeddedFile>& embedded_html_files();

namespace {

// The overview names at most this many files that could not be evaluated, and workloads with errors or warnings;
// the json format lists every error, and the table's filter finds every such workload.
constexpr std::size_t k_max_errors_listed = 20;
constexpr std::size_t k_max_flagged_listed = 10;
// The first workloads' details are page content; those of later ones are built on demand (html_workload).
constexpr std::size_t k_inline_details = 100;
// The page's first script: before anything is laid out, it tells the CSS that the main script will run (and so
// will page the table), and a page without scripts shows every row.
constexpr std::string_view k_head_script = "document.documentElement.classList.add(\"js\");";

std::string_view asset(std::string_view suffix) {
  for (const auto& file : embedded_html_files())
    if (file.name.ends_with(suffix)) return file.text;
  return {};
}

struct TargetCell {
  std::string id;
  bool feasible = false;
  std::optional<double> usd;
};

// What the overview and the table need of one workload.
struct Row {
  std::string id;  // element id of its article
  std::string name;
  std::string file;
  std::string recommended;  // target id; empty when none fits (or for validate)
  std::string recommended_name;
  std::optional<double> recommended_usd;
  std::optional<double> score;
  std::string runs_on;
  std::optional<double> runs_on_usd;
  std::vector<TargetCell> targets;
  int errors = 0, warnings = 0, infos = 0;
};

struct Column {
  std::string id;
  std::string name;
  int ops_burden = 0;
};

std::string command_title(Command command) {
  switch (command) {
    case Command::check: return "caas-advisor check";
    case Command::validate: return "caas-advisor validate";
    default: return "caas-advisor";
  }
}

std::string location(const util::Diagnostic& error) {
  std::string text = html_text(error.where.file);
  if (error.where.line > 0) text += fmt::format(":{}", error.where.line);
  if (error.where.line > 0 && error.where.column > 0) text += fmt::format(":{}", error.where.column);
  return text;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

class HtmlRenderer final : public Renderer {
 public:
  HtmlRenderer(std::ostream& out, const RenderOptions& options) : m_out(out), m_command(options.command) {}

  void begin(const ToolInfo& tool) override {
    m_tool = tool;
    const auto css = asset("page.css");
    const auto js = asset("page.js");
    m_out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " << csp_hash(css)
          << "; script-src " << csp_hash(k_head_script) << ' ' << csp_hash(js)
          << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
          << "<meta name=\"generator\" content=\"" << html_text(tool.name + " " + tool.version) << "\">\n"
          << "<title>" << html_text(command_title(m_command)) << " report</title>\n<script>" << k_head_script
          << "</script>\n<style>" << css << "</style>\n"
          << "</head>\n<body>\n<a class=\"skip\" href=\"#overview\">Skip to the overview</a>\n"
          << "<header><h1>Where each workload should run: EC2, Fargate or Lambda</h1><p class=\"meta\">"
          << html_text(tool.name) << ' ' << html_text(tool.version) << " · rules " << html_text(tool.rules_version)
          << " · prices of " << html_text(tool.pricing_date) << "</p></header>\n<main>\n"
          << "<section id=\"details\" aria-labelledby=\"details-h\"><h2 id=\"details-h\">Workloads in detail</h2>"
          << html_chart_defs() << '\n';
  }

  void result(const model::Recommendation& recommendation) override {
    Row row;
    row.id = "w" + std::to_string(m_rows.size() + 1);
    row.name = recommendation.name;
    row.file = recommendation.file;
    row.runs_on = recommendation.runs_on;
    for (const auto& result : recommendation.ranking) {
      TargetCell cell{result.target.id, result.feasible, std::nullopt};
      if (result.cost) cell.usd = result.cost->monthly_usd;
      row.targets.push_back(cell);
      if (recommendation.recommended == result.target.id) {
        row.recommended = result.target.id;
        row.recommended_name = target_name(result.target);
        row.recommended_usd = cell.usd;
        row.score = result.score;
      }
      if (result.target.id == recommendation.runs_on) row.runs_on_usd = cell.usd;
      auto known =
          std::find_if(m_columns.begin(), m_columns.end(), [&](const auto& c) { return c.id == result.target.id; });
      if (known == m_columns.end())
        m_columns.push_back({result.target.id, target_name(result.target), result.target.ops_burden});
    }
    for (const auto& finding : recommendation.findings) {
      if (!model::counts_for_fail_on(finding)) continue;  // waived or known: listed with the workload, not counted
      if (finding.severity == util::Severity::error)
        ++row.errors;
      else if (finding.severity == util::Severity::warning)
        ++row.warnings;
      else
        ++row.infos;
    }
    m_out << html_workload(recommendation, row.id, m_command,
                           m_rows.size() < k_inline_details ? Details::content : Details::on_demand);
    m_rows.push_back(std::move(row));
  }

  void error(const util::Diagnostic& error) override { m_errors.push_back(error); }

  void finish(const Summary& summary) override {
    std::sort(m_columns.begin(), m_columns.end(), [](const Column& a, const Column& b) {
      return a.ops_burden != b.ops_burden ? a.ops_burden < b.ops_burden : a.id < b.id;
    });
    if (m_rows.empty()) m_out << "<p class=\"none\">No workload was evaluated.</p>\n";
    if (m_rows.size() > k_inline_details)
      m_out << "<p id=\"more\" class=\"pending-note\">The details of " << m_rows.size() - k_inline_details
            << " more workloads are shown as you scroll, or link to them. <button type=\"button\" "
               "id=\"show-more\">Show more</button><noscript> They need JavaScript; the json format has them."
               "</noscript></p>\n";
    m_out << "</section>\n";
    write_overview(summary);
    write_table();
    m_out << "</main>\n<footer><p>Made by " << html_text(m_tool.name) << ' ' << html_text(m_tool.version)
          << ". Costs are list prices of " << html_text(m_tool.pricing_date)
          << ", tiered by each workload's own usage; each estimate's assumptions say whether the free tier was "
             "applied, and docs/cost-model.md in the project says how each is computed.</p></footer>\n<script>"
          << asset("page.js") << "</script>\n</body>\n</html>\n";
    m_out.flush();
  }

 private:
  void write_problems() {
    std::vector<const Row*> flagged;
    for (const auto& row : m_rows)
      if (row.errors > 0 || row.warnings > 0) flagged.push_back(&row);
    if (m_errors.empty() && flagged.empty()) {
      m_out << "<p>No errors and no warnings.</p>\n";
      return;
    }
    if (!m_errors.empty()) {
      m_out << "<h3 id=\"errors-h\">"
            << plural(m_errors.size(), "file could not be evaluated", "files could not be evaluated")
            << "</h3>\n<ul class=\"problems\">";
      for (std::size_t i = 0; i < m_errors.size() && i < k_max_errors_listed; ++i)
        m_out << "<li><span class=\"sev sev-error\">error</span> <code>" << location(m_errors[i]) << "</code> "
              << html_text(m_errors[i].message) << "</li>";
      m_out << "</ul>\n";
      if (m_errors.size() > k_max_errors_listed)
        m_out << "<p>" << m_errors.size() - k_max_errors_listed
              << " more are not listed here; the json format lists them all.</p>\n";
    }
    if (!flagged.empty()) {
      m_out << "<h3>" << plural(flagged.size(), "workload has", "workloads have")
            << " errors or warnings</h3>\n<ul class=\"problems\">";
      for (std::size_t i = 0; i < flagged.size() && i < k_max_flagged_listed; ++i) {
        const Row& row = *flagged[i];
        m_out << "<li><a href=\"#" << row.id << "\">" << html_text(row.name) << "</a> <span class=\"file\">"
              << html_text(row.file) << "</span>";
        if (row.errors > 0)
          m_out << " <span class=\"sev sev-error\">" << plural(static_cast<std::size_t>(row.errors), "error", "errors")
                << "</span>";
        if (row.warnings > 0)
          m_out << " <span class=\"sev sev-warning\">"
                << plural(static_cast<std::size_t>(row.warnings), "warning", "warnings") << "</span>";
        m_out << "</li>";
      }
      m_out << "</ul>\n";
      if (flagged.size() > k_max_flagged_listed)
        m_out << "<p>" << flagged.size() - k_max_flagged_listed
              << " more: the table below shows them all with “only with errors or warnings”.</p>\n";
    }
  }

  void write_overview(const Summary& summary) {
    m_out << "<section id=\"overview\" aria-labelledby=\"overview-h\"><h2 id=\"overview-h\">Overview</h2>\n";
    write_problems();
    m_out << "<div class=\"cards\">"
          << "<p class=\"card\"><span class=\"n\">" << summary.files << "</span> "
          << (summary.files == 1 ? "file" : "files") << " read</p>"
          << "<p class=\"card\"><span class=\"n\">" << summary.workloads << "</span> "
          << (summary.workloads == 1 ? "workload" : "workloads") << "</p>"
          << "<p class=\"card\"><span class=\"n\">" << summary.errors << "</span> could not be evaluated</p>";
    if (summary.skipped > 0)
      m_out << "<p class=\"card\"><span class=\"n\">" << summary.skipped << "</span> skipped (not workloads)</p>";
    m_out << "</div>\n";
    if (m_command == Command::validate) {
      m_out << "</section>\n";
      return;
    }
    // Workloads by the target advised, each with the monthly total of running them there.
    struct Group {
      int count = 0;
      int priced = 0;
      double usd = 0;
    };
    std::map<std::string, Group> groups;
    for (const auto& row : m_rows) {
      auto& group = groups[row.recommended];
      ++group.count;
      if (row.recommended_usd) {
        ++group.priced;
        group.usd += *row.recommended_usd;
      }
    }
    const int most =
        std::max_element(groups.begin(), groups.end(),
                         [](const auto& a, const auto& b) { return a.second.count < b.second.count; }) == groups.end()
            ? 0
            : std::max_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
                return a.second.count < b.second.count;
              })->second.count;
    m_out << "<h3>Workloads by recommended target</h3>\n<table class=\"by-target\"><thead><tr><th>target</th>"
             "<th class=\"num\">workloads</th><th><span class=\"sr\">share</span></th><th class=\"num\">monthly total "
             "there</th></tr></thead><tbody>";
    double total = 0;
    int priced = 0;
    auto group_row = [&](const std::string& id, const std::string& name) {
      const auto it = groups.find(id);
      const Group group = it == groups.end() ? Group{} : it->second;
      const double width = most > 0 ? 120.0 * group.count / most : 0;
      m_out << "<tr data-target=\"" << html_text(id.empty() ? "none" : id) << "\"><td>" << html_text(name)
            << "</td><td class=\"num\">" << group.count
            << "</td><td><svg width=\"124\" height=\"12\" aria-hidden=\"true\">"
            << "<rect class=\"barbox\" x=\"1\" y=\"1\" width=\"" << util::format_number(std::round(width * 10) / 10)
            << "\" height=\"10\"/></svg></td><td class=\"num\">";
      if (group.priced > 0) m_out << html_usd(group.usd);
      if (group.priced < group.count)
        m_out << (group.priced > 0 ? " + " : "") << (group.count - group.priced) << " unknown";
      m_out << "</td></tr>";
      total += group.usd;
      priced += group.priced;
    };
    for (const auto& column : m_columns) group_row(column.id, column.name);
    group_row("", "no target fits");
    m_out << "</tbody><tfoot><tr><th>all</th><th class=\"num\">" << m_rows.size() << "</th><th></th><th class=\"num\">"
          << html_usd(total) << "</th></tr></tfoot></table>\n";
    m_out << "<p>Running every workload where it is advised would cost " << html_usd(total) << " a month ("
          << plural(static_cast<std::size_t>(priced), "workload", "workloads") << " with a known cost; list prices).";
    double today = 0, advised = 0;
    int compared = 0;
    for (const auto& row : m_rows) {
      if (!row.runs_on_usd || !row.recommended_usd) continue;
      ++compared;
      today += *row.runs_on_usd;
      advised += *row.recommended_usd;
    }
    if (compared > 0)
      m_out << " Of the " << plural(static_cast<std::size_t>(compared), "workload", "workloads")
            << " that name where they run and have a cost there: " << html_usd(today) << " a month where they run, "
            << html_usd(advised) << " where advised.";
    m_out << "</p>\n</section>\n";
  }

  void write_table() {
    m_out
        << "<section id=\"portfolio\" aria-labelledby=\"portfolio-h\"><h2 id=\"portfolio-h\">All workloads</h2>\n"
        << "<div class=\"controls\" role=\"search\"><label>Filter <input type=\"search\" id=\"filter-text\" "
           "placeholder=\"name or file\"></label><label>Recommended <select id=\"filter-target\"><option value=\"\">any"
           "</option>";
    for (const auto& column : m_columns)
      m_out << "<option value=\"" << html_text(column.id) << "\">" << html_text(column.name) << "</option>";
    m_out << "<option value=\"none\">no target fits</option></select></label><label><input type=\"checkbox\" "
             "id=\"filter-problems\"> only with errors or warnings</label><span id=\"filter-count\" "
             "aria-live=\"polite\">"
          << plural(m_rows.size(), "workload", "workloads")
          << "</span><span id=\"pager\" hidden><button type=\"button\" id=\"page-previous\">Previous</button> "
             "<button type=\"button\" id=\"page-next\">Next</button> <button type=\"button\" "
             "id=\"page-all\">Show all</button></span></div>\n"
          << "<div class=\"table-wrap\"><table id=\"portfolio-table\"><caption class=\"sr\">Every workload; the "
             "column headings sort</caption><thead><tr>";
    auto header = [&](std::string_view label, bool numeric) {
      m_out << "<th" << (numeric ? " class=\"num\"" : "") << "><button type=\"button\">" << label << "</button></th>";
    };
    header("workload and file", false);
    header("recommended", false);
    header("score", true);
    for (const auto& column : m_columns) header(html_text(column.name) + " <span class=\"muted\">/month</span>", true);
    header("findings", false);
    m_out << "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < m_rows.size(); ++i) write_row(m_rows[i], i);
    m_out << "</tbody></table></div>\n</section>\n";
  }

  void write_row(const Row& row, std::size_t index) {
    m_out << "<tr data-i=\"" << index << "\" data-w=\"" << row.id << "\" data-target=\""
          << html_text(row.recommended.empty() ? "none" : row.recommended) << "\" data-problems=\""
          << (row.errors + row.warnings > 0 ? 1 : 0) << "\" data-text=\"" << html_text(row.name + " " + row.file)
          << "\"><td data-v=\"" << html_text(row.name) << "\"><a href=\"#" << row.id << "\">" << html_text(row.name)
          << "</a><br><span class=\"file\">" << html_text(row.file) << "</span></td><td>";
    if (m_command == Command::validate)
      m_out << "valid";
    else
      m_out << (row.recommended.empty() ? "<span class=\"no\">no target fits</span>" : html_text(row.recommended_name));
    m_out << "</td><td class=\"num\" data-v=\"" << (row.score ? util::format_fixed2(*row.score) : "") << "\">"
          << (row.score ? util::format_fixed2(*row.score) : "—") << "</td>";
    for (const auto& column : m_columns) {
      const auto cell =
          std::find_if(row.targets.begin(), row.targets.end(), [&](const auto& c) { return c.id == column.id; });
      if (cell == row.targets.end()) {
        m_out << "<td class=\"num\" data-v=\"\">—</td>";
        continue;
      }
      m_out << "<td class=\"num\" data-v=\"" << (cell->usd ? util::format_fixed2(*cell->usd) : "") << "\">";
      if (cell->usd) m_out << html_usd(*cell->usd);
      if (!cell->feasible) m_out << (cell->usd ? " " : "") << "<span class=\"no\">does not fit</span>";
      if (cell->feasible && !cell->usd) m_out << "unknown";
      m_out << "</td>";
    }
    m_out << "<td data-v=\"" << row.errors * 10000 + row.warnings * 100 + row.infos << "\">";
    std::string counts;
    if (row.errors > 0) counts += plural(static_cast<std::size_t>(row.errors), "error", "errors");
    if (row.warnings > 0)
      counts += (counts.empty() ? "" : ", ") + plural(static_cast<std::size_t>(row.warnings), "warning", "warnings");
    if (row.infos > 0)
      counts += (counts.empty() ? "" : ", ") + plural(static_cast<std::size_t>(row.infos), "note", "notes");
    m_out << (counts.empty() ? "—" : counts) << "</td></tr>\n";
  }

  std::ostream& m_out;
  Command m_command;
  ToolInfo m_tool;
  std::vector<Row> m_rows;
  std::vector<Column> m_columns;
  std::vector<util::Diagnostic> m_errors;
};

}  // namespace

std::unique_ptr<Renderer> make_html_renderer(std::ostream& out, const RenderOptions& options) {
  return std::make_unique<HtmlRenderer>(out, options);
}

}  // namespace caas::report

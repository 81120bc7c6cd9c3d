// One workload's article on the HTML page. Every piece of text from the input goes through html_text.
#include "html_sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "caas/util/text.hpp"
#include "finding_status.hpp"
#include "html_chart.hpp"
#include "html_text.hpp"

namespace caas::report {

namespace {

constexpr std::string_view k_cost_rule = "cost";

std::string ops_label(int ops_burden) {
  if (ops_burden <= 1) return "low";
  if (ops_burden == 2) return "medium";
  return "high";
}

std::string signed_weight(double weight, bool negative) {
  const double rounded = std::round(std::fabs(weight) * 100.0) / 100.0;
  return (negative ? "−" : "+") + util::format_number(rounded);
}

std::string source_html(const std::string& source) {
  if (source.empty()) return {};
  const std::string url = source_url(source);
  if (url.empty()) return "<span class=\"src\">source: " + html_text(source) + "</span>";
  // The link shows the site; the address is in the link (and printed after it).
  const auto host_start = url.find("://") + 3;
  const std::string host = url.substr(host_start, url.find('/', host_start) - host_start);
  std::string html = "<span class=\"src\">source: <a href=\"" + html_text(url) + "\">" + html_text(host) + "</a>";
  if (url.size() < source.size()) html += html_text(source.substr(url.size()));
  return html + "</span>";
}

// A reason as a list item: its kind as a mark that reads without colour (page.css draws it, with a word for screen
// readers), the message, the rule id with its weight, and the source.
std::string reason_html(const model::Reason& reason, bool blocker) {
  std::string kind = "note", weight;
  if (blocker) {
    kind = "blocker";
  } else if (reason.rule == k_cost_rule) {
    kind = "cost";
    if (reason.weight != 0) weight = signed_weight(reason.weight, false);
  } else if (reason.effect == model::Effect::prefer) {
    kind = "for", weight = signed_weight(reason.weight, false);
  } else if (reason.effect == model::Effect::avoid) {
    kind = "against", weight = signed_weight(reason.weight, true);
  }
  std::string html = fmt::format(R"(<li class="{}"><span>{}</span><span class="rule"><code>{}</code>{}</span>)", kind,
                                 html_text(reason.message), html_text(reason.rule), weight.empty() ? "" : " " + weight);
  return html + source_html(reason.source);
}

bool reads(const model::Reason& blocker, const model::Change& change) {
  return std::find(blocker.fields.begin(), blocker.fields.end(), change.field) != blocker.fields.end();
}

std::string change_text(const model::Change& change) {
  if (!change.message.empty()) return html_text(change.message);
  return html_text(change.field) + " → " + html_text(change.value);
}

std::string target_heading(const model::TargetResult& result, const model::Recommendation& recommendation) {
  const std::string name = html_text(target_name(result.target));
  if (!result.feasible) return name + " — <span class=\"no\">does not fit</span>";
  if (recommendation.recommended == result.target.id) return "Why " + name;
  return name + " — <span class=\"yes\">fits</span>";
}

std::string ranking_table(const model::Recommendation& recommendation) {
  std::string html =
      "<table class=\"ranking\"><thead><tr><th class=\"num\">#</th><th>target</th><th>fits</th>"
      "<th class=\"num\">score</th><th>ops burden</th><th class=\"num\">per month</th></tr></thead><tbody>";
  for (const auto& result : recommendation.ranking) {
    html += fmt::format(
        "<tr data-target=\"{}\"><td class=\"num\">{}</td><td>{}</td><td class=\"{}\">{}</td><td class=\"num\">{}</td>"
        "<td>{}</td><td class=\"num\">{}</td></tr>",
        html_text(result.target.id), result.rank, html_text(target_name(result.target)), result.feasible ? "yes" : "no",
        result.feasible ? "yes" : "no", result.feasible ? util::format_fixed2(result.score) : "—",
        ops_label(result.target.ops_burden), result.cost ? html_usd(result.cost->monthly_usd) : "—");
  }
  return html + "</tbody></table>";
}

std::string reasons_section(const model::Recommendation& recommendation) {
  std::string html = "<h4>Reasons for and against each target</h4>";
  for (const auto& result : recommendation.ranking) {
    html += "<h5>" + target_heading(result, recommendation) + "</h5><ul class=\"reasons\">";
    bool costed = false;
    for (const auto effect : {model::Effect::prefer, model::Effect::avoid, model::Effect::note}) {
      for (const auto& reason : result.reasons) {
        if (reason.effect != effect) continue;
        costed = costed || reason.rule == k_cost_rule;
        html += reason_html(reason, false) + "</li>";
      }
    }
    if (result.feasible && !costed) {
      const std::string text = result.cost ? html_usd(result.cost->monthly_usd) + " a month"
                                           : "cost unknown" + (result.cost_unknown_reason.empty()
                                                                   ? std::string()
                                                                   : ": " + html_text(result.cost_unknown_reason));
      html += "<li class=\"cost\"><span>" + text + "</span><span class=\"rule\"><code>cost</code></span></li>";
    }
    std::vector<const model::Change*> limits;
    for (const auto& change : recommendation.what_would_change)
      if (change.kind == "limit" && change.target == result.target.id) limits.push_back(&change);
    std::vector<bool> used(limits.size(), false);
    for (const auto& blocker : result.blockers) {
      html += reason_html(blocker, true);
      for (std::size_t i = 0; i < limits.size(); ++i) {
        if (used[i] || !reads(blocker, *limits[i])) continue;
        used[i] = true;
        html += "<span class=\"src\">→ " + change_text(*limits[i]) + "</span>";
      }
      html += "</li>";
    }
    for (std::size_t i = 0; i < limits.size(); ++i)
      if (!used[i] && !result.feasible)
        html += "<li class=\"lift\"><span>" + change_text(*limits[i]) + "</span><span></span></li>";
    html += "</ul>";
  }
  return html;
}

std::string assumptions_section(const model::Recommendation& recommendation) {
  // The workload's assumptions, then each cost assumption once, with the targets it holds for.
  struct Assumed {
    const model::Assumption* assumption;
    std::vector<std::string> targets;
  };
  std::vector<Assumed> all;
  auto same = [](const model::Assumption& a, const model::Assumption& b) {
    return a.field == b.field && a.value == b.value && a.why == b.why;
  };
  for (const auto& assumption : recommendation.assumptions) all.push_back({&assumption, {}});
  const std::size_t workload_count = all.size();
  std::size_t priced = 0;
  for (const auto& result : recommendation.ranking) {
    if (!result.cost) continue;
    ++priced;
    for (const auto& assumption : result.cost->assumptions) {
      auto it = std::find_if(all.begin(), all.end(), [&](const Assumed& a) { return same(*a.assumption, assumption); });
      if (it == all.end())
        all.push_back({&assumption, {target_name(result.target)}});
      else if (it - all.begin() >= static_cast<std::ptrdiff_t>(workload_count))
        it->targets.push_back(target_name(result.target));
    }
  }
  if (all.empty()) return {};
  std::string html = "<h4>Assumed</h4><ul class=\"plain\">";
  for (const Assumed& assumed : all) {
    const auto& a = *assumed.assumption;
    html += "<li><code>" + html_text(a.field) + "</code>";
    if (!a.value.empty()) html += ": " + html_text(a.value);
    if (!a.why.empty()) html += " — " + html_text(a.why);
    if (!assumed.targets.empty() && assumed.targets.size() < priced) {
      std::string names;
      for (const auto& name : assumed.targets) names += (names.empty() ? "" : ", ") + name;
      html += " (" + html_text(names) + ")";
    }
    html += "</li>";
  }
  return html + "</ul>";
}

std::string changes_section(const model::Recommendation& recommendation) {
  std::string items;
  for (const auto& change : recommendation.what_would_change) {
    const bool blocker_limit = change.kind == "limit" &&
                               std::any_of(recommendation.ranking.begin(), recommendation.ranking.end(),
                                           [&](const auto& r) { return r.target.id == change.target && !r.feasible; });
    if (!blocker_limit) items += "<li>" + change_text(change) + "</li>";
  }
  return items.empty() ? std::string() : "<h4>What would change this</h4><ul class=\"plain\">" + items + "</ul>";
}

std::string findings_section(const model::Recommendation& recommendation) {
  if (recommendation.findings.empty()) return {};
  std::string html = "<h4>Findings</h4><ul class=\"plain findings\">";
  for (const auto& finding : recommendation.findings) {
    const std::string severity(util::to_string(finding.severity));
    std::string where = html_text(finding.file);
    if (finding.line > 0) where += fmt::format(":{}", finding.line);
    if (finding.line > 0 && finding.column > 0) where += fmt::format(":{}", finding.column);
    if (!finding.field.empty()) where += " (" + html_text(finding.field) + ")";
    const auto status = status_words(finding);
    html += fmt::format(
        R"(<li><span class="sev sev-{0}">{0}</span> {1} <code>{2}</code> <span class="file">{3}</span>{4}</li>)",
        severity, html_text(finding.message), html_text(finding.rule), where,
        status.empty() ? std::string() : " <em class=\"status\">" + html_text(status) + "</em>");
  }
  return html + "</ul>";
}

std::string imported_section(const model::Recommendation& recommendation) {
  if (recommendation.source_format.empty()) return {};
  std::string html = "<h4>Imported from " + html_text(recommendation.source_format) + "</h4><ul class=\"plain\">";
  for (const auto& p : recommendation.imported) {
    html += "<li><code>" + html_text(p.field) + "</code> = " + html_text(p.value) + " ← <code>" +
            html_text(p.original_key) + "</code>";
    if (p.line > 0) html += fmt::format(" (line {})", p.line);
    html += "</li>";
  }
  html += "</ul>";
  if (!recommendation.unknown.empty()) {
    std::string unknown;
    for (const auto& field : recommendation.unknown) unknown += (unknown.empty() ? "" : ", ") + field;
    html += "<p>Not in the file, would sharpen the advice: " + html_text(unknown) + "</p>";
  }
  return html;
}

}  // namespace

std::string target_name(const model::Target& target) { return target.name.empty() ? target.id : target.name; }

namespace {

// The heading, the file and the description: what a workload shows before its details.
std::string workload_head(const model::Recommendation& recommendation, const std::string& id, bool ranked) {
  std::string answer;
  if (!ranked) {
    answer = "<span class=\"yes\">valid</span>";
  } else if (!recommendation.recommended) {
    answer = "<span class=\"no\">no target fits</span>";
  } else {
    for (const auto& result : recommendation.ranking)
      if (result.target.id == *recommendation.recommended) answer = html_text(target_name(result.target));
  }
  std::string html = fmt::format(R"(<h3 id="{}-h">{} → <span class="answer">{}</span></h3>)", id,
                                 html_text(recommendation.name), answer);
  html += "<p class=\"file\"><code>" + html_text(recommendation.file) + "</code>";
  if (!recommendation.runs_on.empty()) html += " · runs on <code>" + html_text(recommendation.runs_on) + "</code>";
  html += "</p>";
  if (!recommendation.description.empty())
    html += "<p class=\"description\">" + html_text(recommendation.description) + "</p>";
  return html;
}

std::string workload_body(const model::Recommendation& recommendation, const std::string& id, bool ranked) {
  std::string html;
  if (ranked) {
    html += "<h4>Ranking</h4>" + ranking_table(recommendation);
    html += reasons_section(recommendation);
    html += assumptions_section(recommendation);
    html += changes_section(recommendation);
  }
  html += findings_section(recommendation);
  if (ranked && recommendation.cost_curve)
    html += "<h4>Cost against traffic</h4>" + html_cost_chart(recommendation, id + "-c");
  html += imported_section(recommendation);
  return html;
}

}  // namespace

std::string html_workload(const model::Recommendation& recommendation, const std::string& id, Command command,
                          Details details) {
  const bool ranked = command != Command::validate && !recommendation.ranking.empty();
  std::string html =
      fmt::format(R"(<article class="workload" id="{}" aria-labelledby="{}-h" data-name="{}" data-file="{}">)", id, id,
                  html_text(recommendation.name), html_text(recommendation.file));
  html += workload_head(recommendation, id, ranked) + workload_body(recommendation, id, ranked) + "</article>";
  if (details == Details::content) return html + "\n";
  // The whole article as the text of a comment: the browser keeps the text and builds nothing from it until the
  // page's script is asked for it. Every ">" from the input is escaped and the markup written here has no "-->",
  // so nothing in it can end the comment.
  return "<!--caas-workload " + id + "\n" + html + "-->\n";
}

}  // namespace caas::report

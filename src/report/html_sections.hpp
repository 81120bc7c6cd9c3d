#pragma once
// One workload's article on the HTML page: its answer, ranking, reasons with rule ids and sources, blockers,
// assumptions, what would change it, findings and its cost chart.
#include <string>

#include "caas/model/recommendation.hpp"
#include "caas/report/report.hpp"

namespace caas::report {

// `id` is the article's element id ("w12"); the page links to it from the table. With Details::on_demand the
// article is the text of a comment ("<!--caas-workload w12\n<article …>…</article>-->") that the page's script
// turns into content when it is asked for (scrolled to, linked to, printed), so a page of thousands of workloads
// opens quickly: the browser builds and lays out nothing of it until then.
enum class Details { content, on_demand };
std::string html_workload(const model::Recommendation& recommendation, const std::string& id, Command command,
                          Details details);

// "AWS Lambda", or the id when the rule table gives no name (not yet escaped).
std::string target_name(const model::Target& target);

}  // namespace caas::report

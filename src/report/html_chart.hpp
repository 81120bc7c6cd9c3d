#pragma once
// The cost-against-traffic chart of one workload as an inline SVG figure: a line per target (its own dash and
// marker shape, a label at its end; grey for a target that does not fit), today's traffic and every break-even
// marked, a caption, and the numbers as a table for readers who cannot see the chart.
#include <string>

#include "caas/model/recommendation.hpp"

namespace caas::report {

// The marker shapes every chart refers to (<use href="#mk1">), once on a page, before the first chart.
std::string html_chart_defs();

// `id` prefixes the figure's element ids (unique on the page).
std::string html_cost_chart(const model::Recommendation& recommendation, const std::string& id);

}  // namespace caas::report

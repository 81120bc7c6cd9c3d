#pragma once
// Parts of the JSON report that the cost report shares, so a target's cost has one shape in both.
#include <optional>

#include "caas/model/recommendation.hpp"
#include "json_writer.hpp"

namespace caas::report {

// {"field", "value", "why"}
void write_assumption(JsonWriter& json, const model::Assumption& assumption);
// {"items": [{"item", "quantity", "unit", "unit_price_usd", "usd"}], "summary", "assumptions"}, or null.
void write_cost(JsonWriter& json, const std::optional<model::CostEstimate>& cost);

}  // namespace caas::report

#include "caas/model/rule_info.hpp"

#include "caas/model/recommendation.hpp"

namespace caas::model {

std::string_view to_string(Effect effect) {
  switch (effect) {
    case Effect::exclude: return "exclude";
    case Effect::prefer: return "prefer";
    case Effect::avoid: return "avoid";
    case Effect::note: return "note";
  }
  return "note";
}

const std::vector<Effect>& all_effects() {
  static const std::vector<Effect> k_effects = {Effect::exclude, Effect::prefer, Effect::avoid, Effect::note};
  return k_effects;
}

std::string_view to_string(FindingStatus status) {
  switch (status) {
    case FindingStatus::open: return "open";
    case FindingStatus::new_finding: return "new";
    case FindingStatus::known: return "known";
    case FindingStatus::waived: return "waived";
  }
  return "open";
}

}  // namespace caas::model

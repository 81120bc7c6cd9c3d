#include "caas/model/rule_info.hpp"

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

}  // namespace caas::model

#include "configured_values.hpp"

#include "caas/util/messages.hpp"

namespace caas::report {

void ConfiguredValues::add(const model::Recommendation& recommendation) {
  for (const auto& a : recommendation.assumptions) {
    if (a.config_file.empty()) continue;
    auto [at, inserted] = m_values.try_emplace({a.config_file, a.config_line, a.field});
    if (inserted)
      at->second = {a.config_file, a.config_line, a.field, a.value, a.config_workloads, 0, recommendation.name};
    ++at->second.filled;
  }
}

std::vector<ConfiguredValue> ConfiguredValues::values() const {
  std::vector<ConfiguredValue> out;
  out.reserve(m_values.size());
  for (const auto& [key, value] : m_values) out.push_back(value);
  return out;
}

std::string describe(const ConfiguredValue& value) {
  std::string text = value.field + " = " + value.value + " for ";
  if (value.filled == 1) return text + value.first + " (workloads " + util::quoted(value.workloads) + ")";
  return text + std::to_string(value.filled) + " workloads (workloads " + util::quoted(value.workloads) + ", first " +
         value.first + ")";
}

}  // namespace caas::report

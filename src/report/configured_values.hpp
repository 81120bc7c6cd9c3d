#pragma once
// The values the project configuration's `workloads:` filled in (docs/config.md), once per line of the
// configuration however many workloads it filled: SARIF's configuration notifications, the github annotations and
// check's text list them so (private to report). The per-workload formats show each workload's own.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "caas/model/recommendation.hpp"

namespace caas::report {

struct ConfiguredValue {
  std::string file;  // the configuration, as found or given
  int line = 0;
  std::string field;      // "traffic.requests_per_month"
  std::string value;      // as written
  std::string workloads;  // the name or glob it is given for
  int filled = 0;         // how many workloads it filled
  std::string first;      // the first of them, in the report's order
};

class ConfiguredValues {
 public:
  void add(const model::Recommendation& recommendation);
  // By file, line and field.
  std::vector<ConfiguredValue> values() const;
  bool empty() const { return m_values.empty(); }

 private:
  std::map<std::tuple<std::string, int, std::string>, ConfiguredValue> m_values;
};

// "traffic.requests_per_month = 3M for 2 workloads (workloads 'api-*', first api-gateway)", or "… for api-gateway".
std::string describe(const ConfiguredValue& value);

}  // namespace caas::report

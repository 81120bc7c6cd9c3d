#pragma once
// A workload profile written field by field, as the parser would leave it, and an example workload more than one
// module's tests price: the cost model's and the engine's tests build their workloads with it.
#include <initializer_list>
#include <vector>

#include "caas/model/workload_profile.hpp"

namespace caas::model::test {

inline constexpr double k_mib = 1024.0 * 1024.0;
inline constexpr double k_gib = 1024.0 * k_mib;

class Workload {
 public:
  explicit Workload(const char* kind) { text("kind", kind); }
  Workload& text(const char* path, const char* value) { return set(path, util::Value::of_string(value)); }
  Workload& number(const char* path, double value) { return set(path, util::Value::of_number(value)); }
  Workload& duration(const char* path, double seconds) {
    return set(path, util::Value::of_quantity(util::Kind::duration, seconds));
  }
  Workload& size(const char* path, double bytes) {
    return set(path, util::Value::of_quantity(util::Kind::size, bytes));
  }
  Workload& count(const char* path, double n) { return set(path, util::Value::of_quantity(util::Kind::count, n)); }
  Workload& flag(const char* path, bool b) { return set(path, util::Value::of_bool(b)); }
  Workload& triggers(std::initializer_list<const char*> names) {
    std::vector<util::Value> items;
    for (const char* name : names) items.push_back(util::Value::of_string(name));
    return set("triggers", util::Value::of_list(std::move(items), util::Kind::string));
  }
  WorkloadProfile build() const {
    WorkloadProfile copy = m_profile;
    copy.name = "w";
    copy.file = "w.yaml";
    copy.line = 1;
    copy.column = 1;
    apply_defaults(copy);
    return copy;
  }

 private:
  Workload& set(const char* path, util::Value value) {
    auto& field = m_profile.at(path);
    field.value = std::move(value);
    field.origin = Origin::written;
    field.written = display(field.value);
    field.line = 1;
    field.column = 1;
    return *this;
  }
  WorkloadProfile m_profile;
};

// A spiky function: 2M S3 events a month × 800 ms × 1 GiB, peaking at 150 a second (no latency target).
inline Workload thumbnailer() {
  Workload w("function");
  w.triggers({"s3"})
      .duration("execution.duration.typical", 0.8)
      .size("resources.memory", 1 * k_gib)
      .text("traffic.pattern", "spiky")
      .count("traffic.requests_per_month", 2e6)
      .number("traffic.peak_rps", 150);
  return w;
}

}  // namespace caas::model::test

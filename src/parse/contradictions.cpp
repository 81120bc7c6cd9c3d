#include "contradictions.hpp"

#include <algorithm>

#include "caas/util/text.hpp"

namespace caas::parse {

namespace {

// Seconds in an average month (365 days / 12), as the cost model counts them.
constexpr double k_seconds_per_month = 2'628'000;

// Catalogue positions of the fields compared here, looked up once.
struct Fields {
  std::size_t kind, typical, max, requests, peak, runs, p99, cold_start, long_lived, size, unpacked;
};
const Fields& fields() {
  static const Fields k_indexes = [] {
    auto at = [](std::string_view path) { return *model::find_field(path); };
    return Fields{at("kind"),
                  at("execution.duration.typical"),
                  at("execution.duration.max"),
                  at("traffic.requests_per_month"),
                  at("traffic.peak_rps"),
                  at("traffic.runs_per_month"),
                  at("latency.p99"),
                  at("latency.cold_start_sensitive"),
                  at("state.long_lived_connections"),
                  at("package.size"),
                  at("package.unpacked_size")};
  }();
  return k_indexes;
}

bool written(const model::FieldValue& field) { return field.origin == model::Origin::written; }
int span_of(const model::FieldValue& field) { return std::max(1, static_cast<int>(field.written.size())); }

void warn(Reporter& report, util::Code code, std::string message, const model::FieldValue& at) {
  report.warning(code, std::move(message), at.line, at.column, span_of(at));
}

void check_job(const model::WorkloadProfile& profile, const Fields& f, Reporter& report) {
  for (const auto index : {f.requests, f.peak}) {
    const auto& field = profile.at(index);
    if (!written(field)) continue;
    const std::string_view name = index == f.requests ? "traffic.requests_per_month" : "traffic.peak_rps";
    warn(report, "contradiction-job-requests",
         concat({"a job has '", name, "'; a job's traffic is written as 'traffic.runs_per_month'"}), field);
  }
  for (const auto index : {f.long_lived, f.cold_start}) {
    const auto& field = profile.at(index);
    if (!written(field) || !field.value.as_bool()) continue;
    if (index == f.long_lived)
      warn(report, "contradiction-job-long-lived-connections",
           "a job has 'state.long_lived_connections: true', but a job runs to completion", field);
    else
      warn(report, "contradiction-job-cold-start-sensitive",
           "a job has 'latency.cold_start_sensitive: true', but a job answers no requests", field);
  }
}

}  // namespace

void check_contradictions(const model::WorkloadProfile& profile, Reporter& report) {
  const auto& f = fields();
  const auto& typical = profile.at(f.typical);
  const auto& max = profile.at(f.max);
  if (written(typical) && written(max) && typical.value.number > max.value.number)
    report.error("contradiction",
                 concat({"'execution.duration.typical' (", typical.written, ") is above 'execution.duration.max' (",
                         max.written, ")"}),
                 max.line, max.column, span_of(max));

  const auto& kind = profile.at(f.kind);
  if (written(kind)) {
    const auto& runs = profile.at(f.runs);
    if (kind.value.text == "job") {
      check_job(profile, f, report);
    } else if (written(runs)) {
      warn(report, "contradiction-runs-per-month",
           concat({"a ", kind.value.text,
                   " has 'traffic.runs_per_month', which counts a job's runs; write 'traffic.requests_per_month'"}),
           runs);
    }
  }

  const auto& requests = profile.at(f.requests);
  const auto& peak = profile.at(f.peak);
  if (written(requests) && written(peak)) {
    const double average = requests.value.number / k_seconds_per_month;
    if (peak.value.number < average)
      warn(report, "contradiction-peak-below-average",
           concat({"'traffic.peak_rps' (", peak.written, ") is below the average of ", util::format_fixed2(average),
                   " requests per second that 'traffic.requests_per_month' (", requests.written, ") implies"}),
           peak);
  }

  const auto& p99 = profile.at(f.p99);
  if (written(p99) && written(typical) && p99.value.number < typical.value.number)
    warn(report, "contradiction-latency-below-duration",
         concat({"'latency.p99' (", p99.written, ") is below 'execution.duration.typical' (", typical.written,
                 "): no request can be answered that fast"}),
         p99);

  const auto& size = profile.at(f.size);
  const auto& unpacked = profile.at(f.unpacked);
  if (written(size) && written(unpacked) && size.value.number > unpacked.value.number)
    warn(report, "contradiction-package-size",
         concat({"'package.size' (", size.written, ") is above 'package.unpacked_size' (", unpacked.written, ")"}),
         size);
}

}  // namespace caas::parse

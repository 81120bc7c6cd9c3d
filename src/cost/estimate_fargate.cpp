// Fargate: the smallest valid task size, tasks all month (or per run for jobs, by the second with a minimum),
// vCPU- and GB-hours at the architecture's prices, storage above 20 GiB, Spot or Savings Plans, and the network
// around it (cost-v1 "Fargate", docs/cost-model.md).
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "estimate_common.hpp"

namespace caas::cost {
namespace {

// One row of the valid combinations (aws-facts B): memory from `first` to `last` MiB in `step`s.
struct SizeRow {
  double vcpu;
  double first, last, step;
  bool windows;  // Windows tasks may use this row
};

constexpr SizeRow k_size_rows[] = {
    {0.25, 512, 512, 512, false},  // then 1 and 2 GB, below
    {0.25, 1024, 2048, 1024, false},  {0.5, 1024, 4096, 1024, false}, {1, 2048, 8192, 1024, true},
    {2, 4096, 16384, 1024, true},     {4, 8192, 30720, 1024, true},   {8, 16384, 61440, 4096, false},
    {16, 32768, 122880, 8192, false},
};

constexpr double k_included_storage_gib = 20;

double task_memory_mib(const CostInputs& in) { return in.memory ? *in.memory / k_mib : k_default_memory_mib; }

Architecture task_architecture(const CostInputs& in) {
  return !in.windows && in.architecture != Architecture::x86_64 ? Architecture::arm64 : Architecture::x86_64;
}

}  // namespace

std::vector<TaskSize> fargate_task_sizes(bool windows) {
  std::vector<TaskSize> sizes;
  for (const auto& row : k_size_rows) {
    if (windows && !row.windows) continue;
    for (double mib = row.first; mib <= row.last; mib += row.step) sizes.push_back({row.vcpu, mib});
  }
  return sizes;
}

std::optional<TaskSize> fargate_task_size(double cpu, double memory_mib, bool windows) {
  // Rows are in order of vCPU and of memory, so the first fit is the smallest and the cheapest: a larger row costs
  // more vCPU and never less memory.
  for (const auto& row : k_size_rows) {
    if ((windows && !row.windows) || row.vcpu < cpu - 1e-9 || row.last < memory_mib - 1e-6) continue;
    const double steps = std::max(0.0, std::ceil((memory_mib - row.first) / row.step - 1e-9));
    return TaskSize{row.vcpu, row.first + steps * row.step};
  }
  return std::nullopt;
}

void prepare_fargate(PreparedCost& prepared, const RegionPrices& prices) {
  const auto& in = prepared.inputs;
  // No GPUs: unknown at any traffic, so nothing to look up.
  prepared.fits = !(in.gpus > 0);
  if (!prepared.fits) return;
  const auto size = fargate_task_size(in.cpu.value_or(0), task_memory_mib(in), in.windows);
  prepared.fits = size.has_value();
  if (!size) return;
  prepared.vcpu = size->vcpu;
  prepared.memory_mib = size->memory_mib;
  const std::size_t a = arch_index(task_architecture(in));
  auto& out = prepared.prices;
  out.compute = prices.price(in.windows ? k_fargate_windows_vcpu : k_fargate_vcpu[a]);
  out.compute_memory = prices.price(in.windows ? k_fargate_windows_memory : k_fargate_memory[a]);
  if (in.ephemeral_storage) out.ephemeral = prices.price(k_fargate_ephemeral);
  if (in.windows) out.licence_vcpu_hour = prices.price(k_fargate_windows_license);
  prepare_discounts(in, prices, {in.windows ? std::string_view() : k_fargate_spot, k_fargate_savings_plan, {}}, out);
  prepared.front_door = resolve_front_door(in, TargetKind::container);
  prepare_network(in, prepared.front_door, TargetKind::container, prices, out);
}

bool estimate_fargate(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason,
                      std::string& summary) {
  const auto& in = prepared.inputs;
  const auto& prices = prepared.prices;
  if (in.gpus > 0) return unknown(bill, reason, "Fargate offers no GPUs");
  const double memory_mib = task_memory_mib(in);
  if (!in.memory) bill.assume("resources.memory", "512MiB", "the default memory for cost");
  const auto size = prepared.fits ? std::optional(TaskSize{prepared.vcpu, prepared.memory_mib}) : std::nullopt;
  if (!size) {
    if (!bill.detailed()) return false;
    return unknown(
        bill, reason,
        fmt::format("no Fargate task size covers {} vCPU and {} GiB{}", util::format_number(in.cpu.value_or(0)),
                    util::format_number(std::round(memory_mib / 1024 * 1000) / 1000),
                    in.windows ? " on Windows (1, 2 or 4 vCPU, up to 30 GiB)" : " (at most 16 vCPU, 120 GiB)"));
  }
  if (!in.cpu && bill.detailed())
    bill.assume("resources.cpu", fmt::format("{} vCPU", util::format_number(size->vcpu)),
                "not given: the smallest valid Fargate size for the memory");

  double task_hours = 0;
  double tasks = 0;
  const bool job = in.kind == WorkloadKind::job;
  if (job) {
    // Linux tasks are billed by the second for at least a minute, Windows tasks for at least five.
    const auto hours =
        job_hours(in, scale, in.windows ? k_minimum_windows_task_seconds : k_minimum_run_seconds, bill, reason);
    if (!hours) return false;
    task_hours = *hours;
  } else {
    const auto fleet = size_always_on(in, scale, bill, reason);
    if (!fleet) return false;
    tasks = fleet->count;
    task_hours = tasks * k_hours_per_month;
  }

  const Architecture arch = task_architecture(in);
  if (!in.windows && in.architecture == Architecture::any)
    bill.assume("resources.architecture", "arm64", "any architecture will do, and arm64 is cheaper on Fargate");
  const std::string_view label = in.windows ? "Windows" : arch_name(arch);
  const double gib = size->memory_mib / 1024;
  bill.add("vCPU", label, task_hours * size->vcpu, "vCPU-hour", prices.compute, Share::compute);
  bill.add("memory", label, task_hours * gib, "GB-hour", prices.compute_memory, Share::compute);
  if (in.ephemeral_storage) {
    const double extra_gib = *in.ephemeral_storage / k_gib - k_included_storage_gib;
    if (extra_gib > 0)
      bill.add("ephemeral storage above 20 GiB", {}, task_hours * extra_gib, "GB-hour", prices.ephemeral);
  }
  if (in.windows) bill.add("Windows licence", {}, task_hours * size->vcpu, "vCPU-hour", prices.licence_vcpu_hour);
  if (in.windows && in.interruptible)
    bill.assume("cost.interruptible", "true", "Fargate Spot runs Linux tasks only: on-demand prices apply");
  apply_discounts(in, prices, "Compute Savings Plan", bill);
  add_network(in, prepared.front_door,
              {monthly_events(in, scale).value_or(0), tasks_have_public_ips(in) ? task_hours : 0, false}, prices, bill);

  if (!bill.detailed()) return true;
  const auto task = fmt::format("{} vCPU / {} GiB", util::format_number(size->vcpu), util::format_number(gib));
  if (job) {
    summary = fmt::format(
        "{} task ({}), {} runs × {}", task, label, format_count(*monthly_events(in, scale)),
        util::format_quantity(
            billed_run_seconds(*in.duration, in.windows ? k_minimum_windows_task_seconds : k_minimum_run_seconds),
            util::Kind::duration));
  } else {
    summary =
        fmt::format("{} × {} task{} ({}), all month", util::format_number(tasks), task, tasks == 1 ? "" : "s", label);
  }
  return true;
}

}  // namespace caas::cost

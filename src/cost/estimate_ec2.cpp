// EC2: the cheapest instance type that covers the workload after the operating system's share of memory, instances
// all month (or by the second for jobs, 60 s at least), a gp3 root volume each, Windows licence, Spot or Savings
// Plans, and the network around it (cost-v1 "EC2", docs/cost-model.md).
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "caas/util/quantity.hpp"
#include "caas/util/text.hpp"
#include "estimate_common.hpp"

namespace caas::cost {

const InstanceType* cheapest_instance(const RegionPrices& prices, const InstanceNeed& need) {
  const InstanceType* best = nullptr;
  double best_price = 0;
  const std::string_view arch = arch_name(need.architecture);
  for (const auto& type : prices.instances) {
    // The operating system keeps its share of the memory: the workload gets what is left.
    if (type.vcpu < need.vcpu - 1e-9 || usable_instance_memory_gib(type.memory_gib) < need.memory_gib - 1e-9 ||
        type.gpus < need.gpus)
      continue;
    if (type.burstable && !need.burstable_allowed) continue;
    if (need.architecture != Architecture::any && type.architecture != arch) continue;
    const double hourly = type.usd_per_hour + type.vcpu * need.license_per_vcpu_hour;
    if (!best || hourly < best_price) {
      best = &type;
      best_price = hourly;
    }
  }
  return best;
}

double usable_instance_memory_gib(double installed_gib) {
  // 5 % of the memory (AWS Batch's recommended buffer for the ECS agent and system processes), and at least 256 MiB
  // (the reservation of the ECS documentation's ECS_RESERVED_MEMORY example). See docs/cost-model.md, "EC2".
  return installed_gib - std::max(installed_gib * 0.05, 0.25);
}

namespace {

InstanceNeed instance_need(const CostInputs& in, double license_per_vcpu_hour) {
  InstanceNeed need;
  need.vcpu = in.cpu.value_or(0);
  need.memory_gib = in.memory ? *in.memory / k_gib : k_default_memory_mib / 1024;
  need.gpus = in.gpus;
  // Windows runs on x86_64 only.
  need.architecture = in.windows ? Architecture::x86_64 : in.architecture;
  // Burstable types run out of CPU credits under steady load; an unknown shape may be steady, so they are left out.
  need.burstable_allowed = in.pattern != Pattern::unknown && in.pattern != Pattern::steady;
  need.license_per_vcpu_hour = license_per_vcpu_hour;
  return need;
}

}  // namespace

void prepare_ec2(PreparedCost& prepared, const RegionPrices& prices) {
  const auto& in = prepared.inputs;
  auto& out = prepared.prices;
  if (in.windows) out.licence_vcpu_hour = prices.price(k_ec2_windows_license);
  // The type does not depend on traffic: chosen once here, not at every point of a break-even search.
  prepared.instance = cheapest_instance(prices, instance_need(in, out.licence_vcpu_hour));
  prepared.fits = prepared.instance != nullptr;
  if (!prepared.fits) return;
  out.root_volume_gib = prices.price(k_ec2_root_volume);
  out.gp3_gib_month = prices.price(k_ec2_gp3);
  prepare_discounts(in, prices, {k_ec2_spot, k_ec2_savings_plan, {}}, out);
  prepared.front_door = resolve_front_door(in, TargetKind::container);
  prepare_network(in, prepared.front_door, TargetKind::container, prices, out);
}

bool estimate_ec2(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason, std::string& summary) {
  const auto& in = prepared.inputs;
  const auto& prices = prepared.prices;
  if (!in.memory) bill.assume("resources.memory", "512MiB", "the default memory for cost");
  const InstanceType* type = prepared.instance;
  if (!type) {
    if (!bill.detailed()) return false;
    const auto need = instance_need(in, prices.licence_vcpu_hour);
    return unknown(
        bill, reason,
        fmt::format("no instance type in the price table has {} vCPU, {} GiB and {} GPU{}",
                    util::format_number(need.vcpu), util::format_number(need.memory_gib),
                    util::format_number(need.gpus),
                    need.architecture == Architecture::any ? std::string()
                                                           : fmt::format(" on {}", arch_name(need.architecture))));
  }
  if (bill.detailed()) {
    if (!in.cpu)
      bill.assume("resources.cpu", fmt::format("{} vCPU", util::format_number(type->vcpu)),
                  "not given: the smallest fitting instance type");
    if (in.pattern == Pattern::unknown)
      bill.assume("traffic.pattern", "unknown",
                  "burstable types (t3, t4g) left out: under steady load they run out of CPU credits");
    const double os_gib = type->memory_gib - usable_instance_memory_gib(type->memory_gib);
    bill.assume("ec2.os_memory",
                fmt::format("{} GiB of {}", util::format_number(std::round(os_gib * 100) / 100), type->name),
                "the operating system keeps 5 % of an instance's memory, at least 256 MiB (AWS's advice for container "
                "instances); the workload gets the rest");
    if (type->confidence == "UNCONFIRMED")
      bill.assume("pricing.instance", type->name,
                  fmt::format("the price of {} is UNCONFIRMED: {}", type->name,
                              type->note.empty() ? type->source : type->note));
  }

  double instance_hours = 0;
  double count = 0;
  const bool job = in.kind == WorkloadKind::job;
  if (job) {
    const auto hours = job_hours(in, scale, k_minimum_run_seconds, bill, reason);  // by the second, 60 s at least
    if (!hours) return false;
    instance_hours = *hours;
  } else {
    const auto fleet = size_always_on(in, scale, bill, reason);
    if (!fleet) return false;
    count = fleet->count;
    instance_hours = count * k_hours_per_month;
  }

  if (in.architecture == Architecture::any && !in.windows && type->architecture == "arm64")
    bill.assume("resources.architecture", "arm64", "any architecture will do, and the cheapest fitting type is arm64");
  bill.add("instances", type->name, instance_hours, "instance-hour", type->usd_per_hour, Share::compute);
  if (in.windows) bill.add("Windows licence", {}, instance_hours * type->vcpu, "vCPU-hour", prices.licence_vcpu_hour);
  const double root_gib = prices.root_volume_gib;
  std::string volume;
  if (bill.detailed()) volume = fmt::format("gp3, {} GiB per instance", util::format_number(root_gib));
  bill.add("root volume", volume, instance_hours / k_hours_per_month * root_gib, "GiB-month", prices.gp3_gib_month);
  apply_discounts(in, prices, "EC2 Instance Savings Plan", bill);
  add_network(in, prepared.front_door,
              {monthly_events(in, scale).value_or(0), tasks_have_public_ips(in) ? instance_hours : 0, false}, prices,
              bill);

  if (!bill.detailed()) return true;
  const auto label = fmt::format("{} ({}{})", type->name, type->architecture, in.windows ? ", Windows" : "");
  if (job)
    summary = fmt::format(
        "{}, {} runs × {}", label, format_count(*monthly_events(in, scale)),
        util::format_quantity(billed_run_seconds(*in.duration, k_minimum_run_seconds), util::Kind::duration));
  else
    summary = fmt::format("{} × {}, all month", util::format_number(count), label);
  return true;
}

}  // namespace caas::cost

#pragma once
// What the three targets' estimators share: the month, traffic scaling, always-on fleet sizing, Spot and Savings
// Plans, the load balancer, and the text of summaries.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bill.hpp"
#include "caas/cost/price_table.hpp"
#include "price_keys.hpp"

namespace caas::cost {

// AWS prices a month as 730 hours.
inline constexpr double k_hours_per_month = 730;
inline constexpr double k_seconds_per_month = 2'628'000;
inline constexpr double k_mib = 1024.0 * 1024.0;
inline constexpr double k_gib = 1024.0 * k_mib;
// Target utilisation of a task or instance when sizing a fleet.
inline constexpr double k_target_utilisation = 0.7;
// Duration of a service's request when the workload does not say.
inline constexpr double k_default_service_duration = 0.1;
inline constexpr double k_default_memory_mib = 512;
// Fargate (Linux) and EC2 bill a run by the second, for at least a minute; Fargate's Windows tasks for at least five.
inline constexpr double k_minimum_run_seconds = 60;
inline constexpr double k_minimum_windows_task_seconds = 300;
inline constexpr double k_gib_bytes = k_gib;

// A resolved architecture indexes ByArch keys.
inline std::size_t arch_index(Architecture arch) { return arch == Architecture::arm64 ? 1 : 0; }
std::string_view arch_name(Architecture arch);

// Whole tasks, instances or environments: x rounded up, with a little slack so that 1.4 ÷ 0.7 stays 2.
double whole_count(double x);

// The estimators write their reason for an unknown cost here (only in full mode) and return false.
bool unknown(Bill& bill, std::string& reason, std::string_view why);

// Monthly events after scaling: requests (service, worker, function) or runs (job); nullopt when not given.
std::optional<double> monthly_events(const CostInputs& in, double scale);

// How many tasks or instances run all month, and the rate they were sized for.
struct Fleet {
  double count = 0;
  double average_rps = 0;
};
// Services, workers and functions on Fargate or EC2 (cost-v1 "Fargate"); nullopt (reason set) when unknown.
std::optional<Fleet> size_always_on(const CostInputs& in, double scale, Bill& bill, std::string& reason);

// The seconds one run of `seconds` bills: rounded up to the whole second, at least `minimum`.
double billed_run_seconds(double seconds, double minimum);

// Hours of one task or instance that a job's runs bill (by the second, each at least `minimum_seconds`); nullopt
// when unknown.
std::optional<double> job_hours(const CostInputs& in, double scale, double minimum_seconds, Bill& bill,
                                std::string& reason);

// Spot (`interruptible`) or Savings Plans (`commitment`) on the compute items; with both, the larger discount.
struct DiscountKeys {
  std::string_view spot;               // empty when Spot is not on offer for this workload
  ByArch savings_plan;                 // [0] 1 year, [1] 3 years
  std::string_view savings_plan_name;  // "Compute Savings Plan" | "EC2 Instance Savings Plan"
};
// Looks up the discounts' percentages once (prepare_cost); apply_discounts then reads them.
void prepare_discounts(const CostInputs& in, const RegionPrices& prices, const DiscountKeys& keys, PreparedPrices& out);
void apply_discounts(const CostInputs& in, const PreparedPrices& prices, std::string_view savings_plan_name,
                     Bill& bill);

// Tiered prices (tiers.cpp). The keys are one tiered price's tiers in order; each carries its tier_from/tier_to.
Tiers read_tiers(const RegionPrices& prices, const std::string_view* keys, std::size_t count);
// Adds one item per tier that `usage` reaches, after the first `free` units (a free allowance counts first):
// "compute (arm64)" when one tier is used, "compute (arm64, tier 2)" for the second. The line's quantity is the
// usage in the tier × `per_unit` (1e-6 for a price per 1M requests). Returns the number of tiers used.
int add_tiered(Bill& bill, std::string_view item, std::string_view qualifier, double usage, double free,
               double per_unit, std::string_view unit, const Tiers& tiers, Share share = Share::other);

// The network around the workload (network.cpp): the front door, data transfer out, NAT gateway, public IPv4.
enum class TargetKind { lambda, container };  // Fargate and EC2 put the same things in front of the workload
// The front door the target puts in front: network.front_door where the target can use it, else the default from
// the triggers (API Gateway for Lambda, a load balancer for containers and instances).
FrontDoor resolve_front_door(const CostInputs& in, TargetKind target);
void prepare_network(const CostInputs& in, FrontDoor door, TargetKind target, const RegionPrices& prices,
                     PreparedPrices& out);
struct NetworkUse {
  double events = 0;           // requests (or messages) a month, scaled
  double public_ip_hours = 0;  // hours of task or instance public IPv4 addresses (none behind a NAT gateway)
  bool lambda_target = false;
};
void add_network(const CostInputs& in, FrontDoor door, const NetworkUse& use, const PreparedPrices& prices, Bill& bill);
// Whether tasks or instances get public IPv4 addresses of their own (they do unless behind a NAT gateway).
inline bool tasks_have_public_ips(const CostInputs& in) { return !in.nat_gateway; }

// The memory an EC2 instance leaves to the workload after the operating system's share (see docs/cost-model.md).
double usable_instance_memory_gib(double installed_gib);

// "2.5M", "300k", "12": a count as a reader would say it.
std::string format_count(double count);

// A valid Fargate task size (aws-facts B), in vCPUs and MiB.
struct TaskSize {
  double vcpu = 0;
  double memory_mib = 0;
};
// Every valid size, smallest first; Windows allows only the 1, 2 and 4 vCPU rows.
std::vector<TaskSize> fargate_task_sizes(bool windows);
// The smallest valid size that covers `cpu` vCPUs and `memory_mib`; nullopt when none does.
std::optional<TaskSize> fargate_task_size(double cpu, double memory_mib, bool windows);

// What an EC2 instance must offer.
struct InstanceNeed {
  double vcpu = 0;
  double memory_gib = 0;
  double gpus = 0;
  Architecture architecture = Architecture::any;  // x86_64, arm64 or any
  bool burstable_allowed = false;
  double license_per_vcpu_hour = 0;  // Windows: the licence counts in the comparison
};
// The cheapest instance type that covers the need (ties go to the earlier type in the table); nullptr when none.
const InstanceType* cheapest_instance(const RegionPrices& prices, const InstanceNeed& need);

// Each target works out once what does not depend on traffic (prepare_*), then prices one traffic (estimate_*).
// The full estimate and the fast total run the same code, so their totals are the same to the bit.
void prepare_lambda(PreparedCost& prepared, const RegionPrices& prices);
void prepare_fargate(PreparedCost& prepared, const RegionPrices& prices);
void prepare_ec2(PreparedCost& prepared, const RegionPrices& prices);
bool estimate_lambda(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason, std::string& summary);
bool estimate_fargate(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason,
                      std::string& summary);
bool estimate_ec2(const PreparedCost& prepared, double scale, Bill& bill, std::string& reason, std::string& summary);

}  // namespace caas::cost

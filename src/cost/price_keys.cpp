#include "price_keys.hpp"

namespace caas::cost {

const std::vector<PriceKey>& price_keys() {
  // Tiered prices are one key per tier, each with its tier_from/tier_to in the price file (the tiers of a Price List
  // usage type); the model applies them to one workload's usage.
  static const std::vector<PriceKey> k_keys = {
      {"lambda.requests", "1M requests", Amount::usd},
      {"lambda.x86_64.duration.tier1", "GB-second", Amount::usd},
      {"lambda.x86_64.duration.tier2", "GB-second", Amount::usd},
      {"lambda.x86_64.duration.tier3", "GB-second", Amount::usd},
      {"lambda.arm64.duration.tier1", "GB-second", Amount::usd},
      {"lambda.arm64.duration.tier2", "GB-second", Amount::usd},
      {"lambda.arm64.duration.tier3", "GB-second", Amount::usd},
      {"lambda.ephemeral_storage", "GB-second", Amount::usd},
      {"lambda.x86_64.provisioned_concurrency", "GB-second", Amount::usd},
      {"lambda.x86_64.provisioned_duration", "GB-second", Amount::usd},
      {"lambda.arm64.provisioned_concurrency", "GB-second", Amount::usd},
      {"lambda.arm64.provisioned_duration", "GB-second", Amount::usd},
      {"lambda.savings_plan.1y", "percent off", Amount::percent},
      {"lambda.savings_plan.3y", "percent off", Amount::percent},
      {"lambda.free_tier.requests", "requests", Amount::value},
      {"lambda.free_tier.gb_seconds", "GB-second", Amount::value},
      {"fargate.x86_64.vcpu_hour", "vCPU-hour", Amount::usd},
      {"fargate.x86_64.gb_hour", "GB-hour", Amount::usd},
      {"fargate.arm64.vcpu_hour", "vCPU-hour", Amount::usd},
      {"fargate.arm64.gb_hour", "GB-hour", Amount::usd},
      {"fargate.windows.vcpu_hour", "vCPU-hour", Amount::usd},
      {"fargate.windows.gb_hour", "GB-hour", Amount::usd},
      {"fargate.windows.license_vcpu_hour", "vCPU-hour", Amount::usd},
      {"fargate.ephemeral_storage_gb_hour", "GB-hour", Amount::usd},
      {"fargate.spot", "percent off", Amount::percent},
      {"fargate.savings_plan.1y", "percent off", Amount::percent},
      {"fargate.savings_plan.3y", "percent off", Amount::percent},
      {"ec2.spot", "percent off", Amount::percent},
      {"ec2.savings_plan.1y", "percent off", Amount::percent},
      {"ec2.savings_plan.3y", "percent off", Amount::percent},
      {"ec2.gp3_gib_month", "GiB-month", Amount::usd},
      {"ec2.root_volume", "GiB", Amount::value},
      {"ec2.windows.license_vcpu_hour", "vCPU-hour", Amount::usd},
      {"apigw.http.tier1", "1M requests", Amount::usd},
      {"apigw.http.tier2", "1M requests", Amount::usd},
      {"apigw.rest.tier1", "1M requests", Amount::usd},
      {"apigw.rest.tier2", "1M requests", Amount::usd},
      {"apigw.rest.tier3", "1M requests", Amount::usd},
      {"apigw.rest.tier4", "1M requests", Amount::usd},
      {"apigw.websocket.messages.tier1", "1M messages", Amount::usd},
      {"apigw.websocket.messages.tier2", "1M messages", Amount::usd},
      {"apigw.websocket.connection_minutes", "1M connection-minutes", Amount::usd},
      {"alb.hour", "ALB-hour", Amount::usd},
      {"alb.lcu_hour", "LCU-hour", Amount::usd},
      {"nlb.hour", "NLB-hour", Amount::usd},
      {"nlb.nlcu_hour", "NLCU-hour", Amount::usd},
      {"data_transfer.out.tier1", "GB", Amount::usd},
      {"data_transfer.out.tier2", "GB", Amount::usd},
      {"data_transfer.out.tier3", "GB", Amount::usd},
      {"data_transfer.out.tier4", "GB", Amount::usd},
      {"data_transfer.free_tier", "GB", Amount::value},
      {"nat_gateway.hour", "NAT gateway-hour", Amount::usd},
      {"public_ipv4.hour", "IP-hour", Amount::usd},
  };
  return k_keys;
}

const PriceKey* find_price_key(std::string_view key) {
  for (const auto& row : price_keys())
    if (row.key == key) return &row;
  return nullptr;
}

std::string_view amount_field(Amount amount) {
  switch (amount) {
    case Amount::usd: return "usd";
    case Amount::percent: return "percent";
    case Amount::value: return "value";
  }
  return "usd";
}

}  // namespace caas::cost

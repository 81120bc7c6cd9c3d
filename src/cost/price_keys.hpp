#pragma once
// The price keys the cost model reads: one row each, with its unit and how its amount is written. The loader checks
// files against this table and the estimators read prices by these names.
#include <array>
#include <string_view>
#include <vector>

namespace caas::cost {

// How a key's amount is written in a price file.
enum class Amount { usd, percent, value };

struct PriceKey {
  std::string_view key;
  std::string_view unit;
  Amount amount;
};

// Every key, in the order of the built-in price file.
const std::vector<PriceKey>& price_keys();
const PriceKey* find_price_key(std::string_view key);
std::string_view amount_field(Amount amount);  // "usd" | "percent" | "value"

// Keys that depend on the architecture are indexed by it: [0] x86_64, [1] arm64.
using ByArch = std::array<std::string_view, 2>;

inline constexpr std::string_view k_lambda_requests = "lambda.requests";
// The duration tiers, in order (each key carries its tier_from/tier_to), by architecture.
inline constexpr std::array<ByArch, 3> k_lambda_duration = {{
    {"lambda.x86_64.duration.tier1", "lambda.arm64.duration.tier1"},
    {"lambda.x86_64.duration.tier2", "lambda.arm64.duration.tier2"},
    {"lambda.x86_64.duration.tier3", "lambda.arm64.duration.tier3"},
}};
inline constexpr std::string_view k_lambda_ephemeral = "lambda.ephemeral_storage";
inline constexpr ByArch k_lambda_provisioned = {"lambda.x86_64.provisioned_concurrency",
                                                "lambda.arm64.provisioned_concurrency"};
inline constexpr ByArch k_lambda_provisioned_duration = {"lambda.x86_64.provisioned_duration",
                                                         "lambda.arm64.provisioned_duration"};
inline constexpr ByArch k_lambda_savings_plan = {"lambda.savings_plan.1y", "lambda.savings_plan.3y"};
inline constexpr std::string_view k_lambda_free_requests = "lambda.free_tier.requests";
inline constexpr std::string_view k_lambda_free_gb_seconds = "lambda.free_tier.gb_seconds";

inline constexpr ByArch k_fargate_vcpu = {"fargate.x86_64.vcpu_hour", "fargate.arm64.vcpu_hour"};
inline constexpr ByArch k_fargate_memory = {"fargate.x86_64.gb_hour", "fargate.arm64.gb_hour"};
inline constexpr std::string_view k_fargate_windows_vcpu = "fargate.windows.vcpu_hour";
inline constexpr std::string_view k_fargate_windows_memory = "fargate.windows.gb_hour";
inline constexpr std::string_view k_fargate_windows_license = "fargate.windows.license_vcpu_hour";
inline constexpr std::string_view k_fargate_ephemeral = "fargate.ephemeral_storage_gb_hour";
inline constexpr std::string_view k_fargate_spot = "fargate.spot";
inline constexpr ByArch k_fargate_savings_plan = {"fargate.savings_plan.1y", "fargate.savings_plan.3y"};

inline constexpr std::string_view k_ec2_spot = "ec2.spot";
inline constexpr ByArch k_ec2_savings_plan = {"ec2.savings_plan.1y", "ec2.savings_plan.3y"};
inline constexpr std::string_view k_ec2_gp3 = "ec2.gp3_gib_month";
inline constexpr std::string_view k_ec2_root_volume = "ec2.root_volume";
inline constexpr std::string_view k_ec2_windows_license = "ec2.windows.license_vcpu_hour";

inline constexpr std::array<std::string_view, 2> k_apigw_http = {"apigw.http.tier1", "apigw.http.tier2"};
inline constexpr std::array<std::string_view, 4> k_apigw_rest = {"apigw.rest.tier1", "apigw.rest.tier2",
                                                                 "apigw.rest.tier3", "apigw.rest.tier4"};
inline constexpr std::array<std::string_view, 2> k_apigw_ws_messages = {"apigw.websocket.messages.tier1",
                                                                        "apigw.websocket.messages.tier2"};
inline constexpr std::string_view k_apigw_ws_connection_minutes = "apigw.websocket.connection_minutes";
inline constexpr std::string_view k_alb_hour = "alb.hour";
inline constexpr std::string_view k_alb_lcu = "alb.lcu_hour";
inline constexpr std::string_view k_nlb_hour = "nlb.hour";
inline constexpr std::string_view k_nlb_nlcu = "nlb.nlcu_hour";
inline constexpr std::array<std::string_view, 4> k_data_transfer_out = {
    "data_transfer.out.tier1", "data_transfer.out.tier2", "data_transfer.out.tier3", "data_transfer.out.tier4"};
inline constexpr std::string_view k_data_transfer_free = "data_transfer.free_tier";
inline constexpr std::string_view k_nat_gateway_hour = "nat_gateway.hour";
inline constexpr std::string_view k_public_ipv4_hour = "public_ipv4.hour";

}  // namespace caas::cost

// Which products of a Price List file the cost model uses, and where their prices go. Real files hold far more than
// the on-demand prices: reserved capacity, dedicated hosts, software, Spot, Lambda@Edge, free-tier SKUs, other
// regions' transfer... Each rule below keeps one product family and lets the rest fall through.
#include <algorithm>
#include <array>

#include "product.hpp"

namespace caas::pricelist {

namespace {

struct AttrName {
  std::string_view name;  // lower case, letters and digits only
  Attr attr;
};

// Both spellings normalise to these: "instanceType" and "Instance Type" are "instancetype".
constexpr std::array<AttrName, 24> k_attr_names = {{
    {"capacitystatus", Attr::capacitystatus},
    {"currentgeneration", Attr::currentgeneration},
    {"fromlocation", Attr::fromlocation},
    {"fromregioncode", Attr::fromregioncode},
    {"gpu", Attr::gpu},
    {"group", Attr::group},
    {"instancetype", Attr::instancetype},
    {"licensemodel", Attr::licensemodel},
    {"location", Attr::location},
    {"locationtype", Attr::locationtype},
    {"marketoption", Attr::marketoption},
    {"memory", Attr::memory},
    {"operatingsystem", Attr::operatingsystem},
    {"operation", Attr::operation},
    {"physicalprocessor", Attr::physicalprocessor},
    {"preinstalledsw", Attr::preinstalledsw},
    {"regioncode", Attr::regioncode},
    {"servicecode", Attr::servicecode},
    {"tenancy", Attr::tenancy},
    {"tolocation", Attr::tolocation},
    {"transfertype", Attr::transfertype},
    {"usagetype", Attr::usagetype},
    {"vcpu", Attr::vcpu},
    {"volumeapiname", Attr::volumeapiname},
}};

// Price List location names (the `location` attribute, not the console's names: "EU (Ireland)", not "Europe
// (Ireland)"), for files older than the `regionCode` attribute. Sources: docs/cost-model.md, "Importing".
constexpr std::array<std::pair<std::string_view, std::string_view>, 33> k_locations = {{
    {"Africa (Cape Town)", "af-south-1"},
    {"Asia Pacific (Hong Kong)", "ap-east-1"},
    {"Asia Pacific (Hyderabad)", "ap-south-2"},
    {"Asia Pacific (Jakarta)", "ap-southeast-3"},
    {"Asia Pacific (Melbourne)", "ap-southeast-4"},
    {"Asia Pacific (Mumbai)", "ap-south-1"},
    {"Asia Pacific (Osaka)", "ap-northeast-3"},
    {"Asia Pacific (Seoul)", "ap-northeast-2"},
    {"Asia Pacific (Singapore)", "ap-southeast-1"},
    {"Asia Pacific (Sydney)", "ap-southeast-2"},
    {"Asia Pacific (Tokyo)", "ap-northeast-1"},
    {"Canada (Central)", "ca-central-1"},
    {"Canada West (Calgary)", "ca-west-1"},
    {"EU (Frankfurt)", "eu-central-1"},
    {"EU (Ireland)", "eu-west-1"},
    {"EU (London)", "eu-west-2"},
    {"EU (Milan)", "eu-south-1"},
    {"EU (Paris)", "eu-west-3"},
    {"EU (Spain)", "eu-south-2"},
    {"EU (Stockholm)", "eu-north-1"},
    {"EU (Zurich)", "eu-central-2"},
    {"Israel (Tel Aviv)", "il-central-1"},
    {"Middle East (Bahrain)", "me-south-1"},
    {"Middle East (UAE)", "me-central-1"},
    {"South America (Sao Paulo)", "sa-east-1"},
    {"US East (N. Virginia)", "us-east-1"},
    {"US East (Ohio)", "us-east-2"},
    {"US West (N. California)", "us-west-1"},
    {"US West (Oregon)", "us-west-2"},
    {"AWS GovCloud (US-East)", "us-gov-east-1"},
    {"AWS GovCloud (US-West)", "us-gov-west-1"},
    {"Mexico (Central)", "mx-central-1"},
    {"Asia Pacific (Malaysia)", "ap-southeast-5"},
}};

const std::vector<std::string_view> k_offers = {"AWSLambda",        "AmazonECS",       "AmazonEC2", "AWSELB",
                                                "AmazonApiGateway", "AWSDataTransfer", "AmazonVPC"};

// A usage type without its region's billing code: "USE2-BoxUsage:m5.large" -> "BoxUsage:m5.large". us-east-1 writes
// most usage types without one. The code is EU (eu-west-1) or three capitals and a digit (USE1, APS3, EUW2...);
// "TS-LoadBalancerUsage", "Global-Request" and "Outposts-LCUUsage" keep their first word, so they match nothing.
std::string_view usage_of(std::string_view usage_type) {
  const auto dash = usage_type.find('-');
  if (dash == std::string_view::npos) return usage_type;
  const auto code = usage_type.substr(0, dash);
  const bool billing_code =
      code == "EU" ||
      (code.size() == 4 && std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= 'A' && c <= 'Z'; }) &&
       code[3] >= '0' && code[3] <= '9');
  return billing_code ? usage_type.substr(dash + 1) : usage_type;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::optional<Slot> lambda_slot(const Product& p) {
  const std::string& group = p[Attr::group];
  const auto usage = usage_of(p[Attr::usagetype]);
  if (group.find("Edge") != std::string::npos || starts_with(p[Attr::usagetype], "Global-")) return std::nullopt;
  struct Row {
    std::string_view group;
    std::string_view usage;
    Slot slot;
  };
  static constexpr std::array<Row, 8> k_rows = {{
      {"AWS-Lambda-Requests", "Request", Slot::lambda_requests},
      {"AWS-Lambda-Duration", "Lambda-GB-Second", Slot::lambda_x86_duration},
      {"AWS-Lambda-Duration-ARM", "Lambda-GB-Second-ARM", Slot::lambda_arm_duration},
      {"AWS-Lambda-Storage-Duration", "Lambda-Storage-GB-Second", Slot::lambda_storage},
      {"AWS-Lambda-Provisioned-Concurrency", "Lambda-Provisioned-Concurrency",
       Slot::lambda_x86_provisioned_concurrency},
      {"AWS-Lambda-Provisioned-Concurrency-ARM", "Lambda-Provisioned-Concurrency-ARM",
       Slot::lambda_arm_provisioned_concurrency},
      {"AWS-Lambda-Duration-Provisioned", "Lambda-Provisioned-GB-Second", Slot::lambda_x86_provisioned_duration},
      {"AWS-Lambda-Duration-Provisioned-ARM", "Lambda-Provisioned-GB-Second-ARM",
       Slot::lambda_arm_provisioned_duration},
  }};
  // The group is the steadier key (usage types differ by region); files without one fall back to the usage type.
  for (const auto& row : k_rows)
    if (group.empty() ? usage == row.usage : group == row.group) return row.slot;
  return std::nullopt;
}

std::optional<Slot> fargate_slot(const Product& p) {
  static constexpr std::array<std::pair<std::string_view, Slot>, 8> k_rows = {{
      {"Fargate-vCPU-Hours:perCPU", Slot::fargate_x86_vcpu},
      {"Fargate-GB-Hours", Slot::fargate_x86_gb},
      {"Fargate-ARM-vCPU-Hours:perCPU", Slot::fargate_arm_vcpu},
      {"Fargate-ARM-GB-Hours", Slot::fargate_arm_gb},
      {"Fargate-Windows-vCPU-Hours:perCPU", Slot::fargate_windows_vcpu},
      {"Fargate-Windows-GB-Hours", Slot::fargate_windows_gb},
      {"Fargate-Windows-OS-Hours:perCPU", Slot::fargate_windows_license},
      {"Fargate-EphemeralStorage-GB-Hours", Slot::fargate_ephemeral},
  }};
  const auto usage = usage_of(p[Attr::usagetype]);
  for (const auto& [name, slot] : k_rows)
    if (usage == name) return slot;
  return std::nullopt;  // Spot, ECS Anywhere, ECS on EC2 metering, managed instances
}

std::optional<Slot> api_gateway_slot(const Product& p) {
  const auto usage = usage_of(p[Attr::usagetype]);
  if (usage == "ApiGatewayHttpRequest") return Slot::apigw_http;
  // REST API usage types differ by region (ApiGatewayRequest, AmazonApiGatewayRequest, AmazonApiGateway-Request).
  if (usage == "ApiGatewayRequest" || usage == "AmazonApiGatewayRequest" || usage == "AmazonApiGateway-Request")
    return Slot::apigw_rest;
  if (usage == "ApiGatewayMessage") return Slot::apigw_websocket_messages;
  if (usage == "ApiGatewayMinute") return Slot::apigw_websocket_minutes;
  return std::nullopt;  // caches, private APIs, ...
}

std::optional<Slot> instance_slot(const Product& p) {
  if (p[Attr::tenancy] != "Shared") return std::nullopt;  // Dedicated, Host, Reserved
  if (!p[Attr::capacitystatus].empty() && p[Attr::capacitystatus] != "Used") return std::nullopt;  // reservations
  if (!p[Attr::preinstalledsw].empty() && p[Attr::preinstalledsw] != "NA") return std::nullopt;    // SQL Server...
  if (!p[Attr::marketoption].empty() && p[Attr::marketoption] != "OnDemand") return std::nullopt;
  if (p[Attr::currentgeneration] == "No") return std::nullopt;
  if (!starts_with(usage_of(p[Attr::usagetype]), "BoxUsage:")) return std::nullopt;
  if (p[Attr::operatingsystem] == "Linux" && p[Attr::operation] == "RunInstances") return Slot::ec2_linux;
  // Windows with the licence included; BYOL (RunInstances:0800) and SQL Server are other operations.
  if (p[Attr::operatingsystem] == "Windows" && p[Attr::operation] == "RunInstances:0002") return Slot::ec2_windows;
  return std::nullopt;  // RHEL, SUSE, Ubuntu Pro...
}

// Families that several offers carry (EC2 instances, EBS, NAT, load balancers, data transfer, public addresses).
std::optional<Slot> shared_slot(const Product& p) {
  const std::string& family = p.family;
  const auto usage = usage_of(p[Attr::usagetype]);
  if (family == "Compute Instance") return instance_slot(p);
  if (family == "Storage")
    return p[Attr::volumeapiname] == "gp3" && usage == "EBS:VolumeUsage.gp3" ? std::optional(Slot::ec2_gp3)
                                                                             : std::nullopt;
  if (family == "NAT Gateway")
    return usage == "NatGateway-Hours" && p[Attr::operation] == "NatGateway" ? std::optional(Slot::nat_hour)
                                                                             : std::nullopt;
  if (family == "Load Balancer-Application") {
    if (usage == "LoadBalancerUsage") return Slot::alb_hour;
    if (usage == "LCUUsage") return Slot::alb_lcu;
    return std::nullopt;  // Outposts, reserved LCUs, trust stores
  }
  if (family == "Load Balancer-Network") {
    if (usage == "LoadBalancerUsage") return Slot::nlb_hour;
    if (usage == "LCUUsage" || usage == "NLCUUsage") return Slot::nlb_nlcu;
    return std::nullopt;
  }
  if (family == "Data Transfer")
    return p[Attr::transfertype] == "AWS Outbound" && p[Attr::tolocation] == "External" &&
                   usage == "DataTransfer-Out-Bytes"
               ? std::optional(Slot::data_transfer_out)
               : std::nullopt;
  if (usage == "PublicIPv4:InUseAddress") return Slot::public_ipv4;
  return std::nullopt;
}

}  // namespace

std::optional<Attr> find_attr(std::string_view name) {
  std::array<char, 40> buffer{};
  std::size_t n = 0;
  // ASCII by hand, not <cctype>: this runs for every attribute of every product of a multi-gigabyte file.
  for (const char c : name) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (!upper && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) continue;
    if (n == buffer.size()) return std::nullopt;
    buffer[n++] = upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view normal(buffer.data(), n);
  for (const auto& row : k_attr_names)
    if (row.name == normal) return row.attr;
  return std::nullopt;
}

const std::vector<std::string_view>& known_offers() { return k_offers; }

bool is_known_offer(std::string_view offer) {
  return std::find(k_offers.begin(), k_offers.end(), offer) != k_offers.end();
}

std::string_view region_of_location(std::string_view location) {
  for (const auto& [name, code] : k_locations)
    if (name == location) return code;
  return {};
}

std::optional<Classified> classify(const Product& p, std::string_view offer) {
  // Local Zones, Wavelength and Outposts are other locations than the region.
  if (!p[Attr::locationtype].empty() && p[Attr::locationtype] != "AWS Region") return std::nullopt;
  std::optional<Slot> slot;
  if (offer == "AWSLambda")
    slot = lambda_slot(p);
  else if (offer == "AmazonECS")
    slot = fargate_slot(p);
  else if (offer == "AmazonApiGateway")
    slot = api_gateway_slot(p);
  else
    slot = shared_slot(p);
  if (!slot) return std::nullopt;
  // The region comes from the file, never from a usage type's prefix; data transfer is priced where it leaves from.
  const bool transfer = *slot == Slot::data_transfer_out;
  std::string region = transfer ? p[Attr::fromregioncode] : p[Attr::regioncode];
  if (region.empty()) region = region_of_location(transfer ? p[Attr::fromlocation] : p[Attr::location]);
  // A region code is a key of the overlay written from it: anything else is not a region this file prices.
  if (!is_region_code(region)) return std::nullopt;
  return Classified{*slot, std::move(region)};
}

bool is_region_code(std::string_view code) {
  if (code.empty() || code.size() > 32 || code.front() < 'a' || code.front() > 'z' || code.back() == '-') return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string date_of(std::string_view publication_date) {
  const auto day = publication_date.substr(0, 10);
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return {};
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (day[i] < '0' || day[i] > '9') return {};
  return std::string(day);
}

}  // namespace caas::pricelist

// `pricing import` end to end, over fixtures shaped like AWS's Price List files (tests/fixtures/pricelist/, with the
// distractor products real files hold): every format, several regions in one run, each imported unit price checked
// against the file as this test reads it, and the overlay used to price workloads there.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "support/run_tool.hpp"

using namespace caas;
using namespace caas::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string k_dir = "tests/fixtures/pricelist/";

const std::vector<std::string> k_files = {
    "ec2-us-east-2.json",         "ec2-eu-west-1.csv",  "ecs-eu-west-1.csv",    "lambda-eu-west-1.csv",
    "datatransfer-eu-west-1.csv", "elb-eu-west-1.json", "apigw-eu-west-1.json", "get-products-ec2-ap-south-1.json"};

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("caas-pricing-" + std::to_string(getpid()) + "-" + name)).string();
}

// The on-demand prices of a JSON offer file with this usage type (and these attribute values), tier by tier.
std::vector<double> json_prices(const std::string& file, const std::string& usage_type,
                                const std::map<std::string, std::string>& attributes = {}) {
  const auto doc = json::parse(read_text(source_dir() + "/" + k_dir + file));
  std::vector<std::pair<double, double>> tiers;
  for (const auto& [sku, product] : doc["products"].items()) {
    if (product["attributes"].value("usagetype", "") != usage_type) continue;
    bool match = true;
    for (const auto& [name, value] : attributes) match = match && product["attributes"].value(name, "") == value;
    if (!match) continue;
    for (const auto& [code, term] : doc["terms"]["OnDemand"][sku].items())
      for (const auto& [rate, dim] : term["priceDimensions"].items())
        tiers.emplace_back(std::stod(dim["beginRange"].get<std::string>()),
                           std::stod(dim["pricePerUnit"]["USD"].get<std::string>()));
  }
  std::sort(tiers.begin(), tiers.end());
  std::vector<double> out;
  out.reserve(tiers.size());
  for (const auto& t : tiers) out.push_back(t.second);
  return out;
}

std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// The on-demand prices of a CSV offer file's rows with this usage type (and column values), by tier.
std::vector<double> csv_prices(const std::string& file, const std::string& usage_type,
                               const std::map<std::string, std::string>& columns = {}) {
  std::istringstream in(read_text(source_dir() + "/" + k_dir + file));
  std::string line;
  for (int i = 0; i < 5; ++i) std::getline(in, line);
  std::getline(in, line);
  const auto header = csv_fields(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::vector<std::pair<double, double>> tiers;
  while (std::getline(in, line)) {
    const auto row = csv_fields(line);
    if (row[column("usageType")] != usage_type || row[column("TermType")] != "OnDemand") continue;
    bool match = true;
    for (const auto& [name, value] : columns) match = match && row[column(name)] == value;
    if (match) tiers.emplace_back(std::stod(row[column("StartingRange")]), std::stod(row[column("PricePerUnit")]));
  }
  std::sort(tiers.begin(), tiers.end());
  std::vector<double> out;
  out.reserve(tiers.size());
  for (const auto& t : tiers) out.push_back(t.second);
  return out;
}

cost::PriceTable import_all(const std::string& out) {
  std::vector<std::string> args = {"pricing", "import"};
  for (const auto& f : k_files) args.push_back(k_dir + f);
  args.insert(args.end(), {"-o", out});
  const auto run = run_tool(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  REQUIRE(run.out.empty());
  auto table = cost::load_price_overlay(read_text(out), out, cost::PriceTable{});
  REQUIRE(table);
  return *table;
}

const cost::InstanceType& instance(const cost::PriceTable& table, const std::string& region, const std::string& name) {
  const auto& list = table.regions.at(region).instances;
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& t) { return t.name == name; });
  REQUIRE(it != list.end());
  return *it;
}

// How many of a region's instance types came from the files (the others are built-in ones the files do not list).
std::size_t from_files(const cost::PriceTable& table, const std::string& region) {
  const auto& list = table.regions.at(region).instances;
  return static_cast<std::size_t>(
      std::count_if(list.begin(), list.end(), [](const auto& t) { return t.confidence == "DOC"; }));
}

}  // namespace

TEST_CASE("pricing import: JSON, CSV and get-products files of three regions, unit prices as the files give them",
          "[pricing-import][e2e]") {
  const auto out = temp_path("all.yaml");
  const auto table = import_all(out);
  fs::remove(out);
  CHECK(table.date == "2026-09-09");  // the latest publication date
  REQUIRE(table.regions.size() == 3);
  const auto& eu = table.regions.at("eu-west-1").prices;
  const auto price = [&](const std::string& key) { return eu.at(key).usd; };

  // Fargate (CSV): the Spot and ECS Anywhere rows beside them are not taken.
  CHECK(price("fargate.x86_64.vcpu_hour") ==
        Approx(csv_prices("ecs-eu-west-1.csv", "EU-Fargate-vCPU-Hours:perCPU")[0]));
  CHECK(price("fargate.x86_64.gb_hour") == Approx(csv_prices("ecs-eu-west-1.csv", "EU-Fargate-GB-Hours")[0]));
  CHECK(price("fargate.arm64.vcpu_hour") ==
        Approx(csv_prices("ecs-eu-west-1.csv", "EU-Fargate-ARM-vCPU-Hours:perCPU")[0]));
  CHECK(price("fargate.windows.license_vcpu_hour") ==
        Approx(csv_prices("ecs-eu-west-1.csv", "EU-Fargate-Windows-OS-Hours:perCPU")[0]));
  CHECK(price("fargate.ephemeral_storage_gb_hour") ==
        Approx(csv_prices("ecs-eu-west-1.csv", "EU-Fargate-EphemeralStorage-GB-Hours")[0]));
  CHECK(eu.at("fargate.x86_64.vcpu_hour").confidence == "DOC");
  CHECK(eu.at("fargate.x86_64.vcpu_hour").source.find("SKU K4EXFQ5YFQCP98EN") != std::string::npos);
  CHECK(eu.at("fargate.x86_64.vcpu_hour").collected == "2025-08-31");

  // Lambda (CSV): per request becomes per million; three tiers with their bounds; free tier and @Edge skipped.
  CHECK(price("lambda.requests") == Approx(csv_prices("lambda-eu-west-1.csv", "EU-Request")[0] * 1e6));
  const auto x86 = csv_prices("lambda-eu-west-1.csv", "EU-Lambda-GB-Second");
  REQUIRE(x86.size() == 3);
  CHECK(price("lambda.x86_64.duration.tier1") == Approx(x86[0]));
  CHECK(price("lambda.x86_64.duration.tier2") == Approx(x86[1]));
  CHECK(price("lambda.x86_64.duration.tier3") == Approx(x86[2]));
  CHECK(eu.at("lambda.x86_64.duration.tier2").tier_from == Approx(6e9));
  CHECK(eu.at("lambda.x86_64.duration.tier2").tier_to == Approx(15e9));
  CHECK_FALSE(eu.at("lambda.x86_64.duration.tier3").tier_to.has_value());
  CHECK(price("lambda.arm64.duration.tier1") ==
        Approx(csv_prices("lambda-eu-west-1.csv", "EU-Lambda-GB-Second-ARM")[0]));
  CHECK(price("lambda.x86_64.provisioned_concurrency") ==
        Approx(csv_prices("lambda-eu-west-1.csv", "EU-Lambda-Provisioned-Concurrency")[0]));

  // EC2 (CSV): shared, Linux, used capacity; gp3, NAT hours and public IPv4 beside them.
  CHECK(instance(table, "eu-west-1", "m5.large").usd_per_hour ==
        Approx(csv_prices("ec2-eu-west-1.csv", "EU-BoxUsage:m5.large",
                          {{"Operating System", "Linux"}, {"Tenancy", "Shared"}, {"CapacityStatus", "Used"}})[0]));
  CHECK(instance(table, "eu-west-1", "m5.large").source.find("SKU FP7Z96TTU3VFSX2H") != std::string::npos);
  CHECK(instance(table, "eu-west-1", "m7g.large").architecture == "arm64");
  CHECK(from_files(table, "eu-west-1") == 4);  // no dedicated, host, SQL, reservation rows
  CHECK(price("ec2.gp3_gib_month") == Approx(csv_prices("ec2-eu-west-1.csv", "EU-EBS:VolumeUsage.gp3")[0]));
  CHECK(price("nat_gateway.hour") == Approx(csv_prices("ec2-eu-west-1.csv", "EU-NatGateway-Hours")[0]));
  CHECK(price("public_ipv4.hour") == Approx(csv_prices("ec2-eu-west-1.csv", "EU-PublicIPv4:InUseAddress")[0]));
  CHECK(price("ec2.windows.license_vcpu_hour") == Approx(0.046));  // (0.199 - 0.107) / 2 and (0.376 - 0.192) / 4

  // Data transfer (CSV): four tiers in GB; the free 100 GB, inter-region and MRAP rows skipped.
  const auto dto = csv_prices("datatransfer-eu-west-1.csv", "EU-DataTransfer-Out-Bytes");
  REQUIRE(dto.size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(price("data_transfer.out.tier" + std::to_string(i + 1)) == Approx(dto[i]));
  CHECK(eu.at("data_transfer.out.tier2").tier_from == Approx(10240));

  // Load balancers and API Gateway (JSON): Outposts, reserved LCUs, trust stores, caches skipped.
  CHECK(price("alb.hour") == Approx(json_prices("elb-eu-west-1.json", "EU-LoadBalancerUsage",
                                                {{"operation", "LoadBalancing:Application"}})[0]));
  CHECK(price("alb.lcu_hour") ==
        Approx(json_prices("elb-eu-west-1.json", "EU-LCUUsage", {{"operation", "LoadBalancing:Application"}})[0]));
  CHECK(price("nlb.nlcu_hour") ==
        Approx(json_prices("elb-eu-west-1.json", "EU-LCUUsage", {{"operation", "LoadBalancing:Network"}})[0]));
  const auto rest = json_prices("apigw-eu-west-1.json", "EU-AmazonApiGatewayRequest");
  REQUIRE(rest.size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(price("apigw.rest.tier" + std::to_string(i + 1)) == Approx(rest[i] * 1e6));
  CHECK(price("apigw.http.tier1") == Approx(json_prices("apigw-eu-west-1.json", "EU-ApiGatewayHttpRequest")[0] * 1e6));

  // EC2 (JSON offer file, us-east-2): the distractors (BYOL, dedicated, reservations, SQL, RHEL, Spot, previous
  // generation, bare metal, a Local Zone) are not instance types.
  const auto linux_shared = std::map<std::string, std::string>{
      {"operatingSystem", "Linux"}, {"tenancy", "Shared"}, {"capacitystatus", "Used"}};
  CHECK(instance(table, "us-east-2", "m5.large").usd_per_hour ==
        Approx(json_prices("ec2-us-east-2.json", "USE2-BoxUsage:m5.large", linux_shared)[0]));
  CHECK(instance(table, "us-east-2", "g4dn.xlarge").gpus == 1);
  CHECK(instance(table, "us-east-2", "r6i.32xlarge").memory_gib == 1024);
  CHECK(instance(table, "us-east-2", "t4g.medium").burstable);
  CHECK(from_files(table, "us-east-2") == 7);
  CHECK(table.regions.at("us-east-2").prices.at("ec2.gp3_gib_month").usd ==
        Approx(json_prices("ec2-us-east-2.json", "USE2-EBS:VolumeUsage.gp3")[0]));

  // get-products (ap-south-1): the dedicated entry and the reserved terms are skipped.
  CHECK(instance(table, "ap-south-1", "m7g.large").usd_per_hour == Approx(0.0583));
  CHECK(from_files(table, "ap-south-1") == 3);

  // What no file gave is the built-in value, and says so.
  const auto& spot = table.regions.at("eu-west-1").prices.at("fargate.spot");
  CHECK(spot.note.rfind(std::string(cost::k_fallback_note), 0) == 0);
  CHECK(spot.confidence != "DOC");
}

TEST_CASE("pricing import: the overlay prices a workload in an imported region at the files' unit prices",
          "[pricing-import][e2e]") {
  const auto out = temp_path("priced.yaml");
  import_all(out);
  const auto run =
      run_tool({"cost", "examples/photo-thumbnailer.yaml", "--pricing", out, "--region", "eu-west-1", "-f", "json"});
  fs::remove(out);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto report = json::parse(run.out);
  const auto& result = report["results"][0];
  CHECK(result["region"] == "eu-west-1");
  std::map<std::string, double> unit_prices;
  for (const auto& target : result["targets"]) {
    REQUIRE_FALSE(target["monthly_cost_usd"].is_null());
    for (const auto& item : target["cost"]["items"])
      unit_prices[target["target"].get<std::string>() + "/" +
                  item["item"].get<std::string>().substr(0, item["item"].get<std::string>().find(" ("))] =
          item["unit_price_usd"].get<double>();
  }
  // The cheapest fitting type: one of the file's at the file's price, or a built-in type the file does not list,
  // stated as an assumption.
  for (const auto& target : result["targets"]) {
    if (target["target"] != "ec2") continue;
    for (const auto& item : target["cost"]["items"]) {
      const auto label = item["item"].get<std::string>();
      if (label.rfind("instances (", 0) != 0) continue;
      const auto type = label.substr(11, label.size() - 12);
      const auto in_file =
          csv_prices("ec2-eu-west-1.csv", "EU-BoxUsage:" + type,
                     {{"Operating System", "Linux"}, {"Tenancy", "Shared"}, {"CapacityStatus", "Used"}});
      if (!in_file.empty()) {
        CHECK(item["unit_price_usd"].get<double>() == Approx(in_file[0]));
      } else {
        bool stated = false;
        for (const auto& a : target["cost"]["assumptions"])
          stated = stated || (a["field"] == "pricing.fallback" &&
                              a["why"].get<std::string>().find("instance " + type) != std::string::npos);
        CHECK(stated);
      }
    }
  }
  CHECK(unit_prices["ec2/root volume"] == Approx(csv_prices("ec2-eu-west-1.csv", "EU-EBS:VolumeUsage.gp3")[0]));
  CHECK(unit_prices["fargate/vCPU"] == Approx(csv_prices("ecs-eu-west-1.csv", "EU-Fargate-ARM-vCPU-Hours:perCPU")[0]));
  CHECK(unit_prices["lambda/requests"] == Approx(csv_prices("lambda-eu-west-1.csv", "EU-Request")[0] * 1e6));
}

TEST_CASE("pricing import: a good file then a broken one is exit 2 naming the broken file, and nothing is written",
          "[pricing-import][e2e]") {
  const auto out = temp_path("never.yaml");
  const auto broken = temp_path("cut.json");
  const auto text = read_text(source_dir() + "/" + k_dir + "elb-eu-west-1.json");
  write_text(broken, text.substr(0, text.size() / 2));
  const auto run = run_tool({"pricing", "import", k_dir + "ecs-eu-west-1.csv", broken, "-o", out});
  fs::remove(broken);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(broken + ":") != std::string::npos);
  CHECK(run.err.find("cut short") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out + ".tmp"));
}

TEST_CASE("pricing import: standard input, and the overlay on standard output", "[pricing-import][e2e]") {
  const auto run = run_tool({"pricing", "import", "-"}, read_text(source_dir() + "/" + k_dir + "ecs-eu-west-1.csv"));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("fargate.x86_64.vcpu_hour:\n        {usd: 0.04048") != std::string::npos);
  CHECK(run.out.find("SKU K4EXFQ5YFQCP98EN") != std::string::npos);
}

TEST_CASE("pricing import: an overlay from one file prices every target, each price not in it stated as an assumption",
          "[pricing-import][e2e]") {
  const auto out = temp_path("fargate-only.yaml");
  const auto imported = run_tool({"pricing", "import", k_dir + "ecs-eu-west-1.csv", "-o", out});
  REQUIRE(imported.exit_code == 0);
  const auto run =
      run_tool({"cost", "examples/photo-thumbnailer.yaml", "--pricing", out, "--region", "eu-west-1", "-f", "json"});
  fs::remove(out);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto report = json::parse(run.out);
  std::map<std::string, std::string> fallback;  // target -> why
  for (const auto& target : report["results"][0]["targets"]) {
    REQUIRE_FALSE(target["monthly_cost_usd"].is_null());
    for (const auto& a : target["cost"]["assumptions"])
      if (a["field"] == "pricing.fallback") fallback[target["target"].get<std::string>()] = a["why"].get<std::string>();
  }
  // Lambda and EC2 are priced from the built-in table, and say so; Fargate's prices are the file's, but for the
  // public address it needs and data transfer.
  REQUIRE(fallback.count("lambda") == 1);
  CHECK(fallback["lambda"].find("lambda.requests") != std::string::npos);
  CHECK(fallback["lambda"].find("the built-in value of") != std::string::npos);
  REQUIRE(fallback.count("ec2") == 1);
  CHECK(fallback["ec2"].find("instance t4g.") != std::string::npos);
  REQUIRE(fallback.count("fargate") == 1);
  CHECK(fallback["fargate"].find("fargate.x86_64.vcpu_hour") == std::string::npos);
  CHECK(fallback["fargate"].find("public_ipv4.hour") != std::string::npos);
}

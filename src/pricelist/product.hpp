#pragma once
// One product of a Price List file and one of its on-demand price dimensions, as the JSON and CSV readers hand them
// to the collector. Only the attributes the importer looks at are kept (the rest of a product is skipped as it is
// read), so a product costs a few hundred bytes whatever the file holds.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "caas/pricelist/pricelist.hpp"

namespace caas::pricelist {

enum class Attr : std::uint8_t {
  usagetype,
  operation,
  location,
  locationtype,
  regioncode,
  instancetype,
  vcpu,
  memory,
  gpu,
  physicalprocessor,
  tenancy,
  operatingsystem,
  licensemodel,
  preinstalledsw,
  capacitystatus,
  marketoption,
  currentgeneration,
  group,
  transfertype,
  fromlocation,
  fromregioncode,
  tolocation,
  volumeapiname,
  servicecode,
  count
};

// The attribute an attribute name or CSV column names, or nullopt. JSON writes camelCase ("instanceType",
// "preInstalledSw"), the CSV display names ("Instance Type", "Pre Installed S/W"): both are compared in lower case
// without spaces and punctuation.
std::optional<Attr> find_attr(std::string_view name);

struct Product {
  std::string sku;
  std::string family;  // productFamily / "Product Family"
  std::array<std::string, static_cast<std::size_t>(Attr::count)> attrs;
  const std::string& operator[](Attr a) const { return attrs[static_cast<std::size_t>(a)]; }
  std::string& operator[](Attr a) { return attrs[static_cast<std::size_t>(a)]; }
};

struct Dimension {
  std::string rate_code;
  std::string unit;
  std::string begin;  // beginRange / StartingRange ("" when absent)
  std::string end;    // endRange / EndingRange ("Inf" for the last tier)
  std::string usd;    // pricePerUnit.USD / PricePerUnit with Currency USD
};

// Where a kept product's prices go: a price key (or a tiered group of keys), or an EC2 instance.
enum class Slot : std::uint8_t {
  lambda_requests,
  lambda_x86_duration,
  lambda_arm_duration,
  lambda_storage,
  lambda_x86_provisioned_concurrency,
  lambda_x86_provisioned_duration,
  lambda_arm_provisioned_concurrency,
  lambda_arm_provisioned_duration,
  fargate_x86_vcpu,
  fargate_x86_gb,
  fargate_arm_vcpu,
  fargate_arm_gb,
  fargate_windows_vcpu,
  fargate_windows_gb,
  fargate_windows_license,
  fargate_ephemeral,
  ec2_gp3,
  apigw_http,
  apigw_rest,
  apigw_websocket_messages,
  apigw_websocket_minutes,
  alb_hour,
  alb_lcu,
  nlb_hour,
  nlb_nlcu,
  data_transfer_out,
  nat_hour,
  public_ipv4,
  ec2_linux,
  ec2_windows,
};

struct Classified {
  Slot slot;
  std::string region;
};

// The offers the importer reads ("AmazonEC2", ...), in the order the docs list them.
const std::vector<std::string_view>& known_offers();
bool is_known_offer(std::string_view offer);

// Which slot and region a product's on-demand prices fill, or nullopt for a product the cost model does not use
// (reserved capacity, dedicated tenancy, software, Spot, Lambda@Edge, free tiers, other offers' products...).
std::optional<Classified> classify(const Product& product, std::string_view offer);

// An AWS region code as the overlay may use it as a key: lower-case letters, digits and hyphens ("eu-west-1").
bool is_region_code(std::string_view code);

// The region code of a Price List location name ("EU (Ireland)" -> "eu-west-1"), or empty.
std::string_view region_of_location(std::string_view location);

// Collects the dimensions of kept products, by region, and turns them into prices and instances.
class Collector {
 public:
  // A product the readers have finished reading; returns whether its prices are wanted.
  bool add_product(Product product, std::string_view offer);
  bool wanted(std::string_view sku) const { return m_kept.count(std::string(sku)) > 0; }
  // An on-demand price dimension of `sku` (kept products only); false when it is not one the model uses.
  bool add_dimension(std::string_view sku, const Dimension& dimension, const std::string& offer,
                     const std::string& publication_date);
  // For readers of files where each row is product and price at once (CSV, get-products).
  bool add_row(const Product& product, const Dimension& dimension, const std::string& offer,
               const std::string& publication_date);

  std::map<std::string, RegionImport, std::less<>> regions() const;

 private:
  struct Kept {
    Classified where;
    Product product;
  };
  struct Priced {
    std::string sku;
    std::string usage_type;
    std::string offer;
    std::string publication_date;
    std::vector<std::pair<double, ImportedPrice>> tiers;  // by tier start
  };
  struct Instance {
    std::string sku;
    Product product;
    double usd = 0;
    std::string offer;
    std::string publication_date;
  };
  bool add(const Kept& kept, const Dimension& dimension, const std::string& offer, const std::string& publication_date);

  std::unordered_map<std::string, Kept> m_kept;
  // region -> slot -> the first SKU's tiers
  std::map<std::string, std::map<Slot, Priced>, std::less<>> m_priced;
  // region -> instance name -> Linux / Windows price
  std::map<std::string, std::map<std::string, Instance>, std::less<>> m_linux;
  std::map<std::string, std::map<std::string, Instance>, std::less<>> m_windows;
};

// "YYYY-MM-DD" of a publication date ("2023-03-22T14:56:51Z"), or empty when it is not one.
std::string date_of(std::string_view publication_date);

}  // namespace caas::pricelist

#pragma once
// AWS Price List files (offer files in JSON and CSV, and the JSON `aws pricing get-products` prints) read as a
// stream, and the prices the cost model uses written as a --pricing overlay. See docs/cost-model.md, "Importing
// AWS's Price List". Nothing here opens a file: the caller hands in a stream.
#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "caas/cost/price_table.hpp"
#include "caas/util/result.hpp"

namespace caas::pricelist {

// What one file gave: its offer, publication date and how many products it held and kept.
struct FileSummary {
  std::string file;
  std::string format;            // "json", "csv" or "get-products"
  std::string offer;             // "AmazonEC2", ...
  std::string publication_date;  // as the file writes it: "2025-09-12T22:53:08Z"
  std::uint64_t products = 0;    // products (JSON) or rows (CSV) read
  std::uint64_t prices = 0;      // on-demand price dimensions the cost model uses
  std::uint64_t bytes = 0;
};

// One price dimension the cost model uses, as the file gave it (already in the model's unit).
struct ImportedPrice {
  double usd = 0;
  std::optional<double> tier_from;
  std::optional<double> tier_to;
  std::string sku;
  std::string rate_code;
  std::string usage_type;
  std::string offer;
  std::string publication_date;
  std::string note;
};

struct ImportedInstance {
  cost::InstanceType type;  // source, collected and confidence filled in
  std::string sku;
};

// What the files gave for one region.
struct RegionImport {
  std::map<std::string, ImportedPrice, std::less<>> prices;  // by price key
  std::vector<ImportedInstance> instances;                   // Linux, by name
  std::vector<std::string> offers;                           // the offers that gave something, sorted
};

// The limits of a Price List file: no size limit (an EC2 file is gigabytes), but bounded strings, lines and nesting,
// so that memory stays bounded whatever the file holds.
struct Limits {
  std::size_t max_string = std::size_t{1} << 20;  // a JSON string or a CSV line
  int max_depth = 64;
};

// Reads files one after the other and keeps what the cost model uses, by region.
class Importer {
 public:
  explicit Importer(Limits limits = {});
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // Reads one file from `in` (`file` names it in messages). On error: one located diagnostic (file:line:column);
  // what the file gave before the error is kept, so a caller that writes nothing on error must stop there.
  util::Result<FileSummary> read(std::istream& in, const std::string& file);

  // The regions read so far, by region code, and the latest publication date among the files ("YYYY-MM-DD").
  std::map<std::string, RegionImport, std::less<>> regions() const;
  std::string latest_date() const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// The --pricing overlay for `regions`: every price the files gave (with its SKU, the file's publication date and
// confidence DOC), and every other key from `base` — the region's built-in value, or us-east-1's for a region `base`
// lacks — marked as such (cost::k_fallback_note), so that the overlay alone prices a workload there. `files` are
// named in the header comment.
std::string write_overlay(const std::map<std::string, RegionImport, std::less<>>& regions, const std::string& date,
                          const cost::PriceTable& base, const std::vector<FileSummary>& files);

}  // namespace caas::pricelist

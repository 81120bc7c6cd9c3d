// `pricing regions` and `pricing show REGION`: the regions the price table covers, and one region's prices, as text
// (aligned tables) and JSON.
#include <fmt/format.h>

#include <stdexcept>

#include "caas/report/pricing_report.hpp"
#include "caas/util/text.hpp"
#include "json_writer.hpp"
#include "text_layout.hpp"

namespace caas::report {

namespace {

using util::escape_control;

constexpr std::string_view k_schema = "caas-advisor/pricing/v1";

// "DOC 2, SECONDARY 12, UNCONFIRMED 92, assumption 1", strongest first.
std::string confidence_text(const std::map<std::string, int>& counts) {
  std::string out;
  for (const char* tag : {"DOC", "AWS-BLOG", "SECONDARY", "UNCONFIRMED", "assumption"})
    if (const auto it = counts.find(tag); it != counts.end())
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", tag, it->second);
  for (const auto& [tag, n] : counts)  // a tag an overlay may bring that the list above lacks
    if (out.find(tag) == std::string::npos)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", escape_control(tag), n);
  return out;
}

std::string dates_text(const PricedRegion& region) {
  return region.oldest == region.newest ? region.newest : region.oldest + " to " + region.newest;
}

std::string amount_text(const PriceLine& line) {
  if (line.amount_kind == "percent") return util::format_number(line.amount) + " %";
  if (line.amount_kind == "value") return util::format_number(line.amount);
  return "$" + util::format_number(line.amount);
}

std::string tiers_text(const PriceLine& line) {
  if (!line.tier_from) return {};
  const auto bound = [](double v) { return util::format_number(v); };
  return line.tier_to ? bound(*line.tier_from) + " to " + bound(*line.tier_to) : "over " + bound(*line.tier_from);
}

// An aligned table; `under[r]`, when given and not empty, is printed below row r, indented and wrapped (a source).
void write_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, const std::vector<Align>& align,
                 const std::vector<std::string>& under = {}) {
  std::vector<std::size_t> width(align.size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool last_left = i + 1 == row.size() && align[i] == Align::left;
      line += (i ? "  " : "") + (last_left ? row[i] : pad(row[i], width[i], align[i]));
    }
    out << line << '\n';
    if (r < under.size() && !under[r].empty())
      for (const auto& wrapped : wrap(under[r], 108)) out << "    " << wrapped << '\n';
  }
}

std::string source_text(const std::string& source, const std::string& note) {
  return escape_control(source) + (note.empty() ? "" : "; " + escape_control(note));
}

void write_counts(JsonWriter& json, const PricedRegion& region) {
  json.key("region");
  json.string(region.region);
  json.key("collected");
  json.begin_object();
  json.key("oldest");
  json.string(region.oldest);
  json.key("newest");
  json.string(region.newest);
  json.end_object();
  json.key("price_count");
  json.integer(region.price_count);
  json.key("instance_count");
  json.integer(region.instance_count);
  json.key("confidence");
  json.begin_object();
  for (const auto& [tag, n] : region.confidence) {
    json.key(tag);
    json.integer(n);
  }
  json.end_object();
}

void check_format(std::string_view format) {
  if (format != "text" && format != "json") throw std::invalid_argument("unknown pricing format");
}

// The opening of both JSON documents: their schema and the price table's date.
void begin_document(JsonWriter& json, const PricingView& view) {
  json.begin_object();
  json.key("schema");
  json.string(k_schema);
  json.key("date");
  json.string(view.date);
}

}  // namespace

const std::vector<std::string_view>& pricing_formats() {
  static const std::vector<std::string_view> k_formats = {"text", "json"};
  return k_formats;
}

void render_price_regions(std::ostream& out, const PricingView& view, std::string_view format) {
  check_format(format);
  if (format == "json") {
    {
      JsonWriter json(out);
      begin_document(json, view);
      json.key("regions");
      json.begin_array();
      for (const auto& region : view.regions) {
        json.begin_object();
        write_counts(json, region);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    out << '\n';
    return;
  }
  out << "prices of " << escape_control(view.date) << ": " << view.regions.size() << " regions\n\n";
  std::vector<std::vector<std::string>> rows{{"region", "collected", "prices", "instances", "confidence"}};
  for (const auto& region : view.regions)
    rows.push_back({escape_control(region.region), dates_text(region), std::to_string(region.price_count),
                    std::to_string(region.instance_count), confidence_text(region.confidence)});
  write_table(out, rows, {Align::left, Align::left, Align::right, Align::right, Align::left});
  out << "\nconfidence: DOC read in AWS's own pages or Price List files; SECONDARY third-party copies of them that\n"
         "agree; UNCONFIRMED not confirmed for the region (us-east-1's price, or us-east-1's times a regional\n"
         "ratio, as its source says); assumption a modelling choice. caas-advisor pricing show REGION lists a\n"
         "region's prices with their sources.\n";
}

void render_price_region(std::ostream& out, const PricingView& view, const PricedRegion& region,
                         std::string_view format) {
  check_format(format);
  if (format == "json") {
    {
      JsonWriter json(out);
      begin_document(json, view);
      write_counts(json, region);
      json.key("prices");
      json.begin_array();
      for (const auto& p : region.prices) {
        json.begin_object();
        json.key("key");
        json.string(p.key);
        json.key(p.amount_kind);
        json.number(p.amount);
        json.key("unit");
        json.string(p.unit);
        if (p.tier_from) {
          json.key("tier_from");
          json.number(*p.tier_from);
          json.key("tier_to");
          if (p.tier_to)
            json.number(*p.tier_to);
          else
            json.null();
        }
        json.key("confidence");
        json.string(p.confidence);
        json.key("collected");
        json.string(p.collected);
        json.key("source");
        json.string(p.source);
        json.key("note");
        json.string_or_null(p.note);
        json.end_object();
      }
      json.end_array();
      json.key("instances");
      json.begin_array();
      for (const auto& i : region.instances) {
        json.begin_object();
        json.key("name");
        json.string(i.name);
        json.key("vcpu");
        json.number(i.vcpu);
        json.key("memory_gib");
        json.number(i.memory_gib);
        json.key("gpus");
        json.integer(i.gpus);
        json.key("architecture");
        json.string(i.architecture);
        json.key("burstable");
        json.boolean(i.burstable);
        json.key("usd_per_hour");
        json.number(i.usd_per_hour);
        json.key("accelerator");
        json.string_or_null(i.accelerator);
        json.key("confidence");
        json.string(i.confidence);
        json.key("collected");
        json.string(i.collected);
        json.key("source");
        json.string(i.source);
        json.key("note");
        json.string_or_null(i.note);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    out << '\n';
    return;
  }
  out << escape_control(region.region) << ": " << region.price_count << " prices and " << region.instance_count
      << " EC2 instance types, collected " << dates_text(region) << " (prices of " << escape_control(view.date)
      << ")\nconfidence: " << confidence_text(region.confidence) << "\n\n";
  // Each price on one line, its source below it, so that every number can be checked where it came from.
  std::vector<std::vector<std::string>> rows{{"key", "amount", "unit", "tiers", "confidence", "collected"}};
  std::vector<std::string> sources{""};
  for (const auto& p : region.prices) {
    rows.push_back({escape_control(p.key), amount_text(p), escape_control(p.unit), tiers_text(p),
                    escape_control(p.confidence), escape_control(p.collected)});
    sources.push_back(source_text(p.source, p.note));
  }
  write_table(out, rows, {Align::left, Align::right, Align::left, Align::left, Align::left, Align::left}, sources);
  out << "\nEC2 instance types (Linux, on demand, shared tenancy)\n\n";
  std::vector<std::vector<std::string>> types{
      {"name", "vCPU", "memory GiB", "GPUs", "architecture", "burstable", "$/hour", "confidence"}};
  std::vector<std::string> type_sources{""};
  for (const auto& i : region.instances) {
    types.push_back({escape_control(i.name), util::format_number(i.vcpu), util::format_number(i.memory_gib),
                     std::to_string(i.gpus), escape_control(i.architecture), i.burstable ? "yes" : "no",
                     "$" + util::format_number(i.usd_per_hour), escape_control(i.confidence)});
    type_sources.push_back(source_text(i.source, i.note));
  }
  write_table(
      out, types,
      {Align::left, Align::right, Align::right, Align::right, Align::left, Align::left, Align::right, Align::left},
      type_sources);
}

}  // namespace caas::report

// `pricing regions` and `pricing show REGION`: the price table in effect (built in, merged with --pricing).
#include "caas/report/pricing_report.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"

namespace caas::cli {

namespace {

report::PricedRegion view_of(const cost::RegionPrices& region, bool with_prices) {
  const auto summary = cost::summarize_region(region);
  report::PricedRegion view;
  view.region = summary.region;
  view.oldest = summary.oldest;
  view.newest = summary.newest;
  view.confidence.insert(summary.confidence.begin(), summary.confidence.end());
  view.price_count = summary.prices;
  view.instance_count = summary.instances;
  if (!with_prices) return view;
  for (const auto& spec_key : cost::price_key_names()) {
    const auto it = region.prices.find(spec_key);
    if (it == region.prices.end()) continue;
    const auto& p = it->second;
    view.prices.push_back({std::string(spec_key), std::string(cost::amount_kind(spec_key)), p.usd, p.unit, p.tier_from,
                           p.tier_to, p.source, p.collected, p.confidence, p.note});
  }
  for (const auto& i : region.instances)
    view.instances.push_back({i.name, i.vcpu, i.memory_gib, i.gpus, i.architecture, i.burstable, i.usd_per_hour,
                              i.accelerator, i.source, i.collected, i.confidence, i.note});
  return view;
}

void add_options(CLI::App& sub, Options& options, std::string& format) {
  std::vector<std::string> formats(report::pricing_formats().begin(), report::pricing_formats().end());
  sub.add_option("-f,--format", format, "text or json")->check(CLI::IsMember(formats));
  sub.add_option("--pricing", options.pricing_file, "Price file merged over the built-in prices")->type_name("FILE");
}

class PricingRegionsCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* sub = pricing_group(app)->add_subcommand(
        "regions", "The regions with prices: when they were collected, and how sure they are");
    add_options(*sub, options, m_format);
    return sub;
  }

  int run(const Options& options, Io& io) override {
    auto context = load_context(options, io);
    if (!context) return 2;
    report::PricingView view{context->prices.date, {}};
    for (const auto& [name, region] : context->prices.regions) view.regions.push_back(view_of(region, false));
    report::render_price_regions(io.out, view, m_format);
    return 0;
  }

 private:
  std::string m_format = "text";
};

class PricingShowCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& options) override {
    auto* sub = pricing_group(app)->add_subcommand("show", "One region's prices, each with its source and date");
    sub->add_option("region", m_region, "Region code, such as eu-west-1")->required()->type_name("REGION");
    add_options(*sub, options, m_format);
    return sub;
  }

  int run(const Options& options, Io& io) override {
    auto context = load_context(options, io);
    if (!context) return 2;
    if (auto problem = cost::check_region(context->prices, m_region)) {
      auto d = util::make_error(problem->code, std::move(problem->message), {});
      d.hint = std::move(problem->hint);
      io.err << util::format_diagnostic(d);
      return 2;
    }
    const report::PricingView view{context->prices.date, {}};
    report::render_price_region(io.out, view, view_of(*context->prices.find_region(m_region), true), m_format);
    return 0;
  }

 private:
  std::string m_region;
  std::string m_format = "text";
};

}  // namespace

std::unique_ptr<Command> make_pricing_regions_command() { return std::make_unique<PricingRegionsCommand>(); }
std::unique_ptr<Command> make_pricing_show_command() { return std::make_unique<PricingShowCommand>(); }

}  // namespace caas::cli

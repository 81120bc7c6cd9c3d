#include "cli/context.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "caas/engine/waivers.hpp"
#include "caas/tables/builtin_tables.hpp"
#include "caas/util/diagnostic.hpp"
#include "caas/util/quantity.hpp"
#include "caas/util/suggest.hpp"
#include "caas/util/text.hpp"

#ifndef CAAS_VERSION
#define CAAS_VERSION "0.0.0"
#endif

namespace caas::cli {

std::string tool_version() { return CAAS_VERSION; }

namespace {

// Closes a file descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  ~Descriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

std::string over_limit(const std::string& what, const util::InputLimits& limits) {
  std::string message = what + ", larger than the limit of " +
                        util::format_quantity(static_cast<double>(limits.max_bytes), util::Kind::size);
  if (!limits.size_option.empty()) message += " (" + limits.size_option + ")";
  return message;
}

}  // namespace

std::optional<std::string> read_input(const std::string& path, const util::InputLimits& limits, ReadError& error) {
  // Non-blocking open: a FIFO without a writer would otherwise wait forever in open().
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  struct stat status {};
  if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0) {
    error.message = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(status.st_mode)) {
    error.message = "cannot read: it is a folder";
    return std::nullopt;
  }
  if (S_ISREG(status.st_mode) && static_cast<std::uintmax_t>(status.st_size) > limits.max_bytes) {
    error.message = over_limit("the file is " + std::to_string(status.st_size) + " bytes", limits);
    error.too_large = true;
    return std::nullopt;
  }
  // Blocking again, so that a pipe is read to its end however slow its writer.
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  // Read straight into the text: a regular file in one read of its size (plus one byte, to see it did not grow),
  // anything else in 64 KiB pieces.
  std::size_t piece = 65536;
  if (S_ISREG(status.st_mode)) piece = static_cast<std::size_t>(status.st_size) + 1;
  std::string text;
  for (;;) {
    const std::size_t want = std::min(piece, limits.max_bytes + 1 - text.size());
    const std::size_t before = text.size();
    text.resize(before + want);
    const ssize_t got = ::read(fd.get(), text.data() + before, want);
    const int read_error = errno;
    text.resize(before + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0 && read_error == EINTR) continue;
    if (got < 0) {
      error.message = std::string("cannot read: ") + std::strerror(read_error);
      return std::nullopt;
    }
    if (got == 0) return text;
    if (text.size() > limits.max_bytes) {
      error.message = over_limit("it holds more than " + std::to_string(limits.max_bytes) + " bytes", limits);
      error.too_large = true;
      return std::nullopt;
    }
    // A regular file is normally at its end now: check that with a small read, since each piece is zeroed first.
    piece = S_ISREG(status.st_mode) ? 4096 : 65536;
  }
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  const util::InputLimits generous{64 * util::k_mebibyte, 64, 100000, ""};
  ReadError failure;
  auto text = read_input(path, generous, failure);
  if (!text) error = std::move(failure.message);
  return text;
}

namespace {

// A file named by --rules or --pricing that cannot be read, as a diagnostic like any other.
util::Diagnostic unreadable(const std::string& file, const ReadError& error) {
  auto d = util::make_error(error.too_large ? util::Code("too-large") : util::Code("unreadable-file"), error.message,
                            {file, 0, 0});
  return d;
}

}  // namespace

std::optional<Context> load_context(const Options& options, util::Diagnostics& errors, report::ToolInfo& tool,
                                    const TableReader& read) {
  Context context;
  context.tool.version = tool_version();
  tool = context.tool;
  // The built-in tables are compiled in as data (src/tables): no YAML is parsed unless a user gives a file.
  auto builtin = tables::builtin_rules();
  if (!builtin) {
    for (auto& e : builtin.error()) {
      e.code = "internal-error";
      e.message = "the built-in rule table does not load (a bug): " + e.message;
      errors.push_back(std::move(e));
    }
    return std::nullopt;
  }
  context.rules = std::move(*builtin);
  context.prices = tables::builtin_prices();
  context.tool.rules_version = context.rules.revision;
  context.tool.pricing_date = context.prices.date;
  const auto before = errors.size();
  // Rule and price files may come from a pull request too; they get the loaders' fixed limit.
  const auto table_limits = util::table_limits();
  for (const auto& file : options.rule_files) {
    ReadError error;
    const auto text = read(file, table_limits, error);
    if (!text) {
      errors.push_back(unreadable(file, error));
      continue;
    }
    auto loaded = rules::load_rules(*text, file, {false, &context.rules});
    if (!loaded) {
      errors.insert(errors.end(), loaded.error().begin(), loaded.error().end());
      continue;
    }
    rules::merge(context.rules, std::move(*loaded));
  }
  // --disable names rules and checks alike, as waivers do.
  context.finding_ids = engine::finding_ids(context.rules);
  std::vector<std::string> disabled_rules;
  for (const auto& id : options.disabled) {
    if (context.rules.find_rule(id) != nullptr) {
      disabled_rules.push_back(id);
    } else if (engine::is_check_id(id)) {
      if (std::find(context.disabled_findings.begin(), context.disabled_findings.end(), id) ==
          context.disabled_findings.end())
        context.disabled_findings.push_back(id);
    } else {
      auto d = util::make_error("unknown-rule", "--disable names an unknown rule or check '" + id + "'", {});
      const std::vector<std::string_view> ids(context.finding_ids.begin(), context.finding_ids.end());
      if (auto guess = util::did_you_mean(id, ids)) d.hint = "did you mean '" + *guess + "'?";
      errors.push_back(std::move(d));
    }
  }
  if (auto disabled = rules::disable(context.rules, disabled_rules); !disabled)
    errors.insert(errors.end(), disabled.error().begin(), disabled.error().end());
  if (!options.pricing_file.empty()) {
    ReadError error;
    const auto text = read(options.pricing_file, util::price_file_limits(), error);
    if (!text) {
      errors.push_back(unreadable(options.pricing_file, error));
    } else if (auto loaded = cost::load_price_overlay(*text, options.pricing_file, context.prices); !loaded) {
      errors.insert(errors.end(), loaded.error().begin(), loaded.error().end());
    } else {
      cost::merge(context.prices, std::move(*loaded));
    }
  }
  // --region is checked against the prices in effect (a --pricing file may add a region), as a workload's is.
  if (!options.region.empty() && errors.size() == before) {
    if (auto problem = cost::check_region(context.prices, options.region)) {
      auto d = util::make_error(problem->code, "--region: " + problem->message, {});
      d.hint = std::move(problem->hint);
      errors.push_back(std::move(d));
    }
  }
  // A region the configuration's `workloads:` gives is checked the same way, located at its line there.
  if (errors.size() == before) {
    for (const auto& entry : options.workload_values) {
      const auto& field = entry.values.at("region");
      const auto region = entry.values.text("region");
      if (field.origin != model::Origin::written || !region) continue;
      if (auto problem = cost::check_region(context.prices, *region)) {
        auto d =
            util::make_error(problem->code, std::move(problem->message), {entry.values.file, field.line, field.column});
        d.hint = std::move(problem->hint);
        errors.push_back(std::move(d));
      }
    }
  }
  context.tool.rules_version = context.rules.revision;
  context.tool.pricing_date = context.prices.date;
  tool = context.tool;
  if (errors.size() != before) return std::nullopt;
  return context;
}

std::optional<util::Diagnostic> check_workload_region(const model::WorkloadProfile& profile,
                                                      const cost::PriceTable& prices, std::string_view text) {
  const auto& field = profile.at("region");
  if (field.origin == model::Origin::absent || field.origin == model::Origin::defaulted) return std::nullopt;
  const auto region = profile.text("region");
  if (!region) return std::nullopt;  // not text: the parser has reported it
  auto problem = cost::check_region(prices, *region);
  if (!problem) return std::nullopt;
  const int span = static_cast<int>(std::max<std::size_t>(1, field.written.size()));
  auto d = util::make_error(
      problem->code, std::move(problem->message),
      {profile.file, field.line > 0 ? field.line : profile.line, field.line > 0 ? field.column : profile.column}, text,
      span);
  d.hint = std::move(problem->hint);
  return d;
}

std::optional<Context> load_context(const Options& options, Io& io, const TableReader& read) {
  util::Diagnostics errors;
  report::ToolInfo tool;
  auto context = load_context(options, errors, tool, read);
  for (const auto& d : errors) io.err << util::format_diagnostic(d);
  return context;
}

}  // namespace caas::cli

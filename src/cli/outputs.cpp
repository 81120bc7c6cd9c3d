#include "cli/outputs.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace caas::cli {

namespace {

bool set_to(Io& io, const char* name, std::initializer_list<std::string_view> values) {
  const auto value = io.getenv(name);
  return value && std::find(values.begin(), values.end(), *value) != values.end();
}

bool set_on(Io& io, const char* name) {
  const auto value = io.getenv(name);
  return value && !value->empty() && *value != "0";
}

// COLUMNS, else the terminal's width; nullopt when neither says.
std::optional<std::size_t> given_columns(Io& io) {
  if (const auto columns = io.getenv("COLUMNS"); columns && !columns->empty()) {
    std::size_t value = 0;
    bool digits = columns->size() <= 4;
    for (const char c : *columns) {
      digits = digits && c >= '0' && c <= '9';
      if (digits) value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    if (digits && value > 0) return value;
  }
  winsize size{};
  if (io.out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return std::nullopt;
}

}  // namespace

bool use_color(const Options& options, Io& io, bool is_terminal) {
  if (options.color == "always") return true;
  if (options.color == "never") return false;
  if (set_to(io, "FORCE_COLOR", {"0", "false"})) return false;
  if (set_on(io, "FORCE_COLOR") || set_on(io, "CLICOLOR_FORCE")) return true;
  if (const auto no_color = io.getenv("NO_COLOR"); no_color && !no_color->empty()) return false;
  return is_terminal;
}

std::size_t text_width(Io& io) {
  return std::clamp(given_columns(io).value_or(report::k_text_width), report::k_min_text_width,
                    report::k_max_text_width);
}

std::size_t terminal_columns(Io& io) {
  constexpr std::size_t k_default = 80;
  constexpr std::size_t k_most = 160;
  return std::min(given_columns(io).value_or(k_default), k_most);
}

bool dumb_terminal(Io& io) {
  const auto term = io.getenv("TERM");
  return term && *term == "dumb";
}

bool show_progress(const Options& options, Io& io) {
  if (!io.err_is_terminal || options.quiet) return false;
  if (const auto ci = io.getenv("CI"); ci && !ci->empty() && *ci != "false" && *ci != "0") return false;
  if (const auto term = io.getenv("TERM"); term && *term == "dumb") return false;
  return true;
}

std::optional<std::vector<FormatSpec>> parse_format_specs(const std::vector<std::string>& specs,
                                                          const std::vector<std::string_view>& names, Io& io) {
  std::vector<FormatSpec> out;
  int to_stdout = 0;
  for (const auto& spec : specs.empty() ? std::vector<std::string>{"text"} : specs) {
    FormatSpec parsed;
    const auto eq = spec.find('=');
    parsed.format = spec.substr(0, eq);
    if (eq != std::string::npos) parsed.path = spec.substr(eq + 1);
    if (std::find(names.begin(), names.end(), parsed.format) == names.end()) {
      std::string known;
      for (const auto& name : names) known += (known.empty() ? "" : ", ") + std::string(name);
      io.err << "caas-advisor: error: unknown format '" << parsed.format << "'; expected one of " << known << '\n';
      return std::nullopt;
    }
    if (eq != std::string::npos && parsed.path.empty()) {
      io.err << "caas-advisor: error: --format " << spec << " names no file\n";
      return std::nullopt;
    }
    if (parsed.path.empty() && ++to_stdout > 1) {
      io.err << "caas-advisor: error: at most one --format may write to standard output; give the others =PATH\n";
      return std::nullopt;
    }
    out.push_back(std::move(parsed));
  }
  return out;
}

std::optional<std::vector<Output>> open_outputs(const Options& options, const report::RenderOptions& render, Io& io) {
  std::vector<std::string_view> names;
  for (const auto& f : report::formats()) names.push_back(f.name);
  const auto specs = parse_format_specs(options.formats, names, io);
  if (!specs) return std::nullopt;
  std::vector<Output> outputs;
  for (const auto& spec : *specs) {
    Output output;
    output.format = spec.format;
    output.path = spec.path;
    const auto* format = report::find_format(output.format);
    report::RenderOptions options_for = render;
    if (output.path.empty()) {
      output.renderer = format->make(io.out, options_for);
    } else {
      options_for.color = false;
      output.temp_path = output.path + ".tmp-" + std::to_string(getpid());
      output.file = std::make_unique<std::ofstream>(output.temp_path, std::ios::binary | std::ios::trunc);
      if (!*output.file) {
        io.err << output.path << ": error: cannot write the report\n";
        discard_outputs(outputs);
        return std::nullopt;
      }
      output.renderer = format->make(*output.file, options_for);
    }
    outputs.push_back(std::move(output));
  }
  return outputs;
}

bool write_file_atomically(const std::string& path, const std::string& text, Io& io) {
  const std::string temp_path = path + ".tmp-" + std::to_string(getpid());
  std::ofstream file(temp_path, std::ios::binary | std::ios::trunc);
  file << text;
  file.flush();
  const bool written = file.good();
  file.close();
  std::error_code ec;
  if (written) std::filesystem::rename(temp_path, path, ec);
  if (!written || ec) {
    io.err << path << ": error: cannot write the report" << (ec ? ": " + ec.message() : "") << '\n';
    std::filesystem::remove(temp_path, ec);
    return false;
  }
  return true;
}

bool commit_outputs(std::vector<Output>& outputs, Io& io) {
  bool ok = true;
  for (auto& output : outputs) {
    output.renderer.reset();
    if (!output.file) continue;
    output.file->flush();
    const bool written = output.file->good();
    output.file->close();
    std::error_code ec;
    if (written) std::filesystem::rename(output.temp_path, output.path, ec);
    if (!written || ec) {
      io.err << output.path << ": error: cannot write the report" << (ec ? ": " + ec.message() : "") << '\n';
      std::filesystem::remove(output.temp_path, ec);
      ok = false;
    }
  }
  io.out.flush();
  return ok;
}

void discard_outputs(std::vector<Output>& outputs) {
  for (auto& output : outputs) {
    output.renderer.reset();
    if (!output.file) continue;
    output.file->close();
    std::error_code ec;
    std::filesystem::remove(output.temp_path, ec);
  }
}

}  // namespace caas::cli

#pragma once
// -f FMT[=PATH]: which renderers run, where each writes, and writing files atomically (temporary file, then rename).
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/report/report.hpp"
#include "cli/options.hpp"

namespace caas::cli {

struct Output {
  std::string format;
  std::string path;  // empty: standard output
  std::string temp_path;
  std::unique_ptr<std::ofstream> file;
  std::unique_ptr<report::Renderer> renderer;
};

// One -f FMT[=PATH]; an empty path is standard output.
struct FormatSpec {
  std::string format;
  std::string path;
};

// Splits the -f values (none: text on standard output) and checks them against the format names: an unknown format,
// an empty PATH, or more than one format on standard output is printed, and gives nullopt (exit 2).
std::optional<std::vector<FormatSpec>> parse_format_specs(const std::vector<std::string>& specs,
                                                          const std::vector<std::string_view>& names, Io& io);

// Writes a whole file through a temporary file renamed into place; a failure is printed and returns false.
bool write_file_atomically(const std::string& path, const std::string& text, Io& io);

// Opens every output named by --format (default: text on standard output). Errors are printed; nullopt means
// exit 2.
std::optional<std::vector<Output>> open_outputs(const Options& options, const report::RenderOptions& render, Io& io);

// Closes the files and renames them into place; a failure is printed and returns false.
bool commit_outputs(std::vector<Output>& outputs, Io& io);

// Removes temporary files (after an error).
void discard_outputs(std::vector<Output>& outputs);

// Colour on a stream: an explicit --color wins; then FORCE_COLOR or CLICOLOR_FORCE set to anything but "" or "0"
// turns it on (FORCE_COLOR=0 off), as CI systems that show colour ask; then NO_COLOR turns it off; then whether the
// stream is a terminal.
bool use_color(const Options& options, Io& io, bool is_terminal);

// Columns of the text layout: COLUMNS when set to a number, else the width of standard output when it is a
// terminal, else 100 (a pipe, a file, a CI log); never fewer than 60 nor more than 160.
std::size_t text_width(Io& io);

// Columns of the terminal for drawings: COLUMNS when set to a number, else the width of standard output when it is
// a terminal, else 80; at most 160.
std::size_t terminal_columns(Io& io);

// TERM=dumb: a terminal that shows only ASCII and no cursor movement.
bool dumb_terminal(Io& io);

// The progress bar of a large batch: only on a terminal, never with --quiet, and never in a CI job (CI set, as
// GitHub Actions, GitLab and most others set it, even when they give the job a pseudo-terminal) or on TERM=dumb.
bool show_progress(const Options& options, Io& io);

}  // namespace caas::cli

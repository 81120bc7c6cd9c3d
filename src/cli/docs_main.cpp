// caas-advisor-docs OUTDIR: writes the manual page and the shell completion scripts, rendered from the command
// table caas-advisor parses with. Run at build time; the files are installed, the program is not.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command_info.hpp"
#include "cli/command_line.hpp"
#include "cli/completion.hpp"
#include "cli/man_page.hpp"

namespace {

bool write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "caas-advisor-docs: cannot write " << path << '\n';
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: caas-advisor-docs OUTDIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto line = caas::cli::make_command_line();
  const auto root = caas::cli::describe(line->app);

  std::ostringstream man;
  caas::cli::render_man_page(root, {CAAS_VERSION, CAAS_RELEASE_DATE}, man);
  bool ok = write(dir + "/caas-advisor.1", man.str());
  // Each shell's file name is the one its loader looks for (see cmake/Install.cmake).
  const std::pair<const char*, const char*> files[] = {
      {"bash", "/caas-advisor"}, {"zsh", "/_caas-advisor"}, {"fish", "/caas-advisor.fish"}};
  for (const auto& [shell, name] : files) {
    std::ostringstream script;
    caas::cli::render_completion(root, shell, script);
    ok = write(caas::cli::concat({dir, "/completions/", shell, name}), script.str()) && ok;
  }
  return ok ? 0 : 1;
}

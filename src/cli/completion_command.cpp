// `completion bash|zsh|fish`: the shell completion script, rendered from the command table this binary parses
// with, so it always matches the binary's commands and options.
#include "cli/command_info.hpp"
#include "cli/commands.hpp"
#include "cli/completion.hpp"

namespace caas::cli {

namespace {

class CompletionCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app, Options& /*options*/) override {
    m_root = &app;
    auto* sub = app.add_subcommand("completion", "Shell completion script for bash, zsh or fish");
    sub->add_option("shell", m_shell, "The shell")->required()->check(CLI::IsMember(completion_shells()));
    sub->footer(
        "Install: caas-advisor completion bash > ~/.local/share/bash-completion/completions/caas-advisor\n"
        "         caas-advisor completion zsh > ~/.zfunc/_caas-advisor  (with ~/.zfunc in fpath)\n"
        "         caas-advisor completion fish > ~/.config/fish/completions/caas-advisor.fish");
    return sub;
  }

  int run(const Options& /*options*/, Io& io) override {
    render_completion(describe(*m_root), m_shell, io.out);
    io.out.flush();
    return 0;
  }

 private:
  const CLI::App* m_root = nullptr;
  std::string m_shell;
};

}  // namespace

std::unique_ptr<Command> make_completion_command() { return std::make_unique<CompletionCommand>(); }

}  // namespace caas::cli

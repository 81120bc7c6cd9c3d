#include "cli/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere else

namespace caas::cli {

namespace {

// A pipe whose two ends close with it.
struct Pipe {
  std::array<int, 2> fd{-1, -1};
  Pipe() {
    if (::pipe2(fd.data(), O_CLOEXEC) != 0) fd = {-1, -1};
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  bool ok() const { return fd[0] >= 0; }
  void close_end(int end) {
    if (fd[end] >= 0) ::close(fd[end]);
    fd[end] = -1;
  }
};

// A write to the child's input that cannot kill this process when the child has stopped reading: SIGPIPE is held
// back for the call, and one it raised is taken before it is let through again (the write then fails with EPIPE).
ssize_t write_without_sigpipe(int fd, const char* data, std::size_t size) {
  sigset_t pipe_signal;
  sigset_t previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  const auto n = ::write(fd, data, size);
  const int saved = errno;
  if (n < 0 && saved == EPIPE) {
    const timespec no_wait{0, 0};
    while (sigtimedwait(&pipe_signal, nullptr, &no_wait) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = saved;
  return n;
}

// Serves the child's three pipes until its output ends: input written as it is taken, output read as it comes.
void serve(Pipe& in, Pipe& out, Pipe& err, const std::string& input, ProcessRun& run) {
  std::size_t written = 0;
  if (input.empty()) in.close_end(1);
  std::array<char, 65536> buffer{};
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    std::array<pollfd, 3> fds{};
    nfds_t count = 0;
    auto watch = [&](int fd, short events) {
      if (fd >= 0) fds[count++] = {fd, events, 0};
    };
    watch(out.fd[0], POLLIN);
    watch(err.fd[0], POLLIN);
    watch(in.fd[1], POLLOUT);
    if (::poll(fds.data(), count, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.fd[1]) {
        const auto n = write_without_sigpipe(in.fd[1], input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == input.size()) in.close_end(1);  // EPIPE: the child stopped reading
        continue;
      }
      Pipe& pipe = fds[i].fd == out.fd[0] ? out : err;
      std::string& text = &pipe == &out ? run.out : run.err;
      const auto n = ::read(pipe.fd[0], buffer.data(), buffer.size());
      if (n > 0)
        text.append(buffer.data(), static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR)
        pipe.close_end(0);
    }
  }
  in.close_end(1);
}

}  // namespace

ProcessRun run_process(const std::vector<std::string>& argv, const std::string& input) {
  ProcessRun run;
  Pipe in;
  Pipe out;
  Pipe err;
  if (!in.ok() || !out.ok() || !err.ok()) {
    run.error = std::strerror(errno);
    return run;
  }
  // The parent's write end must not block the loop, and a closed reader must not kill the process.
  ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], STDERR_FILENO);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));  // NOLINT: posix_spawn's signature
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    run.error = std::strerror(spawned);
    return run;
  }
  run.started = true;
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);
  serve(in, out, err, input, run);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  return run;
}

}  // namespace caas::cli

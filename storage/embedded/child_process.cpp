#include "storage/embedded/child_process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>

extern char** environ;

namespace cohort::storage::embedded {

namespace {

// Everything below runs between fork and exec: async-signal-safe calls only.
void reset_signals() {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) sigaction(sig, &dfl, nullptr);
}

void close_inherited_fds(int keep_fd) {
  // Keep only stdio and the exec-error pipe: a listening socket of Cohort must not live on in an
  // orphaned postgres.
  int target = 3;
  if (keep_fd != target) {
    dup3(keep_fd, target, O_CLOEXEC);
  }
  if (syscall(SYS_close_range, target + 1, ~0U, 0) != 0) {
    for (int fd = target + 1; fd < 4096; ++fd) close(fd);
  }
}

[[noreturn]] void fail_child(int error_fd, int error) {
  (void)!write(error_fd, &error, sizeof error);
  _exit(127);
}

bool drop_privileges(const credentials& user) {
  if (setgroups(user.groups.size(), user.groups.data()) != 0) return false;
  if (setgid(user.gid) != 0) return false;
  if (setuid(user.uid) != 0) return false;
  return true;
}

}  // namespace

std::optional<credentials> lookup_user(const std::string& name) {
  std::vector<char> buffer(16384);
  struct passwd entry {};
  struct passwd* found = nullptr;
  if (getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
    return std::nullopt;
  }
  credentials user;
  user.name = name;
  user.uid = found->pw_uid;
  user.gid = found->pw_gid;
  int count = 64;
  user.groups.resize(static_cast<size_t>(count));
  if (getgrouplist(name.c_str(), user.gid, user.groups.data(), &count) < 0) {
    user.groups.resize(static_cast<size_t>(count));
    getgrouplist(name.c_str(), user.gid, user.groups.data(), &count);
  }
  user.groups.resize(static_cast<size_t>(count));
  return user;
}

spawned spawn(const spawn_options& options) {
  spawned out;
  if (options.argv.empty()) {
    out.error = "no program given";
    return out;
  }
  std::vector<char*> argv;
  for (const auto& arg : options.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& var : options.env) envp.push_back(const_cast<char*>(var.c_str()));
  envp.push_back(nullptr);
  std::string dir = options.working_dir.string();

  int error_pipe[2];
  if (pipe2(error_pipe, O_CLOEXEC) != 0) {
    out.error = std::string("pipe: ") + std::strerror(errno);
    return out;
  }
  int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  int output = options.output_fd >= 0 ? options.output_fd : null_fd;

  pid_t pid = fork();
  if (pid == 0) {
    close(error_pipe[0]);
    if (options.new_process_group) setpgid(0, 0);
    reset_signals();
    dup2(null_fd, 0);
    dup2(output, 1);
    dup2(output, 2);
    close_inherited_fds(error_pipe[1]);
    const int error_fd = 3;
    if (options.run_as && !drop_privileges(*options.run_as)) fail_child(error_fd, errno);
    if (!dir.empty() && chdir(dir.c_str()) != 0) fail_child(error_fd, errno);
    execve(argv[0], argv.data(), envp.data());
    fail_child(error_fd, errno);
  }
  close(error_pipe[1]);
  if (null_fd >= 0) close(null_fd);
  if (pid < 0) {
    out.error = std::string("fork: ") + std::strerror(errno);
    close(error_pipe[0]);
    return out;
  }
  int child_errno = 0;
  ssize_t got;
  do {
    got = read(error_pipe[0], &child_errno, sizeof child_errno);
  } while (got < 0 && errno == EINTR);
  close(error_pipe[0]);
  if (got == static_cast<ssize_t>(sizeof child_errno)) {
    waitpid(pid, nullptr, 0);
    out.error = "cannot run " + options.argv[0] + ": " + std::strerror(child_errno);
    return out;
  }
  out.pid = pid;
  return out;
}

std::optional<int> wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) return 0;  // not our child (any more): nothing to wait for
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exited with code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "ended with status " + std::to_string(status);
}

std::vector<std::string> child_environment() {
  std::vector<std::string> env;
  for (char** var = environ; var && *var; ++var) {
    std::string_view entry(*var);
    if (entry.starts_with("LC_") || entry.starts_with("LANG=") || entry.starts_with("LANGUAGE=") ||
        entry.starts_with("PG")) {
      continue;
    }
    env.emplace_back(entry);
  }
  env.emplace_back("LC_ALL=C");
  return env;
}

bool process_alive(pid_t pid) {
  if (pid <= 0) return false;
  if (kill(pid, 0) != 0 && errno != EPERM) return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  auto close_paren = line.rfind(')');
  return close_paren == std::string::npos || close_paren + 2 >= line.size() ||
         line[close_paren + 2] != 'Z';
}

std::optional<std::size_t> first_untraversable(const std::vector<std::filesystem::path>& paths,
                                               const credentials& user) {
  std::vector<std::string> names;
  for (const auto& path : paths) names.push_back(path.string());
  const std::size_t count = std::min<std::size_t>(names.size(), 200);
  pid_t pid = fork();
  if (pid == 0) {
    if (!drop_privileges(user)) _exit(255);
    for (std::size_t i = 0; i < count; ++i) {
      if (access(names[i].c_str(), X_OK) != 0) _exit(static_cast<int>(i));
    }
    _exit(254);
  }
  if (pid < 0) return std::nullopt;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status)) return std::nullopt;
  int code = WEXITSTATUS(status);
  if (code >= 254) return std::nullopt;  // all traversable, or the check itself failed
  return static_cast<std::size_t>(code);
}

}  // namespace cohort::storage::embedded

#include "storage/embedded/stale_postmaster.hpp"

#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <thread>

#include <spdlog/spdlog.h>

#include "storage/embedded/child_process.hpp"

namespace cohort::storage::embedded {

namespace {

bool wait_gone(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (process_alive(pid)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace

std::optional<pid_t> read_postmaster_pid(const std::filesystem::path& pgdata) {
  std::ifstream in(pgdata / "postmaster.pid");
  long pid = 0;
  if (!(in >> pid) || pid <= 0) return std::nullopt;
  return static_cast<pid_t>(pid);
}

bool is_postmaster_of(pid_t pid, const std::filesystem::path& pgdata) {
  if (!process_alive(pid)) return false;
  const std::string proc = "/proc/" + std::to_string(pid);
  std::ifstream cmdline_file(proc + "/cmdline");
  std::string cmdline((std::istreambuf_iterator<char>(cmdline_file)),
                      std::istreambuf_iterator<char>());
  const std::string wanted = std::string("-D") + '\0' + pgdata.string() + '\0';
  if (cmdline.find("postgres") != std::string::npos && cmdline.find(wanted) != std::string::npos) {
    return true;
  }
  std::error_code ec;
  auto cwd = std::filesystem::read_symlink(proc + "/cwd", ec);
  return !ec && std::filesystem::equivalent(cwd, pgdata, ec);
}

stale_cleanup clear_stale_postmaster(const std::filesystem::path& pgdata,
                                     const std::filesystem::path& socket_dir,
                                     std::chrono::milliseconds timeout) {
  stale_cleanup cleanup;
  auto pid = read_postmaster_pid(pgdata);
  if (!pid) return cleanup;
  if (is_postmaster_of(*pid, pgdata)) {
    spdlog::warn("stopping PostgreSQL (pid {}) left running on {} by a previous Cohort", *pid,
                 pgdata.string());
    kill(*pid, SIGINT);  // fast shutdown: roll back open transactions, checkpoint, exit
    if (!wait_gone(*pid, timeout)) {
      kill(*pid, SIGQUIT);  // immediate shutdown: crash recovery on the next start
      if (!wait_gone(*pid, std::chrono::seconds(5))) {
        kill(*pid, SIGKILL);
        if (!wait_gone(*pid, std::chrono::seconds(5))) {
          cleanup.error = "PostgreSQL (pid " + std::to_string(*pid) + ") left running on " +
                          pgdata.string() + " does not stop";
          return cleanup;
        }
      }
    }
    cleanup.stopped_orphan = *pid;
  }
  // The postmaster is gone. Its pid file may name a pid that now belongs to another process, which
  // would make postgres refuse to start; we hold the data directory lock, so nobody else uses it.
  std::error_code ec;
  if (std::filesystem::exists(pgdata / "postmaster.pid", ec)) {
    cleanup.removed_pid_file = std::filesystem::remove(pgdata / "postmaster.pid", ec);
  }
  for (const auto& entry : std::filesystem::directory_iterator(socket_dir, ec)) {
    if (entry.path().filename().string().starts_with(".s.PGSQL.")) {
      std::filesystem::remove(entry.path(), ec);
    }
  }
  return cleanup;
}

}  // namespace cohort::storage::embedded

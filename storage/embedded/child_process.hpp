// Starting and stopping the server's helper processes (initdb, postgres): fork + exec with output
// to a file, optionally as another user (root must run PostgreSQL as `postgres`), in a new process
// group, with only stdio inherited. No shell, no su/sudo.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cohort::storage::embedded {

// A system user to run a child as, resolved before fork (initgroups is not safe after it).
struct credentials {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;
};
std::optional<credentials> lookup_user(const std::string& name);

struct spawn_options {
  std::vector<std::string> argv;  // argv[0] is the program's path
  std::vector<std::string> env;   // the child's whole environment, "NAME=value"
  int output_fd = -1;             // stdout and stderr; -1 for /dev/null
  std::optional<credentials> run_as;
  bool new_process_group = false;  // so that a terminal's Ctrl-C reaches only the parent
  std::filesystem::path working_dir;
};

struct spawned {
  pid_t pid = -1;
  std::string error;  // why the child could not start (fork, credentials or exec failure)
  bool ok() const { return pid > 0; }
};
spawned spawn(const spawn_options& options);

// The wait status once the child has exited, or nothing if it is still running at the deadline.
std::optional<int> wait_exit(pid_t pid, std::chrono::milliseconds timeout);
// "exited with code 1", "killed by signal 9".
std::string describe_exit(int status);

// This process's environment without locale and libpq variables, plus LC_ALL=C: children behave the
// same wherever Cohort runs and print messages in English.
std::vector<std::string> child_environment();

// Whether `pid` is a live process (not a zombie) - for processes that are not our children.
bool process_alive(pid_t pid);

// Runs `check` paths through access(X_OK) as `user` in a forked child; returns the index of the
// first one the user cannot traverse, or nothing when all can be.
std::optional<std::size_t> first_untraversable(const std::vector<std::filesystem::path>& paths,
                                               const credentials& user);

}  // namespace cohort::storage::embedded

// Clearing what a crashed Cohort left behind in its data directory: a postgres it started that
// still runs (orphaned when Cohort was killed), or a postmaster.pid naming a dead process whose pid
// may since have been reused. Only called while holding the data directory's lock.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace cohort::storage::embedded {

// The pid on the first line of <pgdata>/postmaster.pid, if the file exists and has one.
std::optional<pid_t> read_postmaster_pid(const std::filesystem::path& pgdata);

// Whether `pid` is a live postgres serving `pgdata` (its command line names it with -D, or its
// working directory is it).
bool is_postmaster_of(pid_t pid, const std::filesystem::path& pgdata);

struct stale_cleanup {
  std::optional<pid_t> stopped_orphan;  // a running postgres we stopped
  bool removed_pid_file = false;        // a pid file of a dead postmaster we removed
  std::string error;                    // an orphan that would not stop
};

// Stops an orphaned postmaster of `pgdata` (fast shutdown, then immediate, then SIGKILL) and
// removes stale pid and socket lock files.
stale_cleanup clear_stale_postmaster(const std::filesystem::path& pgdata,
                                     const std::filesystem::path& socket_dir,
                                     std::chrono::milliseconds timeout);

}  // namespace cohort::storage::embedded

// A private PostgreSQL under Cohort's data directory: initdb on first start, then `postgres` as a
// child process listening only on a unix socket in <dir>/run. As root the server runs as the
// `postgres` user. Failures are values with a clear message, never exceptions.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/embedded/child_process.hpp"
#include "storage/embedded/data_dir_lock.hpp"

namespace cohort::storage::embedded {

struct embedded_options {
  std::filesystem::path data_dir = ".cohort";
  std::filesystem::path bin_dir;         // empty: find the server programs (postgres_binaries.hpp)
  std::string run_as_user = "postgres";  // used only when started as root
  std::string shared_buffers = "128MB";
  int max_connections = 100;
  bool fsync = true;
  // Further `postgres -c name=value` settings.
  std::vector<std::pair<std::string, std::string>> settings;
  std::chrono::milliseconds start_timeout{60000};
  std::chrono::milliseconds stop_timeout{15000};
};

enum class embedded_errc {
  data_dir_not_writable,
  data_dir_path_too_long,  // the socket path would pass the 107 bytes a unix socket allows
  already_running,         // another Cohort holds <dir>/cohort.lock
  binaries_missing,
  user_missing,              // root, but no `postgres` user to run the server as
  data_dir_not_traversable,  // root, and the postgres user cannot reach the data directory
  not_a_data_dir,            // <dir>/postgres exists but is not a PostgreSQL data directory
  initdb_failed,
  start_failed,
  stale_server,  // a server left by a crashed Cohort would not stop
};

struct embedded_error {
  embedded_errc code;
  std::string message;
};

// What the last start() did and how long it took.
struct start_report {
  bool ran_initdb = false;
  std::optional<pid_t> stopped_orphan;
  std::chrono::milliseconds initdb_time{0};
  std::chrono::milliseconds total_time{0};
};

class embedded_postgres {
 public:
  static constexpr int port = 5432;  // only names the socket file; nothing listens on TCP
  static constexpr std::size_t max_socket_path = 107;

  explicit embedded_postgres(embedded_options options);
  ~embedded_postgres();  // stops the server
  embedded_postgres(const embedded_postgres&) = delete;
  embedded_postgres& operator=(const embedded_postgres&) = delete;

  // Blocks until the server accepts connections; nothing on success.
  std::optional<embedded_error> start();
  // Fast shutdown (SIGINT), then immediate (SIGQUIT) and SIGKILL after stop_timeout.
  void stop();

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  const std::string& conninfo() const { return conninfo_; }
  const std::filesystem::path& data_dir() const { return dir_; }
  std::filesystem::path pgdata() const { return dir_ / "postgres"; }
  std::filesystem::path socket_dir() const { return dir_ / "run"; }
  std::filesystem::path log_file() const { return dir_ / "postgres.log"; }
  const start_report& last_start() const { return report_; }

 private:
  std::optional<embedded_error> prepare_dirs();
  std::optional<embedded_error> initdb();
  std::optional<embedded_error> launch();
  std::optional<embedded_error> wait_ready(std::uintmax_t log_offset);
  void chown_to_server_user(const std::filesystem::path& path);

  embedded_options options_;
  std::filesystem::path dir_;
  std::filesystem::path bin_dir_;
  std::optional<credentials> server_user_;  // set when running as root
  data_dir_lock lock_;
  std::string conninfo_;
  pid_t pid_ = -1;
  start_report report_;
};

// Whether <dir>/run/.s.PGSQL.<port> fits in a unix socket address.
bool socket_path_fits(const std::filesystem::path& data_dir);

// The last `lines` lines of a file, starting at byte `offset` (for error messages).
std::string tail_of_file(const std::filesystem::path& file, std::size_t lines,
                         std::uintmax_t offset = 0);

}  // namespace cohort::storage::embedded

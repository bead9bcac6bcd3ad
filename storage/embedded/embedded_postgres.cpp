#include "storage/embedded/embedded_postgres.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <deque>
#include <fstream>
#include <thread>

#include <spdlog/spdlog.h>

#include "storage/embedded/postgres_binaries.hpp"
#include "storage/embedded/stale_postmaster.hpp"
#include "storage/pg/conninfo.hpp"

namespace cohort::storage::embedded {

namespace {

using clock_type = std::chrono::steady_clock;

std::chrono::milliseconds since(clock_type::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start);
}

embedded_error fail(embedded_errc code, std::string message) {
  return embedded_error{code, std::move(message)};
}

// Opens a log file for a child's output, rotating it once it grows large.
int open_log(const std::filesystem::path& file, bool truncate) {
  std::error_code ec;
  if (!truncate && std::filesystem::file_size(file, ec) > 16 * 1024 * 1024 && !ec) {
    std::filesystem::rename(file, file.string() + ".1", ec);
  }
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : O_APPEND);
  return open(file.c_str(), flags, 0640);
}

}  // namespace

bool socket_path_fits(const std::filesystem::path& data_dir) {
  auto socket = data_dir / "run" / (".s.PGSQL." + std::to_string(embedded_postgres::port));
  return socket.string().size() <= embedded_postgres::max_socket_path;
}

std::string tail_of_file(const std::filesystem::path& file, std::size_t lines,
                         std::uintmax_t offset) {
  std::ifstream in(file);
  if (offset) in.seekg(static_cast<std::streamoff>(offset));
  std::deque<std::string> last;
  std::string line;
  while (std::getline(in, line)) {
    last.push_back(line);
    if (last.size() > lines) last.pop_front();
  }
  std::string out;
  for (const auto& kept : last) out += kept + "\n";
  return out;
}

embedded_postgres::embedded_postgres(embedded_options options) : options_(std::move(options)) {
  dir_ = std::filesystem::absolute(options_.data_dir).lexically_normal();
  if (dir_.has_filename() == false) dir_ = dir_.parent_path();
  conninfo_ = pg::unix_socket_conninfo(socket_dir(), port, "postgres", "postgres");
}

embedded_postgres::~embedded_postgres() {
  stop();
}

std::optional<embedded_error> embedded_postgres::start() {
  if (running()) return std::nullopt;
  auto started = clock_type::now();
  report_ = {};
  if (!socket_path_fits(dir_)) {
    return fail(embedded_errc::data_dir_path_too_long,
                "data directory path " + dir_.string() + " is too long: the PostgreSQL socket " +
                    (socket_dir() / ".s.PGSQL.5432").string() + " would pass the " +
                    std::to_string(max_socket_path) +
                    " bytes a unix socket path may have; use a shorter --data-dir");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) {
    return fail(embedded_errc::data_dir_not_writable,
                "cannot create data directory " + dir_.string() + ": " + ec.message());
  }
  switch (lock_.acquire(dir_ / "cohort.lock")) {
    case data_dir_lock::outcome::locked:
      break;
    case data_dir_lock::outcome::held_elsewhere:
      return fail(embedded_errc::already_running,
                  "data directory " + dir_.string() + " is in use by another Cohort" +
                      (lock_.holder() ? " (pid " + std::to_string(lock_.holder()) + ")" : "") +
                      "; stop it or choose another --data-dir");
    case data_dir_lock::outcome::cannot_open:
      return fail(embedded_errc::data_dir_not_writable,
                  "data directory " + dir_.string() + " is not writable: " + lock_.error());
  }
  auto binaries = find_postgres_binaries(options_.bin_dir);
  if (!binaries.bin_dir) {
    std::string searched;
    for (const auto& dir : binaries.searched)
      searched += (searched.empty() ? "" : ", ") + dir.string();
    return fail(embedded_errc::binaries_missing,
                "PostgreSQL server programs (initdb, postgres) not found; looked in: " + searched +
                    ". Install postgresql (scripts/install-deps) or set PG_DATABASE_URL");
  }
  bin_dir_ = *binaries.bin_dir;
  if (geteuid() == 0) {
    server_user_ = lookup_user(options_.run_as_user);
    if (!server_user_) {
      return fail(embedded_errc::user_missing, "running as root, PostgreSQL must run as user '" +
                                                   options_.run_as_user +
                                                   "', which does not exist");
    }
  }
  if (auto failed = prepare_dirs()) return failed;
  if (!std::filesystem::exists(pgdata() / "PG_VERSION", ec)) {
    auto initdb_started = clock_type::now();
    if (auto failed = initdb()) return failed;
    report_.ran_initdb = true;
    report_.initdb_time = since(initdb_started);
  }
  auto cleanup = clear_stale_postmaster(pgdata(), socket_dir(), options_.stop_timeout);
  if (!cleanup.error.empty()) return fail(embedded_errc::stale_server, cleanup.error);
  report_.stopped_orphan = cleanup.stopped_orphan;
  if (auto failed = launch()) return failed;
  report_.total_time = since(started);
  spdlog::info("embedded PostgreSQL ready in {} ms (pid {}, {}{})", report_.total_time.count(),
               pid_, socket_dir().string(), report_.ran_initdb ? ", new cluster" : "");
  return std::nullopt;
}

void embedded_postgres::chown_to_server_user(const std::filesystem::path& path) {
  if (server_user_ && lchown(path.c_str(), server_user_->uid, server_user_->gid) != 0) {
    spdlog::warn("cannot chown {} to {}", path.string(), server_user_->name);
  }
}

std::optional<embedded_error> embedded_postgres::prepare_dirs() {
  std::error_code ec;
  std::filesystem::create_directory(socket_dir(), ec);
  if (ec) {
    return fail(embedded_errc::data_dir_not_writable,
                "cannot create " + socket_dir().string() + ": " + ec.message());
  }
  std::filesystem::permissions(socket_dir(), std::filesystem::perms::owner_all, ec);
  chown_to_server_user(socket_dir());
  if (server_user_) {
    std::vector<std::filesystem::path> path_to_dir;
    for (auto p = socket_dir(); !p.empty(); p = p.parent_path()) {
      path_to_dir.insert(path_to_dir.begin(), p);
      if (p == p.root_path()) break;
    }
    if (auto blocked = first_untraversable(path_to_dir, *server_user_)) {
      return fail(embedded_errc::data_dir_not_traversable,
                  "user '" + server_user_->name + "' (which runs PostgreSQL when Cohort runs as " +
                      "root) cannot enter " + path_to_dir[*blocked].string() +
                      "; choose a --data-dir it can reach, or allow it (chmod o+x)");
    }
  }
  return std::nullopt;
}

std::optional<embedded_error> embedded_postgres::initdb() {
  std::error_code ec;
  if (std::filesystem::exists(pgdata(), ec) && !std::filesystem::is_empty(pgdata(), ec)) {
    return fail(embedded_errc::not_a_data_dir,
                pgdata().string() + " exists but is not a PostgreSQL data directory (no " +
                    "PG_VERSION); move it away");
  }
  // initdb into a scratch directory and rename it into place: a crash halfway leaves no
  // half-made cluster behind that a later start would try to use.
  auto scratch = dir_ / "postgres.initdb";
  std::filesystem::remove_all(scratch, ec);
  std::filesystem::create_directory(scratch, ec);
  if (ec) {
    return fail(embedded_errc::data_dir_not_writable,
                "cannot create " + scratch.string() + ": " + ec.message());
  }
  std::filesystem::permissions(scratch, std::filesystem::perms::owner_all, ec);
  chown_to_server_user(scratch);
  auto log = dir_ / "initdb.log";
  int log_fd = open_log(log, true);
  spawn_options spec;
  spec.argv = {(bin_dir_ / "initdb").string(),
               "-D",
               scratch.string(),
               "-U",
               "postgres",
               "--auth=trust",
               "--encoding=UTF8",
               "--locale=C",
               "--no-instructions"};
  spec.env = child_environment();
  spec.output_fd = log_fd;
  spec.run_as = server_user_;
  spec.working_dir = dir_;
  auto child = spawn(spec);
  if (log_fd >= 0) close(log_fd);
  if (!child.ok()) return fail(embedded_errc::initdb_failed, "initdb: " + child.error);
  auto status = wait_exit(child.pid, std::chrono::minutes(5));
  if (!status) {
    kill(child.pid, SIGKILL);
    wait_exit(child.pid, std::chrono::seconds(5));
    return fail(embedded_errc::initdb_failed, "initdb did not finish within 5 minutes");
  }
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    return fail(embedded_errc::initdb_failed,
                "initdb " + describe_exit(*status) + ":\n" + tail_of_file(log, 15));
  }
  std::filesystem::remove(pgdata(), ec);  // only an empty directory can be replaced
  std::filesystem::rename(scratch, pgdata(), ec);
  if (ec) {
    return fail(embedded_errc::initdb_failed,
                "cannot move the new cluster to " + pgdata().string() + ": " + ec.message());
  }
  return std::nullopt;
}

std::optional<embedded_error> embedded_postgres::launch() {
  std::error_code ec;
  auto offset = std::filesystem::exists(log_file(), ec) ? std::filesystem::file_size(log_file(), ec)
                                                        : std::uintmax_t{0};
  int log_fd = open_log(log_file(), false);
  if (log_fd < 0) {
    return fail(embedded_errc::data_dir_not_writable,
                "cannot open " + log_file().string() + ": " + std::strerror(errno));
  }
  if (ec || std::filesystem::file_size(log_file(), ec) < offset) offset = 0;  // rotated
  chown_to_server_user(log_file());
  spawn_options spec;
  spec.argv = {(bin_dir_ / "postgres").string(), "-D", pgdata().string()};
  std::vector<std::pair<std::string, std::string>> settings = {
      {"listen_addresses", ""},
      {"unix_socket_directories", socket_dir().string()},
      {"unix_socket_permissions", "0700"},
      {"port", std::to_string(port)},
      {"shared_buffers", options_.shared_buffers},
      {"max_connections", std::to_string(options_.max_connections)},
      {"fsync", options_.fsync ? "on" : "off"},
      {"logging_collector", "off"},
  };
  settings.insert(settings.end(), options_.settings.begin(), options_.settings.end());
  for (const auto& [name, value] : settings) {
    spec.argv.push_back("-c");
    spec.argv.push_back(name + "=" + value);
  }
  spec.env = child_environment();
  spec.output_fd = log_fd;
  spec.run_as = server_user_;
  spec.new_process_group = true;
  spec.working_dir = pgdata();
  auto child = spawn(spec);
  close(log_fd);
  if (!child.ok()) return fail(embedded_errc::start_failed, "postgres: " + child.error);
  pid_ = child.pid;
  return wait_ready(offset);
}

std::optional<embedded_error> embedded_postgres::wait_ready(std::uintmax_t log_offset) {
  auto deadline = clock_type::now() + options_.start_timeout;
  auto ping = conninfo_ + " connect_timeout=2";
  auto pause = std::chrono::milliseconds(2);
  for (;;) {
    if (auto status = wait_exit(pid_, std::chrono::milliseconds(0))) {
      pid_ = -1;
      return fail(embedded_errc::start_failed, "PostgreSQL " + describe_exit(*status) +
                                                   "; the end of " + log_file().string() + ":\n" +
                                                   tail_of_file(log_file(), 15, log_offset));
    }
    if (PQping(ping.c_str()) == PQPING_OK) return std::nullopt;
    if (clock_type::now() >= deadline) {
      stop();
      return fail(embedded_errc::start_failed,
                  "PostgreSQL did not accept connections within " +
                      std::to_string(options_.start_timeout.count()) + " ms; the end of " +
                      log_file().string() + ":\n" + tail_of_file(log_file(), 15, log_offset));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(25));
  }
}

void embedded_postgres::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGINT);
  auto status = wait_exit(pid_, options_.stop_timeout);
  if (!status) {
    spdlog::warn("PostgreSQL (pid {}) ignored fast shutdown; using immediate shutdown", pid_);
    kill(pid_, SIGQUIT);
    status = wait_exit(pid_, std::chrono::seconds(5));
  }
  if (!status) {
    spdlog::error("PostgreSQL (pid {}) ignored immediate shutdown; killing it", pid_);
    kill(pid_, SIGKILL);
    wait_exit(pid_, std::chrono::seconds(5));
  }
  pid_ = -1;
}

}  // namespace cohort::storage::embedded

#include "storage/events/notification_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

namespace cohort::storage::events {

notification_listener::notification_listener(std::string conninfo,
                                             std::vector<std::string> channels, handler on_notify)
    : conninfo_(std::move(conninfo)),
      channels_(std::move(channels)),
      on_notify_(std::move(on_notify)),
      wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  thread_ = std::thread([this] { run(); });
}

notification_listener::~notification_listener() {
  stop();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void notification_listener::stop() {
  if (stopping_.exchange(true)) {
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
    return;
  }
  std::uint64_t one = 1;
  if (wake_fd_ >= 0 && ::write(wake_fd_, &one, sizeof one) < 0)
    spdlog::debug("event listener: wake failed");
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

// Sleeps up to `millis` unless stop() is called; true when stopping.
bool notification_listener::wait_or_stop(int millis) {
  pollfd fd{wake_fd_, POLLIN, 0};
  ::poll(&fd, 1, millis);
  return stopping_.load();
}

void notification_listener::run() {
  int retry_ms = 100;
  while (!stopping_.load()) {
    PGconn* conn = PQconnectdb(conninfo_.c_str());
    bool ok = PQstatus(conn) == CONNECTION_OK;
    for (const auto& channel : channels_) {
      if (!ok) break;
      char* quoted = PQescapeIdentifier(conn, channel.c_str(), channel.size());
      PGresult* res = PQexec(conn, ("LISTEN " + std::string(quoted ? quoted : "")).c_str());
      ok = quoted && PQresultStatus(res) == PGRES_COMMAND_OK;
      PQclear(res);
      if (quoted) PQfreemem(quoted);
    }
    if (!ok) {
      spdlog::warn("event listener: cannot LISTEN ({}); retrying", PQerrorMessage(conn));
      PQfinish(conn);
      if (wait_or_stop(retry_ms)) return;
      retry_ms = std::min(retry_ms * 2, 5000);
      continue;
    }
    retry_ms = 100;
    connected_.store(true);
    on_notify_("", "");  // anything sent while we were not listening is lost: look now
    while (!stopping_.load()) {
      pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      ::poll(fds, 2, 1000);
      if (stopping_.load()) break;
      if (!(fds[0].revents & (POLLIN | POLLERR | POLLHUP))) continue;
      if (!PQconsumeInput(conn)) break;  // connection lost
      while (PGnotify* note = PQnotifies(conn)) {
        std::string channel = note->relname ? note->relname : "";
        std::string payload = note->extra ? note->extra : "";
        PQfreemem(note);
        on_notify_(channel, payload);
      }
    }
    connected_.store(false);
    PQfinish(conn);
    if (!stopping_.load()) {
      spdlog::warn("event listener: connection lost; reconnecting");
      if (wait_or_stop(retry_ms)) return;
    }
  }
}

}  // namespace cohort::storage::events

// PostgreSQL LISTEN on a dedicated connection and thread (the pool's connections cannot hold a
// LISTEN: they are shared and recycled). Each NOTIFY on a listened channel calls the handler on
// that thread; after (re)connecting the handler is called once with an empty channel, since
// notifications sent while disconnected are lost and the caller should look for work.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace cohort::storage::events {

class notification_listener {
 public:
  using handler = std::function<void(const std::string& channel, const std::string& payload)>;

  notification_listener(std::string conninfo, std::vector<std::string> channels, handler on_notify);
  ~notification_listener();  // stop()
  notification_listener(const notification_listener&) = delete;
  notification_listener& operator=(const notification_listener&) = delete;

  // Stops the thread and closes the connection; waits for a handler call in progress.
  void stop();
  bool connected() const { return connected_.load(); }

 private:
  void run();
  bool wait_or_stop(int millis);

  std::string conninfo_;
  std::vector<std::string> channels_;
  handler on_notify_;
  int wake_fd_ = -1;  // eventfd: stop() interrupts poll()
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  std::thread thread_;
};

}  // namespace cohort::storage::events

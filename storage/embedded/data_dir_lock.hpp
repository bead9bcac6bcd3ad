// An exclusive flock on <data dir>/cohort.lock held for as long as this object lives, so that a
// second Cohort on the same data directory fails at once instead of fighting over its PostgreSQL.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace cohort::storage::embedded {

class data_dir_lock {
 public:
  enum class outcome { locked, held_elsewhere, cannot_open };

  data_dir_lock() = default;
  ~data_dir_lock();
  data_dir_lock(const data_dir_lock&) = delete;
  data_dir_lock& operator=(const data_dir_lock&) = delete;

  // Tries once, without waiting. On held_elsewhere, holder() is the pid written by the holder.
  outcome acquire(const std::filesystem::path& file);
  bool held() const { return fd_ >= 0; }
  pid_t holder() const { return holder_; }
  const std::string& error() const { return error_; }

 private:
  int fd_ = -1;
  pid_t holder_ = 0;
  std::string error_;
};

}  // namespace cohort::storage::embedded

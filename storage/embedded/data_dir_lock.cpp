#include "storage/embedded/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace cohort::storage::embedded {

data_dir_lock::~data_dir_lock() {
  if (fd_ >= 0) close(fd_);  // closing releases the flock
}

data_dir_lock::outcome data_dir_lock::acquire(const std::filesystem::path& file) {
  if (fd_ >= 0) return outcome::locked;
  // O_CLOEXEC: a child (postgres) must not inherit the lock and keep it after we die.
  int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error_ = std::strerror(errno);
    return outcome::cannot_open;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    char text[32] = {};
    ssize_t got = pread(fd, text, sizeof text - 1, 0);
    holder_ = got > 0 ? static_cast<pid_t>(std::strtol(text, nullptr, 10)) : 0;
    close(fd);
    error_ = std::strerror(error);
    return error == EWOULDBLOCK ? outcome::held_elsewhere : outcome::cannot_open;
  }
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // The pid is only informative; the lock itself is what counts.
  }
  fd_ = fd;
  return outcome::locked;
}

}  // namespace cohort::storage::embedded

// Figures of the job system for /metrics, shared between the job actors that update them and the
// runtime that renders them: counters updated by workers as attempts end, queue gauges sampled
// from core.job by the job supervisor about once a second.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace cohort::actors::jobs {

struct kind_metrics {
  std::atomic<std::uint64_t> succeeded{0};
  std::atomic<std::uint64_t> failed_attempts{0};  // retried, timed out, thrown, or dead
  std::atomic<std::uint64_t> dead_lettered{0};
  std::atomic<double> queue_depth{0};  // ready jobs, due or delayed
  std::atomic<double> running{0};
  std::atomic<double> dead{0};  // dead letters currently kept
  std::atomic<double> oldest_ready_age_seconds{0};
};

class job_metrics {
 public:
  // The figures of one kind, created on first use; the reference stays valid.
  kind_metrics& of(const std::string& kind) {
    std::lock_guard lock(mutex_);
    auto& slot = kinds_[kind];
    if (!slot) slot = std::make_unique<kind_metrics>();
    return *slot;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<kind_metrics>> kinds_;
};

}  // namespace cohort::actors::jobs

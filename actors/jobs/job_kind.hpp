// What a durable job is to its handler, and the registry of job kinds (Envoy-style: each kind is
// registered by name with its handler and limits before the node starts). Handlers are
// asynchronous: they may call `done` later, from any thread, exactly once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::actors::jobs {

// One claimed attempt of a job, as its handler sees it.
struct job {
  std::int64_t id = 0;
  std::string kind;
  std::string payload;  // JSON text as enqueued
  int attempt = 1;      // 1 for the first run
  int max_attempts = 1;
  std::optional<std::string> idempotency_key;
  std::string created_at;  // ISO 8601 (UTC)
  bool last_attempt() const { return attempt >= max_attempts; }
};

// How an attempt ended. retry: run again after a backoff (or retry_after, e.g. an HTTP
// Retry-After), unless it was the last attempt: then the job is dead with this error. fail: dead
// at once (the job can never succeed).
struct job_outcome {
  enum class status { success, retry, fail };
  status what = status::success;
  std::string error;
  std::optional<std::chrono::milliseconds> retry_after;

  static job_outcome success() { return {}; }
  static job_outcome retry(std::string error,
                           std::optional<std::chrono::milliseconds> retry_after = std::nullopt) {
    return {status::retry, std::move(error), retry_after};
  }
  static job_outcome fail(std::string error) { return {status::fail, std::move(error), {}}; }
};

using job_done = std::function<void(job_outcome)>;
// Runs on an actor thread: start the work and return; never block. An exception thrown from the
// handler counts as a retry with its message; a `done` never called counts as a retry after
// `timeout`; a `done` called after the timeout or twice is ignored.
using job_handler = std::function<void(const job&, job_done)>;

struct job_kind {
  std::string name;  // e.g. "webhook.deliver"
  job_handler handler;
  int concurrency = 4;  // attempts running at once on one node
  std::chrono::milliseconds timeout{30000};
  int max_attempts = 5;  // when the job row does not say otherwise
  std::chrono::milliseconds backoff_base{1000};
  std::chrono::milliseconds backoff_cap{std::chrono::hours(1)};
  // Added to the timeout for the row lock: a job locked by a node that died is claimed again
  // once timeout + lock_grace has passed.
  std::chrono::milliseconds lock_grace{5000};
};

// Kinds by name. Fill it before the node starts; the job supervisor starts one worker per kind.
class job_registry {
 public:
  // Replaces a kind of the same name.
  void add(job_kind kind);
  std::shared_ptr<const job_kind> find(std::string_view name) const;
  std::vector<std::shared_ptr<const job_kind>> all() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const job_kind>, std::less<>> kinds_;
};

}  // namespace cohort::actors::jobs

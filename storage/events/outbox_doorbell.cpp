#include "storage/events/outbox_doorbell.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace cohort::storage::events {

namespace {

// Per pool: idle, one ring in flight, or one in flight and another asked for meanwhile.
enum ring_state : int { idle = 0, in_flight = 1, again = 2 };

// States are never erased (one small entry per pool a process ever rang through), so a callback
// still running after its pool went away touches valid memory; a later pool at the same address
// reuses an idle entry.
std::atomic<int>& state_of(const pg::pool& pool) {
  static std::mutex mutex;
  static std::unordered_map<const pg::pool*, std::unique_ptr<std::atomic<int>>> states;
  std::lock_guard lock(mutex);
  auto& slot = states[&pool];
  if (!slot) slot = std::make_unique<std::atomic<int>>(idle);
  return *slot;
}

constexpr const char* ring_script =
    "BEGIN; SET LOCAL synchronous_commit TO off; SELECT pg_notify('cohort_outbox', ''); COMMIT";

void send(pg::pool& pool, std::atomic<int>& state) {
  pool.acquire([&pool, &state](pg::lease lease) {
    if (!lease) {
      // Shutting down or the database is unreachable: the relays' poll finds the events.
      state.store(idle);
      return;
    }
    lease.script(ring_script, [&pool, &state, lease](pg::result r) mutable {
      lease.release();
      if (!r.ok()) {
        spdlog::debug("outbox doorbell: {}", pg::describe(r.error()));
        state.store(idle);
        return;
      }
      // A ring asked for while this one was on its way: its events may have committed after
      // this notification was read, so ring once more.
      int expected = in_flight;
      if (state.compare_exchange_strong(expected, idle)) return;
      state.store(in_flight);
      send(pool, state);
    });
  });
}

}  // namespace

bool outbox_doorbell_idle(const pg::pool& pool) {
  return state_of(pool).load() == idle;
}

void ring_outbox(pg::pool& pool) {
  auto& state = state_of(pool);
  int expected = idle;
  if (state.compare_exchange_strong(expected, in_flight)) return send(pool, state);
  // Already in flight: ask for one more (again stays again).
  expected = in_flight;
  state.compare_exchange_strong(expected, again);
}

}  // namespace cohort::storage::events

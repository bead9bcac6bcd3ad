#include "actors/events/outbox_relay.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include <vector>

#include "actors/atoms.hpp"
#include "actors/events/record_event_builder.hpp"
#include "actors/jobs/actor_task.hpp"
#include "storage/events/outbox_queries.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors::events {

namespace {

namespace se = storage::events;
using jobs::actor_task;
using jobs::post_to;
using jobs::task_atom;

using prune_atom = caf::atom_constant<caf::atom("prune")>;
using renew_atom = caf::atom_constant<caf::atom("renew")>;
using lag_atom = caf::atom_constant<caf::atom("lag")>;

struct cursor {
  consumer_registration reg;
  se::outbox_position position;
  bool ready = false;                       // position known (and, when durable, the lease held)
  bool busy = false;                        // a read, a consumer call or a save is in flight
  bool again = false;                       // woken while busy: read once more afterwards
  bool claiming = false;                    // a lease claim is in flight
  int failures = 0;                         // consecutive refused batches
  std::chrono::milliseconds idle_retry{0};  // fast re-reads after a wake found nothing yet
};

struct relay_state {
  outbox_relay_options options;
  std::vector<cursor> cursors;
  std::uint64_t delivered = 0;
  static inline const char* name = "outbox_relay";
};

using relay_actor = caf::stateful_actor<relay_state>;

void read(relay_actor* self, std::size_t index);

caf::actor me(relay_actor* self) {
  return caf::actor_cast<caf::actor>(self);
}

void query(relay_actor* self, storage::pg::statement statement,
           std::function<void(storage::pg::result)> on_result) {
  auto handle = me(self);
  self->state.options.pool->query(
      std::move(statement.sql), std::move(statement.args),
      [handle, on_result = std::move(on_result)](storage::pg::result rows) {
        auto shared = std::make_shared<storage::pg::result>(std::move(rows));
        post_to(handle, [on_result, shared] { on_result(std::move(*shared)); });
      });
}

void later(relay_actor* self, std::chrono::milliseconds delay, std::function<void()> fn) {
  self->delayed_send(self, delay, task_atom::value, actor_task{std::move(fn)});
}

// Durable consumers: take the lease and load the saved position. Live ones: start at the head.
void claim(relay_actor* self, std::size_t index) {
  auto& c = self->state.cursors[index];
  if (c.ready || c.claiming) return;
  c.claiming = true;
  const auto& opts = self->state.options;
  auto statement = c.reg.durable
                       ? se::claim_consumer_statement(c.reg.name, opts.node_id, opts.lease)
                       : se::outbox_head_statement();
  query(self, std::move(statement), [self, index](storage::pg::result rows) {
    auto& c = self->state.cursors[index];
    c.claiming = false;
    if (!rows || (c.reg.durable && rows.rows() == 0)) {
      if (!rows)
        spdlog::warn("event consumer {}: {}", c.reg.name, storage::pg::describe(rows.error()));
      // Another node holds it (or the database is away): try again within a lease.
      auto wait = std::max(self->state.options.lease / 3, std::chrono::milliseconds(100));
      later(self, rows ? wait : std::chrono::milliseconds(1000),
            [self, index] { claim(self, index); });
      return;
    }
    c.position = se::read_position(rows);
    c.ready = true;
    read(self, index);
  });
}

void lost(relay_actor* self, std::size_t index) {
  auto& c = self->state.cursors[index];
  spdlog::warn("event consumer {}: lease lost to another node", c.reg.name);
  c.ready = false;
  c.busy = false;
  later(self, self->state.options.lease / 3, [self, index] { claim(self, index); });
}

void handled(relay_actor* self, std::size_t index, std::shared_ptr<std::vector<record_event>> batch,
             bool ok);

void deliver(relay_actor* self, std::size_t index,
             std::shared_ptr<std::vector<record_event>> batch) {
  auto& c = self->state.cursors[index];
  auto handle = me(self);
  auto answered = std::make_shared<std::atomic<bool>>(false);
  auto done = [handle, self, index, batch, answered](bool ok) {
    if (answered->exchange(true)) return;
    post_to(handle, [self, index, batch, ok] { handled(self, index, batch, ok); });
  };
  // Weak: a batch already answered must not stay in memory until the timer fires.
  std::weak_ptr<std::vector<record_event>> pending = batch;
  later(self, self->state.options.batch_timeout, [self, index, pending, answered] {
    auto batch = pending.lock();
    if (!batch || answered->exchange(true)) return;
    spdlog::warn("event consumer {} did not answer a batch in time; handing it again",
                 self->state.cursors[index].reg.name);
    handled(self, index, batch, false);
  });
  try {
    c.reg.consumer->on_events(std::span<const record_event>(*batch), done);
  } catch (const std::exception& e) {
    spdlog::error("event consumer {} threw: {}", c.reg.name, e.what());
    done(false);
  } catch (...) {
    spdlog::error("event consumer {} threw", c.reg.name);
    done(false);
  }
}

void handled(relay_actor* self, std::size_t index, std::shared_ptr<std::vector<record_event>> batch,
             bool ok) {
  auto& c = self->state.cursors[index];
  auto& opts = self->state.options;
  if (!ok) {
    opts.metrics->failed_batches.fetch_add(1, std::memory_order_relaxed);
    ++c.failures;
    auto delay = std::min(std::chrono::milliseconds(50) * (1 << std::min(c.failures, 8)),
                          std::chrono::milliseconds(10000));
    later(self, delay, [self, index, batch] { deliver(self, index, batch); });
    return;
  }
  c.failures = 0;
  opts.metrics->delivered.fetch_add(batch->size(), std::memory_order_relaxed);
  self->state.delivered += batch->size();
  se::outbox_position next{batch->back().txid, batch->back().outbox_id};
  if (!c.reg.durable) {
    c.position = next;
    c.busy = false;
    read(self, index);
    return;
  }
  query(self, se::save_position_statement(c.reg.name, opts.node_id, next, opts.lease),
        [self, index, next](storage::pg::result saved) {
          auto& c = self->state.cursors[index];
          if (!saved) {
            // Not saved: the batch comes again after a restart; here we move on.
            spdlog::warn("event consumer {}: saving its position failed: {}", c.reg.name,
                         storage::pg::describe(saved.error()));
          } else if (saved.affected_rows() == 0) {
            return lost(self, index);
          }
          c.position = next;
          c.busy = false;
          read(self, index);
        });
}

void read(relay_actor* self, std::size_t index) {
  auto& c = self->state.cursors[index];
  if (!c.ready) return claim(self, index);
  if (c.busy) {
    c.again = true;
    return;
  }
  c.busy = true;
  c.again = false;
  auto limit = static_cast<int>(std::max<std::size_t>(1, c.reg.batch_size));
  query(self, se::read_outbox_statement(c.position, limit),
        [self, index](storage::pg::result rows) {
          auto& c = self->state.cursors[index];
          if (!rows) {
            spdlog::warn("event relay: reading the outbox failed: {}",
                         storage::pg::describe(rows.error()));
            c.busy = false;
            return;  // the next poll tries again
          }
          if (rows.rows() == 0) {
            c.busy = false;
            if (c.again) return read(self, index);
            // Woken but nothing final yet: a transaction older than the new rows is still running
            // (and may commit without a NOTIFY of its own). Look again soon, backing off to the
            // poll.
            if (c.idle_retry.count() > 0) {
              auto wait = c.idle_retry;
              c.idle_retry = c.idle_retry * 2;
              if (c.idle_retry > self->state.options.poll_interval) c.idle_retry = {};
              later(self, wait, [self, index] { read(self, index); });
            }
            return;
          }
          c.idle_retry = {};
          auto batch = std::make_shared<std::vector<record_event>>();
          for (const auto& row : se::read_outbox_rows(rows))
            batch->push_back(build_record_event(row));
          deliver(self, index, std::move(batch));
        });
}

void wake_all(relay_actor* self, bool notified) {
  for (std::size_t i = 0; i < self->state.cursors.size(); ++i) {
    if (notified) self->state.cursors[i].idle_retry = std::chrono::milliseconds(2);
    read(self, i);
  }
}

caf::behavior outbox_relay(relay_actor* self, outbox_relay_options options) {
  self->state.options = std::move(options);
  auto& st = self->state;
  if (st.options.consumers)
    for (auto& reg : st.options.consumers->all()) {
      cursor c;
      c.reg = std::move(reg);
      st.cursors.push_back(std::move(c));
    }
  for (std::size_t i = 0; i < st.cursors.size(); ++i) claim(self, i);
  self->send(self, tick_atom::value);
  self->send(self, prune_atom::value);
  self->send(self, lag_atom::value);
  self->delayed_send(self, st.options.lease / 3, renew_atom::value);
  self->attach_functor([pool = st.options.pool, node = st.options.node_id, names = [&] {
    std::vector<std::string> out;
    for (const auto& c : st.cursors)
      if (c.reg.durable) out.push_back(c.reg.name);
    return out;
  }()] {
    // Hand the consumers to the next node at once instead of after the lease.
    for (const auto& name : names) {
      auto statement = se::release_consumer_statement(name, node);
      pool->query(std::move(statement.sql), std::move(statement.args), [](storage::pg::result) {});
    }
  });
  return {
      [=](task_atom, actor_task& task) { task.run(); },
      [=](wake_atom) { wake_all(self, true); },
      [=](tick_atom) {
        wake_all(self, false);
        self->delayed_send(self, self->state.options.poll_interval, tick_atom::value);
      },
      [=](renew_atom) {
        auto& st = self->state;
        for (std::size_t i = 0; i < st.cursors.size(); ++i) {
          auto& c = st.cursors[i];
          if (!c.reg.durable || !c.ready) continue;
          query(self, se::renew_lease_statement(c.reg.name, st.options.node_id, st.options.lease),
                [self, i](storage::pg::result rows) {
                  auto& c = self->state.cursors[i];
                  if (rows && rows.affected_rows() == 0 && c.ready && !c.busy) lost(self, i);
                });
        }
        self->delayed_send(self, st.options.lease / 3, renew_atom::value);
      },
      [=](prune_atom) {
        auto& st = self->state;
        bool any_durable = false;
        for (const auto& c : st.cursors) any_durable = any_durable || c.reg.durable;
        if (any_durable)
          query(self, se::prune_outbox_statement(10000, st.options.prune_min_age),
                [](storage::pg::result) {});
        self->delayed_send(self, st.options.prune_interval, prune_atom::value);
      },
      [=](lag_atom) {
        auto& st = self->state;
        for (std::size_t i = 0; i < st.cursors.size(); ++i) {
          const auto& c = st.cursors[i];
          if (!c.ready) continue;
          auto* gauge = &st.options.metrics->lag(c.reg.name);
          query(self, se::count_after_statement(c.position, 1000000),
                [gauge](storage::pg::result rows) {
                  if (rows && rows.rows() == 1)
                    gauge->store(std::stod(std::string(rows.get(0, 0))));
                });
        }
        self->delayed_send(self, st.options.lag_interval, lag_atom::value);
      },
      [=](count_atom) -> std::uint64_t { return self->state.delivered; },
  };
}

}  // namespace

caf::actor spawn_outbox_relay(caf::actor_system& sys, outbox_relay_options options) {
  return sys.spawn(outbox_relay, std::move(options));
}

}  // namespace cohort::actors::events

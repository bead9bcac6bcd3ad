#include "actors/events/timeline_consumer.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include "actors/events/timeline_activities.hpp"
#include "storage/timeline/timeline_repository.hpp"

namespace cohort::actors::events {

namespace {

namespace tl = storage::timeline;

// Replays only repeat the last batches: a week of claims is plenty.
constexpr int applied_retention_days = 7;
constexpr std::uint64_t prune_every_batches = 1000;

// One batch on its way: the lookups run at once, then the rows are built and written.
struct batch_work {
  std::vector<record_event> events;
  std::function<void(bool)> done;
  std::map<std::string, std::set<std::string>> columns;  // by workspace
  // (workspace, note|task) -> owner id -> its junction rows
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::vector<std::string>>>
      junctions;
  // (workspace, note|task) -> id -> title
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>> titles;
  std::mutex mutex;
  std::atomic<int> pending{0};
  std::atomic<bool> failed{false};
};

class timeline_consumer : public event_consumer {
 public:
  explicit timeline_consumer(std::shared_ptr<storage::pg::pool> pool) : pool_(std::move(pool)) {}

  void on_events(std::span<const record_event> batch, std::function<void(bool)> done) override {
    auto work = std::make_shared<batch_work>();
    work->events.assign(batch.begin(), batch.end());
    work->done = std::move(done);
    std::set<std::string> workspaces;
    for (const auto& e : work->events) workspaces.insert(e.workspace_id);
    auto pool = pool_;
    tl::timeline_columns(*pool, {workspaces.begin(), workspaces.end()}, [pool, work](auto r) {
      if (!r.ok()) {
        spdlog::warn("timeline: cannot read timeline columns: {}", r.error->message);
        return work->done(false);
      }
      work->columns = std::move(*r.value);
      look_up(pool, work);
    });
    if (++batches_ % prune_every_batches == 0) {
      tl::prune_applied(*pool_, applied_retention_days, [](auto r) {
        if (!r.ok()) spdlog::warn("timeline: cannot prune applied events: {}", r.error->message);
      });
    }
  }

 private:
  // Starts one lookup per (workspace, kind) that the batch's notes, tasks and their targets need.
  static void look_up(std::shared_ptr<storage::pg::pool> pool, std::shared_ptr<batch_work> work) {
    std::map<std::pair<std::string, std::string>, std::set<std::string>> owners, linked;
    for (const auto& e : work->events) {
      if (!work->columns.count(e.workspace_id)) continue;
      const std::string kind = activity_kind(e.object_name);
      if (kind.empty()) continue;
      if (is_activity_target(e.object_name)) {
        if (auto id = linked_activity_id(e); !id.empty()) linked[{e.workspace_id, kind}].insert(id);
      } else if (e.action != "created") {  // a new note has no targets yet
        owners[{e.workspace_id, kind}].insert(e.record_id);
      }
    }
    work->pending = static_cast<int>(owners.size() + linked.size()) + 1;
    auto finish_one = [pool, work](bool ok) {
      if (!ok) work->failed = true;
      if (--work->pending == 0) write(pool, work);
    };
    for (const auto& [key, ids] : owners) {
      tl::junction_rows(*pool, key.first, key.second + "Target", key.second + "Id",
                        {ids.begin(), ids.end()}, [work, key, finish_one](auto r) {
                          if (!r.ok()) {
                            spdlog::warn("timeline: cannot read {} targets: {}", key.second,
                                         r.error->message);
                            return finish_one(false);
                          }
                          {
                            std::lock_guard lock(work->mutex);
                            auto& by_owner = work->junctions[key];
                            for (auto& [owner, row] : *r.value)
                              by_owner[owner].push_back(std::move(row));
                          }
                          finish_one(true);
                        });
    }
    for (const auto& [key, ids] : linked) {
      tl::record_titles(
          *pool, key.first, key.second, {ids.begin(), ids.end()}, [work, key, finish_one](auto r) {
            if (!r.ok()) {
              spdlog::warn("timeline: cannot read {} titles: {}", key.second, r.error->message);
              return finish_one(false);
            }
            {
              std::lock_guard lock(work->mutex);
              work->titles[key] = std::move(*r.value);
            }
            finish_one(true);
          });
    }
    finish_one(true);
  }

  static void write(std::shared_ptr<storage::pg::pool> pool, std::shared_ptr<batch_work> work) {
    if (work->failed) return work->done(false);
    std::vector<tl::event_activities> events;
    for (const auto& e : work->events) {
      auto columns = work->columns.find(e.workspace_id);
      if (columns == work->columns.end()) continue;
      timeline_lookups lookups;
      lookups.columns = &columns->second;
      const std::string kind = activity_kind(e.object_name);
      if (!kind.empty()) {
        std::pair<std::string, std::string> key{e.workspace_id, kind};
        if (is_activity_target(e.object_name)) {
          auto t = work->titles.find(key);
          if (t != work->titles.end()) {
            auto title = t->second.find(linked_activity_id(e));
            if (title != t->second.end()) lookups.activity_title = &title->second;
          }
        } else {
          auto j = work->junctions.find(key);
          if (j != work->junctions.end()) {
            auto rows = j->second.find(e.record_id);
            if (rows != j->second.end()) lookups.junction_rows = &rows->second;
          }
        }
      }
      auto rows = timeline_rows(e, lookups);
      if (!rows.empty()) events.push_back({e.workspace_id, e.outbox_id, std::move(rows)});
    }
    auto all = std::make_shared<std::vector<tl::event_activities>>(std::move(events));
    tl::write_activities(*pool, *all, [pool, work, all](auto r) {
      if (r.ok()) return work->done(true);
      if (!cannot_be_written(*r.error)) {
        spdlog::warn("timeline: cannot write activities: {}", r.error->message);
        return work->done(false);
      }
      // Some event's rows can never be written: find it by writing them one at a time.
      write_each(pool, all, 0, work->done);
    });
  }

  // An error that writing the same rows again would meet again: bad data (22), a broken
  // constraint (23: the record was destroyed before its activity got written), a column or table
  // gone with its object (42).
  static bool cannot_be_written(const storage::pg::error_info& error) {
    auto cls = error.sqlstate.substr(0, 2);
    return cls == "22" || cls == "23" || cls == "42";
  }

  static void write_each(std::shared_ptr<storage::pg::pool> pool,
                         std::shared_ptr<std::vector<tl::event_activities>> events, std::size_t i,
                         std::function<void(bool)> done) {
    if (i == events->size()) return done(true);
    tl::write_activities(*pool, {(*events)[i]}, [pool, events, i, done](auto r) {
      if (!r.ok()) {
        if (!cannot_be_written(*r.error)) {
          spdlog::warn("timeline: cannot write activities: {}", r.error->message);
          return done(false);
        }
        spdlog::warn("timeline: skipped the activities of event {} (workspace {}): {}",
                     (*events)[i].outbox_id, (*events)[i].workspace_id, r.error->message);
      }
      write_each(pool, events, i + 1, done);
    });
  }

  std::shared_ptr<storage::pg::pool> pool_;
  std::atomic<std::uint64_t> batches_{0};
};

}  // namespace

std::shared_ptr<event_consumer> make_timeline_consumer(std::shared_ptr<storage::pg::pool> pool) {
  return std::make_shared<timeline_consumer>(std::move(pool));
}

void register_timeline_consumer(consumer_registry& consumers,
                                std::shared_ptr<storage::pg::pool> pool) {
  consumers.add(
      {std::string(timeline_consumer_name), make_timeline_consumer(std::move(pool)), true, 200});
}

}  // namespace cohort::actors::events

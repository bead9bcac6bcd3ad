// Durable jobs and record events, measured against the same SQL without actors in the same run:
//  - latency: enqueue -> handler called (p50/p99) at a steady rate, woken by NOTIFY; baseline: the
//    same enqueue, claim and finish statements run back to back by one client;
//  - throughput: jobs/s for a backlog handled by one node's workers; baseline: four client loops
//    running the claim and finish statements directly;
//  - events: outbox row committed -> consumer called (p50/p99) through the relay.
// Runs on its own embedded PostgreSQL in a temporary directory. Prints figures; asserts nothing.
//
//   bench_jobs [--jobs 4000] [--latency-jobs 400]
#include <caf/all.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "actors/events/outbox_relay.hpp"
#include "actors/jobs/job_supervisor.hpp"
#include "actors/jobs/job_worker.hpp"
#include "bench/support/latency.hpp"
#include "runtime/database.hpp"
#include "storage/events/notification_listener.hpp"
#include "storage/jobs/job_enqueue.hpp"
#include "storage/jobs/job_queries.hpp"
#include "storage/pg/pool.hpp"

namespace {

using cohort::bench::percentile;

using namespace cohort;
using steady = std::chrono::steady_clock;
namespace aj = actors::jobs;
namespace sj = storage::jobs;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(steady::now().time_since_epoch())
      .count();
}

struct samples {
  std::mutex mutex;
  std::vector<double> ms;
  std::atomic<int> count{0};
  void add(double v) {
    std::lock_guard lock(mutex);
    ms.push_back(v);
    count.fetch_add(1);
  }
};

void wait_until(const std::function<bool()>& done) {
  auto deadline = steady::now() + std::chrono::minutes(5);
  while (!done() && steady::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

// The same statements the workers run, back to back on one client: the floor of the path.
std::vector<double> baseline_latency(storage::pg::pool& pool, int n) {
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    auto start = steady::now();
    sj::enqueue_request request;
    request.kind = "bench.base_lat";
    auto id = sj::enqueue_sync(pool, request);
    auto claim = sj::claim_statement("bench.base_lat", "bench", 1, std::chrono::seconds(30));
    auto rows = pool.query_sync(claim.sql, claim.args);
    for (const auto& row : sj::read_claimed(rows)) {
      auto done = sj::succeed_statement(row.id, "bench", row.attempts);
      pool.query_sync(done.sql, done.args);
    }
    (void)id;
    ms.push_back(std::chrono::duration<double, std::milli>(steady::now() - start).count());
  }
  return ms;
}

double baseline_throughput(storage::pg::pool& pool, int n) {
  pool.query_sync("INSERT INTO core.job (kind) SELECT 'bench.base' FROM generate_series(1, $1)",
                  {std::to_string(n)});
  auto start = steady::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&pool, c] {
      std::string node = "base-" + std::to_string(c);
      while (true) {
        auto claim = sj::claim_statement("bench.base", node, 16, std::chrono::seconds(30));
        auto rows = sj::read_claimed(pool.query_sync(claim.sql, claim.args));
        if (rows.empty()) return;
        for (const auto& row : rows) {
          auto done = sj::succeed_statement(row.id, node, row.attempts);
          pool.query_sync(done.sql, done.args);
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  return n / std::chrono::duration<double>(steady::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int jobs = 4000;
  int latency_jobs = 400;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--jobs")) jobs = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--latency-jobs")) latency_jobs = std::atoi(argv[i + 1]);
  }
  auto dir =
      std::filesystem::temp_directory_path() / ("cohort-bench-jobs-" + std::to_string(::getpid()));
  config::settings settings;
  settings.data_dir = dir.string();
  settings.pg_pool_max_connections = 8;
  runtime::database db;
  bool config_problem = false;
  if (auto err = db.open(settings, config_problem)) {
    std::fprintf(stderr, "database: %s\n", err->c_str());
    return 1;
  }
  auto pool = db.pool();

  caf::actor_system_config cfg;
  cfg.set("scheduler.max-threads", 2);
  caf::actor_system sys{cfg};

  auto latency = std::make_shared<samples>();
  auto handled = std::make_shared<std::atomic<int>>(0);
  auto registry = std::make_shared<aj::job_registry>();
  aj::job_kind lat;
  lat.name = "bench.latency";
  lat.concurrency = 16;
  lat.handler = [latency](const aj::job& j, aj::job_done done) {
    auto sent = std::stoll(j.payload.substr(j.payload.find(':') + 1));
    latency->add(static_cast<double>(now_ns() - sent) / 1e6);
    done(aj::job_outcome::success());
  };
  registry->add(lat);
  aj::job_kind tput;
  tput.name = "bench.throughput";
  tput.concurrency = 64;
  tput.handler = [handled](const aj::job&, aj::job_done done) {
    handled->fetch_add(1);
    done(aj::job_outcome::success());
  };
  registry->add(tput);

  auto events = std::make_shared<samples>();
  auto consumers = std::make_shared<actors::events::consumer_registry>();
  consumers->add({"bench", actors::events::make_consumer([events](auto batch, auto done) {
                    for (const auto& e : batch) {
                      auto& after = e.properties.at("after").as_object();
                      events->add(static_cast<double>(now_ns() - after.at("t").as_int64()) / 1e6);
                    }
                    done(true);
                  }),
                  true});

  aj::job_supervisor_options opts;
  opts.registry = registry;
  opts.pool = pool;
  opts.node_id = "bench-node";
  opts.run_scheduler = false;
  auto supervisor = actors::spawn_job_supervisor(sys, opts);
  actors::events::outbox_relay_options relay_opts;
  relay_opts.pool = pool;
  relay_opts.consumers = consumers;
  relay_opts.node_id = "bench-node";
  auto relay = actors::events::spawn_outbox_relay(sys, relay_opts);
  storage::events::notification_listener listener(
      pool->options().conninfo, {"cohort_job", "cohort_outbox"},
      [&](const std::string& channel, const std::string& payload) {
        if (channel != "cohort_job") caf::anon_send(relay, actors::events::wake_atom::value);
        if (channel != "cohort_outbox") caf::anon_send(supervisor, aj::wake_atom::value, payload);
      });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  // Latency at a steady 200 jobs/s.
  for (int i = 0; i < latency_jobs; ++i) {
    sj::enqueue_request request;
    request.kind = "bench.latency";
    request.payload = "{\"t\":" + std::to_string(now_ns()) + "}";
    sj::enqueue(*pool, request, [](sj::enqueue_result) {});
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  wait_until([&] { return latency->count.load() >= latency_jobs; });
  auto base_lat = baseline_latency(*pool, latency_jobs);

  // Events: outbox rows at 200/s.
  for (int i = 0; i < latency_jobs; ++i) {
    pool->query(
        "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, after) VALUES "
        "(gen_random_uuid(), 'person', 'created', gen_random_uuid(), jsonb_build_object('t', "
        "$1::bigint))",
        {std::to_string(now_ns())}, [](storage::pg::result) {});
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  wait_until([&] { return events->count.load() >= latency_jobs; });

  // Throughput: a backlog.
  pool->query_sync(
      "INSERT INTO core.job (kind) SELECT 'bench.throughput' FROM generate_series(1, $1)",
      {std::to_string(jobs)});
  auto start = steady::now();
  wait_until([&] { return handled->load() >= jobs; });
  double cohort_tput = jobs / std::chrono::duration<double>(steady::now() - start).count();
  double base_tput = baseline_throughput(*pool, jobs);

  std::printf("bench: job latency enqueue->handler p50 %.2f ms p99 %.2f ms (%d jobs at 200/s)\n",
              percentile(latency->ms, 0.5), percentile(latency->ms, 0.99), latency_jobs);
  std::printf(
      "bench: baseline same SQL back to back (enqueue, claim, finish) p50 %.2f ms p99 %.2f ms; "
      "ratio p50 %.2f\n",
      percentile(base_lat, 0.5), percentile(base_lat, 0.99),
      percentile(latency->ms, 0.5) / std::max(0.001, percentile(base_lat, 0.5)));
  std::printf("bench: event latency outbox commit->consumer p50 %.2f ms p99 %.2f ms (%d events)\n",
              percentile(events->ms, 0.5), percentile(events->ms, 0.99), latency_jobs);
  std::printf(
      "bench: throughput %d jobs: cohort %.0f jobs/s, baseline SQL loops (4 clients) "
      "%.0f jobs/s, ratio %.2f\n",
      jobs, cohort_tput, base_tput, cohort_tput / std::max(1.0, base_tput));

  listener.stop();
  caf::anon_send_exit(relay, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(supervisor, caf::exit_reason::user_shutdown);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  db.close();
  std::filesystem::remove_all(dir);
  return 0;
}

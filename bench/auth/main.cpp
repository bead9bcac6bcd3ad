// bench_auth: the cost of the request gate's checks, each against a baseline measured in the same
// run. Prints microseconds per check (sequential round trips and with 32 in flight) and the ratio
// to `SELECT 1` on the same pool; and nanoseconds per in-process token-bucket take.
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>

#include "api/rate_limit/token_buckets.hpp"
#include "runtime/database.hpp"
#include "storage/core/api_key_repository.hpp"

namespace {

using namespace cohort;
using clock_type = std::chrono::steady_clock;

// Runs `n` calls of `one` (each finishing through its callback), `in_flight` at a time; answers
// microseconds per call.
double measure(int n, int in_flight, const std::function<void(std::function<void()>)>& one) {
  std::mutex m;
  std::condition_variable cv;
  std::atomic<int> started{0}, finished{0};
  std::function<void()> next;
  next = [&] {
    if (started.fetch_add(1) >= n) return;
    one([&] {
      if (finished.fetch_add(1) + 1 == n) {
        std::lock_guard lock(m);
        cv.notify_all();
      } else {
        next();
      }
    });
  };
  auto t0 = clock_type::now();
  for (int i = 0; i < in_flight; ++i) next();
  std::unique_lock lock(m);
  cv.wait(lock, [&] { return finished.load() >= n; });
  return std::chrono::duration<double, std::micro>(clock_type::now() - t0).count() / n;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 20000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--calls")) n = std::atoi(argv[i + 1]);
  }
  auto dir =
      std::filesystem::temp_directory_path() / ("cohort-bench-auth-" + std::to_string(::getpid()));
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
  auto ws = pool->query_sync(
      "INSERT INTO core.workspace (subdomain) VALUES ('bench-auth') RETURNING id::text");
  if (!ws.ok()) {
    std::fprintf(stderr, "workspace: %s\n", ws.error().message.c_str());
    return 1;
  }
  std::string workspace(ws.get(0, 0));
  auto key = pool->query_sync(
      "INSERT INTO core.api_key (workspace_id, name, expires_at) VALUES ($1, 'bench', "
      "now() + interval '1 day') RETURNING id::text",
      {workspace});
  std::string key_id(key.get(0, 0));

  auto select_one = [&](std::function<void()> done) {
    pool->query("SELECT 1", {}, [done](storage::pg::result) { done(); });
  };
  auto access_check = [&](std::function<void()> done) {
    storage::core::check_token_standing(*pool, workspace, std::nullopt, [done](auto) { done(); });
  };
  auto key_check = [&](std::function<void()> done) {
    storage::core::check_token_standing(*pool, workspace, key_id, [done](auto) { done(); });
  };
  measure(2000, 8, select_one);  // warm the connections and statement caches
  measure(2000, 8, key_check);
  measure(2000, 8, access_check);

  std::printf("%-34s %12s %12s %8s\n", "check", "us/call seq", "us/call x32", "ratio");
  double base_seq = measure(n, 1, select_one);
  double base_par = measure(n, 32, select_one);
  std::printf("%-34s %12.1f %12.2f %8s\n", "SELECT 1 (baseline)", base_seq, base_par, "1.00");
  using call = std::function<void(std::function<void()>)>;
  const std::vector<std::pair<const char*, call>> checks = {
      {"standing: ACCESS token", access_check}, {"standing: API_KEY token", key_check}};
  for (const auto& [name, fn] : checks) {
    double seq = measure(n, 1, fn);
    double par = measure(n, 32, fn);
    std::printf("%-34s %12.1f %12.2f %8.2f\n", name, seq, par, par / base_par);
  }

  api::rate_limit::token_buckets buckets({.capacity = 1e12, .period = std::chrono::seconds(1)});
  std::vector<std::string> keys;
  for (int i = 0; i < 1000; ++i) keys.push_back("user:" + workspace + ":" + std::to_string(i));
  const int takes = 2'000'000;
  auto t0 = clock_type::now();
  volatile std::size_t sink = 0;
  for (int i = 0; i < takes; ++i) sink = sink + keys[i % keys.size()].size();
  double loop_ns = std::chrono::duration<double, std::nano>(clock_type::now() - t0).count() / takes;
  t0 = clock_type::now();
  for (int i = 0; i < takes; ++i) sink = sink + buckets.take(keys[i % keys.size()]).allowed;
  double take_ns = std::chrono::duration<double, std::nano>(clock_type::now() - t0).count() / takes;
  std::printf("token bucket take: %.0f ns (empty loop %.1f ns)\n", take_ns, loop_ns);
  pool->shutdown();
  std::filesystem::remove_all(dir);
  return 0;
}

// Workspaces at scale: how long provisioning a workspace takes (schema, every standard table,
// indexes — p50/p99 over --provision workspaces) and how much memory one ACTIVE workspace costs a
// node (RSS growth over --activate workspace actors that each loaded their runtime, divided by
// their number). Runs on its own embedded PostgreSQL in a temporary directory.
//
//   bench_workspaces [--provision 50] [--activate 1000]
//
// Reference (not measured here): Twenty 1.6.0 provisions a workspace in 2.2 s median on this kind
// of machine and keeps about 1 MB of metadata cache per workspace.
#include <caf/all.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "actors/atoms.hpp"
#include "actors/message_types.hpp"
#include "actors/workspace/workspace_actor.hpp"
#include "actors/workspace/workspace_registry.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "api/auth/token_service.hpp"
#include "api/platform/platform_schema.hpp"
#include "bench/support/latency.hpp"
#include "model/stable_id.hpp"
#include "model/standard/standard_objects.hpp"
#include "runtime/database.hpp"
#include "storage/ddl/spare_schemas.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/pg/pool.hpp"

namespace {

using namespace cohort;
using cohort::bench::clock_type;
using cohort::bench::percentile;

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

std::string workspace_id(int i) {
  return model::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "bench-ws-" + std::to_string(i));
}

// p50/p99 of provisioning `n` workspaces one after another; the first schema name is returned
// so that the activation part can point its workspaces at it.
std::string bench_provisioning(storage::pg::pool& pool, int n) {
  std::vector<double> ms;
  std::string first_schema;
  auto objects = model::standard::standard_objects();
  int statements = 0;
  for (int i = 0; i < n; ++i) {
    auto t0 = clock_type::now();
    auto r = storage::ddl::provision_sync(pool, workspace_id(i), objects);
    ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
    if (!r.ok()) {
      std::fprintf(stderr, "provisioning failed: %s\n", r.error->c_str());
      std::exit(1);
    }
    if (first_schema.empty()) first_schema = r.schema;
    statements = r.statements;
  }
  std::printf(
      "bench: provisioning %d workspaces (%zu tables, %d statements each): p50 %.1f ms, "
      "p99 %.1f ms\n",
      n, objects.size(), statements, percentile(ms, 0.5), percentile(ms, 0.99));
  return first_schema;
}

// p50/p99 of provisioning `n` workspaces from spare schemas (COHORT_SPARE_SCHEMAS): each claim
// renames a schema made ahead of time; the wait for the background refill is not counted, its
// rate is printed beside (how many activations per second the warm pool sustains).
void bench_spare_provisioning(std::shared_ptr<storage::pg::pool> pool, int n) {
  auto spares =
      storage::ddl::spare_schemas::create(pool, model::standard::shared_standard_objects(), 2);
  auto ready = [&] {
    auto r = pool->query_sync("SELECT count(*) FROM core.spare_schema WHERE fingerprint = $1",
                              {spares->fingerprint()});
    return r.ok() ? std::stoi(std::string(r.get(0, 0))) : 0;
  };
  std::vector<double> ms;
  const auto start = clock_type::now();
  double waited_ms = 0;
  for (int i = 0; i < n; ++i) {
    const auto wait_start = clock_type::now();
    spares->refill();
    while (ready() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    waited_ms += std::chrono::duration<double, std::milli>(clock_type::now() - wait_start).count();
    std::promise<storage::ddl::provision_result> done;
    auto future = done.get_future();
    auto t0 = clock_type::now();
    spares->provision(workspace_id(5000 + i),
                      [&done](storage::ddl::provision_result r) { done.set_value(std::move(r)); });
    auto r = future.get();
    ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
    if (!r.ok()) {
      std::fprintf(stderr, "spare provisioning failed: %s\n", r.error->c_str());
      std::exit(1);
    }
  }
  const double total_s = std::chrono::duration<double>(clock_type::now() - start).count();
  std::printf(
      "bench: provisioning %d workspaces from spare schemas: p50 %.1f ms, p99 %.1f ms "
      "(background refill sustains %.1f activations/s; %.0f ms waited for it in total)\n",
      n, percentile(ms, 0.5), percentile(ms, 0.99), n / total_s, waited_ms);
}

void bench_activation(storage::pg::pool& pool, std::shared_ptr<storage::pg::pool> shared,
                      const std::string& schema, int n, const config::settings& settings) {
  // n ACTIVE workspaces, all pointing at one provisioned schema: activation loads the core row
  // and compiles (or shares) the runtime; no table is read.
  for (int i = 0; i < n; ++i) {
    auto r = pool.query_sync(
        "INSERT INTO core.workspace (id, subdomain, activation_status, database_schema) "
        "VALUES ($1::uuid, $2, 'ACTIVE', $3) ON CONFLICT (id) DO NOTHING",
        {workspace_id(10000 + i), "bench" + std::to_string(i), schema});
    if (!r.ok()) {
      std::fprintf(stderr, "insert failed: %s\n", r.error().message.c_str());
      std::exit(1);
    }
  }
  caf::actor_system_config cfg;
  actors::register_message_types(cfg);
  cfg.set("scheduler.max-threads", 2);
  caf::actor_system sys{cfg};

  api::auth::token_service_options topts;
  topts.app_secret = "bench";
  api::platform::platform_services services;
  services.pool = shared;
  services.tokens = std::make_shared<const api::auth::token_service>(topts);
  services.settings = &settings;
  auto deps = std::make_shared<actors::workspace_dependencies>();
  deps->pool = shared;
  deps->add_platform_types = [services](graphql::type::schema_builder& builder) {
    api::platform::add_platform_schema(builder, api::platform::endpoint::graphql, services);
  };
  actors::registry_options reg;
  reg.workspace_deps = deps;
  auto registry = actors::spawn_workspace_registry(sys, reg);

  std::vector<std::shared_ptr<const actors::workspace_runtime>> held;
  caf::scoped_actor self{sys};
  auto activate = [&](int i) {
    self->request(registry, std::chrono::seconds(30), actors::route_atom::value,
                  actors::runtime_request{workspace_id(10000 + i)})
        .receive([&](actors::runtime_reply& r) { held.push_back(r.runtime); },
                 [&](caf::error& e) {
                   std::fprintf(stderr, "activation failed: %s\n", sys.render(e).c_str());
                   std::exit(1);
                 });
  };
  // The first activation compiles the shared schema: a one-off cost, measured apart.
  auto t0 = clock_type::now();
  long before_first = rss_kib();
  activate(0);
  double first_ms = std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
  long after_first = rss_kib();
  auto t1 = clock_type::now();
  for (int i = 1; i < n; ++i) activate(i);
  double rest_ms = std::chrono::duration<double, std::milli>(clock_type::now() - t1).count();
  long after_all = rss_kib();
  std::printf("bench: first workspace activation %.1f ms, +%ld KiB (compiles the shared schema)\n",
              first_ms, after_first - before_first);
  std::printf(
      "bench: %d more activations in %.0f ms (%.2f ms each), RSS +%ld KiB: %.1f KiB per "
      "active workspace\n",
      n - 1, rest_ms, rest_ms / (n - 1), after_all - after_first,
      static_cast<double>(after_all - after_first) / (n - 1));
  held.clear();
  self->send_exit(registry, caf::exit_reason::user_shutdown);
}

int arg_int(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  int provision = arg_int(argc, argv, "--provision", 50);
  int activate = arg_int(argc, argv, "--activate", 1000);
  auto dir =
      std::filesystem::temp_directory_path() / ("cohort-bench-ws-" + std::to_string(::getpid()));
  config::settings settings;
  settings.data_dir = dir.string();
  settings.pg_pool_max_connections = 4;
  runtime::database db;
  bool config_problem = false;
  if (auto err = db.open(settings, config_problem)) {
    std::fprintf(stderr, "database: %s\n", err->c_str());
    return 1;
  }
  std::string schema = bench_provisioning(*db.pool(), provision);
  bench_spare_provisioning(db.pool(), provision);
  bench_activation(*db.pool(), db.pool(), schema, activate, settings);
  db.close();
  std::filesystem::remove_all(dir);
  return 0;
}

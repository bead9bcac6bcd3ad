#include "runtime/database.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <thread>

#include "runtime/migrations_runner.hpp"
#include "storage/embedded/embedded_postgres.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

namespace {

using storage::embedded::embedded_errc;

// Errors of the embedded server that the operator fixes in the configuration (exit status 2).
bool is_config_problem(embedded_errc code) {
  switch (code) {
    case embedded_errc::data_dir_not_writable:
    case embedded_errc::data_dir_path_too_long:
    case embedded_errc::data_dir_not_traversable:
    case embedded_errc::not_a_data_dir:
    case embedded_errc::already_running:
      return true;
    default:
      return false;
  }
}

std::string first_line(const std::string& text) {
  auto nl = text.find('\n');
  return nl == std::string::npos ? text : text.substr(0, nl) + " …";
}

}  // namespace

struct database::impl {
  std::unique_ptr<storage::embedded::embedded_postgres> embedded;
  std::shared_ptr<storage::pg::pool> pool;
};

database::database() : impl_(std::make_unique<impl>()) {}
database::~database() {
  close();
}

std::optional<std::string> database::open(const config::settings& settings, bool& config_problem) {
  config_problem = false;
  std::string conninfo = settings.pg_database_url;
  const char* setting = "PG_DATABASE_URL";
  if (conninfo.empty()) {
    setting = "COHORT_DATA_DIR";
    storage::embedded::embedded_options opts;
    opts.data_dir = settings.data_dir;
    impl_->embedded = std::make_unique<storage::embedded::embedded_postgres>(opts);
    if (auto err = impl_->embedded->start()) {
      config_problem = is_config_problem(err->code);
      if (config_problem)
        return "invalid COHORT_DATA_DIR \"" + settings.data_dir + "\": " + first_line(err->message);
      return "embedded PostgreSQL failed: " + first_line(err->message);
    }
    conninfo = impl_->embedded->conninfo();
  }

  storage::pg::pool_options popts;
  popts.conninfo = conninfo;
  popts.max_connections = static_cast<std::size_t>(settings.pg_pool_max_connections);
  popts.threads = static_cast<std::size_t>(settings.pg_pool_threads);
  // Reads beyond a few per core only queue on the CPU inside PostgreSQL, where many busy backends
  // sharing few cores make the slowest answers several times the typical one; three per core
  // kept the short ones (findOne) flowing best on 2 cores (bench/records/README.md).
  popts.max_concurrent_reads = static_cast<std::size_t>(
      settings.pg_pool_max_reads > 0 ? settings.pg_pool_max_reads
                                     : 3 * std::max(1u, std::thread::hardware_concurrency()));
  popts.statement_timeout = settings.pg_statement_timeout;
  impl_->pool = storage::pg::pool::create(popts);

  auto ping = impl_->pool->query_sync("SELECT 1");
  if (!ping) {
    // An unreachable configured server is a configuration problem; an embedded one is not.
    config_problem = !settings.pg_database_url.empty();
    std::string why = first_line(storage::pg::describe(ping.error()));
    close();
    if (config_problem)
      return std::string("invalid ") + setting + " \"" + settings.pg_database_url +
             "\": expected a reachable PostgreSQL (" + why + ")";
    return "cannot reach the embedded PostgreSQL: " + why;
  }
  if (auto err = apply_migrations(*impl_->pool)) {
    close();
    return *err;
  }
  return std::nullopt;
}

void database::close() {
  if (impl_->pool) {
    impl_->pool->shutdown();
    impl_->pool.reset();
  }
  if (impl_->embedded) {
    impl_->embedded->stop();
    impl_->embedded.reset();
  }
}

std::shared_ptr<storage::pg::pool> database::pool() const {
  return impl_->pool;
}

void database::add_health_checks(api::health_checks& health) {
  health.add("database", [pool = std::weak_ptr(impl_->pool)](auto done) {
    auto p = pool.lock();
    if (!p) return done(std::string("not connected"));
    p->query("SELECT 1", {}, [done](storage::pg::result r) {
      if (r)
        done(std::nullopt);
      else
        done(storage::pg::describe(r.error()));
    });
  });
}

void database::register_metrics(api::http::metrics_registry& metrics) {
  std::weak_ptr<storage::pg::pool> pool = impl_->pool;
  auto stat = [pool](std::uint64_t storage::pg::pool_stats::*field) {
    return [pool, field] {
      auto p = pool.lock();
      return p ? static_cast<double>(p->stats().*field) : 0.0;
    };
  };
  using s = storage::pg::pool_stats;
  const char* help = "PostgreSQL pool connections by state";
  metrics.add_gauge_callback("cohort_pg_pool_connections", help, stat(&s::in_use),
                             {{"state", "in_use"}});
  metrics.add_gauge_callback("cohort_pg_pool_connections", help, stat(&s::idle),
                             {{"state", "idle"}});
  metrics.add_gauge_callback("cohort_pg_pool_waiting",
                             "Requests waiting for a PostgreSQL connection", stat(&s::waiting));
  metrics.add_gauge_callback("cohort_pg_queries_total", "Statements run through the pool",
                             stat(&s::total_queries));
  metrics.add_gauge_callback("cohort_pg_query_errors_total", "Statements that failed",
                             stat(&s::errors));
}

}  // namespace cohort::runtime

#include "storage/migrations/migrator.hpp"

#include <map>

#include <spdlog/spdlog.h>

namespace cohort::storage::migrations {

namespace {

std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct recorded {
  std::string name;
  std::string checksum;
};

class runner {
 public:
  runner(pg::lease conn, const migration_set& set)
      : conn_(std::move(conn)), set_(set), table_(quote_ident(set.schema) + ".migrations") {}

  migration_report run() {
    if (!lock() || !ensure_table()) return std::move(report_);
    auto applied = read_applied();
    if (applied && check(*applied)) apply_pending(*applied);
    unlock();
    return std::move(report_);
  }

 private:
  bool lock() {
    // Waiting for another node's migrations must not hit statement_timeout; the connection is
    // discarded afterwards, which also drops the session lock if unlock() never runs.
    conn_.discard();
    if (!ok(conn_.query_sync("SELECT set_config('statement_timeout', '0', false)", {}, false),
            "disabling statement_timeout")) {
      return false;
    }
    return ok(conn_.query_sync("SELECT pg_advisory_lock($1::bigint)",
                               {std::to_string(set_.lock_key)}, false),
              "taking the migration lock");
  }

  void unlock() {
    conn_.query_sync("SELECT pg_advisory_unlock($1::bigint)", {std::to_string(set_.lock_key)},
                     false);
  }

  bool ensure_table() {
    return ok(conn_.script_sync("CREATE SCHEMA IF NOT EXISTS " + quote_ident(set_.schema) +
                                ";\nCREATE TABLE IF NOT EXISTS " + table_ +
                                " (version integer PRIMARY KEY, name text NOT NULL, checksum text "
                                "NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"),
              "creating " + table_);
  }

  std::optional<std::map<int, recorded>> read_applied() {
    auto rows = conn_.query_sync(
        "SELECT version, name, checksum FROM " + table_ + " ORDER BY version", {}, false);
    if (!ok(rows, "reading " + table_)) return std::nullopt;
    std::map<int, recorded> applied;
    for (int row = 0; row < rows.rows(); ++row) {
      applied[std::stoi(std::string(rows.get(row, 0)))] = {std::string(rows.get(row, 1)),
                                                           std::string(rows.get(row, 2))};
    }
    if (!applied.empty()) report_.schema_version = applied.rbegin()->first;
    return applied;
  }

  bool check(const std::map<int, recorded>& applied) {
    std::map<int, const migration*> known;
    for (const auto& step : set_.migrations) known[step.version] = &step;
    for (const auto& [version, record] : applied) {
      auto found = known.find(version);
      if (found == known.end()) {
        return fail(migration_errc::unknown_version, version,
                    "the database has migration " + std::to_string(version) + " (" + record.name +
                        ") which this Cohort does not know; run a newer Cohort");
      }
      if (migration_checksum(found->second->sql) != record.checksum) {
        return fail(migration_errc::checksum_mismatch, version,
                    "migration " + std::to_string(version) + " (" + record.name +
                        ") was changed after it was applied (checksum " + record.checksum +
                        " in the database, " + migration_checksum(found->second->sql) +
                        " in this binary); add a new migration instead of editing an applied one");
      }
    }
    return true;
  }

  void apply_pending(const std::map<int, recorded>& applied) {
    for (const auto& step : set_.migrations) {
      if (applied.count(step.version)) continue;
      auto started = std::chrono::steady_clock::now();
      if (!apply(step)) return;
      auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - started);
      spdlog::info("applied migration {} {} to schema {} in {} ms", step.version, step.name,
                   set_.schema, took.count());
      report_.applied.push_back({step.version, std::string(step.name), took});
      report_.schema_version = step.version;
    }
  }

  bool apply(const migration& step) {
    auto failed = [&](const pg::result& outcome) {
      conn_.query_sync("ROLLBACK", {}, false);
      return fail(migration_errc::failed, step.version,
                  "migration " + std::to_string(step.version) + " (" + std::string(step.name) +
                      ") failed and was rolled back: " + pg::describe(outcome.error()));
    };
    auto begun = conn_.query_sync("BEGIN", {}, false);
    if (!begun.ok()) return failed(begun);
    auto ran = conn_.script_sync(std::string(step.sql));
    if (!ran.ok()) return failed(ran);
    auto recorded = conn_.query_sync(
        "INSERT INTO " + table_ + " (version, name, checksum) VALUES ($1, $2, $3)",
        {std::to_string(step.version), std::string(step.name), migration_checksum(step.sql)},
        false);
    if (!recorded.ok()) return failed(recorded);
    auto committed = conn_.query_sync("COMMIT", {}, false);
    if (!committed.ok()) return failed(committed);
    return true;
  }

  bool ok(const pg::result& outcome, const std::string& doing) {
    if (outcome.ok()) return true;
    return fail(migration_errc::database, 0, doing + " failed: " + pg::describe(outcome.error()));
  }

  bool fail(migration_errc code, int version, std::string message) {
    report_.error = migration_error{code, version, std::move(message)};
    return false;
  }

  pg::lease conn_;
  const migration_set& set_;
  std::string table_;
  migration_report report_;
};

}  // namespace

migration_report run_migrations(pg::pool& pool, const migration_set& set) {
  if (auto invalid = validate(set.migrations)) {
    migration_report report;
    report.error = migration_error{migration_errc::invalid_list, 0, *invalid};
    return report;
  }
  auto conn = pool.acquire_sync();
  if (!conn) {
    migration_report report;
    report.error = migration_error{migration_errc::database, 0,
                                   "no database connection: " + pg::describe(conn.error())};
    return report;
  }
  return runner(std::move(conn), set).run();
}

}  // namespace cohort::storage::migrations

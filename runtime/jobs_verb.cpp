// `cohort jobs list | retry <id> | purge`: the dead letters of the durable job queue, for an
// operator. list prints one line per dead job (id, kind, attempts, when it died, its last error);
// retry gives one dead job a fresh set of attempts; purge deletes every dead job.
#include <iostream>
#include <string>
#include <vector>

#include "runtime/exit_codes.hpp"
#include "runtime/operator_command.hpp"
#include "runtime/verbs.hpp"
#include "storage/jobs/job_queries.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

namespace {

namespace sj = storage::jobs;

const char* const jobs_usage = "expected `jobs list`, `jobs retry <id>` or `jobs purge`";

int list_dead(storage::pg::pool& pool) {
  auto statement = sj::list_dead_statement(1000);
  auto rows = pool.query_sync(statement.sql, statement.args);
  if (!rows) {
    std::cerr << "cohort: listing dead jobs failed: " << storage::pg::describe(rows.error())
              << "\n";
    return exit_failure;
  }
  if (rows.rows() == 0) {
    std::cout << "no dead jobs\n";
    return exit_ok;
  }
  std::cout << "id\tkind\tattempts\tdied_at\tlast_error\n";
  for (int r = 0; r < rows.rows(); ++r) {
    std::string error(rows.get(r, 3));
    for (auto& c : error)
      if (c == '\n' || c == '\t') c = ' ';
    std::cout << rows.get(r, 0) << "\t" << rows.get(r, 1) << "\t" << rows.get(r, 2) << "\t"
              << rows.get(r, 4) << "\t" << error << "\n";
  }
  return exit_ok;
}

int retry_dead(storage::pg::pool& pool, const std::string& id_text) {
  std::int64_t id = 0;
  try {
    std::size_t used = 0;
    id = std::stoll(id_text, &used);
    if (used != id_text.size() || id <= 0) throw std::invalid_argument(id_text);
  } catch (const std::exception&) {
    std::cerr << "cohort: invalid job id \"" << id_text << "\": expected a positive integer\n";
    return exit_config;
  }
  auto statement = sj::retry_dead_statement(id);
  auto done = pool.query_sync(statement.sql, statement.args);
  if (!done) {
    std::cerr << "cohort: retrying job " << id << " failed: " << storage::pg::describe(done.error())
              << "\n";
    return exit_failure;
  }
  if (done.affected_rows() == 0) {
    std::cerr << "cohort: no dead job with id " << id << "\n";
    return exit_failure;
  }
  std::cout << "job " << id << " queued again\n";
  return exit_ok;
}

int purge_dead(storage::pg::pool& pool) {
  auto statement = sj::purge_dead_statement();
  auto done = pool.query_sync(statement.sql, statement.args);
  if (!done) {
    std::cerr << "cohort: purging dead jobs failed: " << storage::pg::describe(done.error())
              << "\n";
    return exit_failure;
  }
  std::cout << "purged " << done.affected_rows() << " dead job(s)\n";
  return exit_ok;
}

}  // namespace

int run_jobs(const config::settings& settings, const std::vector<std::string>& args) {
  const std::string action = args.empty() ? "" : args[0];
  bool valid = (action == "list" && args.size() == 1) || (action == "purge" && args.size() == 1) ||
               (action == "retry" && args.size() == 2);
  if (!valid) return invalid_command("jobs", args, jobs_usage);
  return with_database(settings, [&](storage::pg::pool& pool) {
    return action == "list"    ? list_dead(pool)
           : action == "purge" ? purge_dead(pool)
                               : retry_dead(pool, args[1]);
  });
}

}  // namespace cohort::runtime

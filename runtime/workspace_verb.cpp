// `cohort workspace delete <id> [--hard] [--no-wait]`: an operator's deletion of one workspace.
// Without --hard it is soft-deleted at once (as deleteCurrentWorkspace does); with --hard a durable
// `workspace.delete` job is queued and, unless --no-wait, the verb waits for a node to finish it
// (schema dropped, every core row deleted) and says how it ended.
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "actors/jobs/workspace_deletion.hpp"
#include "runtime/exit_codes.hpp"
#include "runtime/operator_command.hpp"
#include "runtime/verbs.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/jobs/job_enqueue.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

namespace {

const char* const workspace_usage = "expected `workspace delete <id> [--hard] [--no-wait]`";
constexpr auto hard_deletion_wait = std::chrono::minutes(2);

int soft_delete(storage::pg::pool& pool, const std::string& id) {
  auto done = pool.transaction_sync(
      {{"UPDATE core.user_workspace SET deleted_at = now() WHERE workspace_id = $1::uuid AND "
        "deleted_at IS NULL",
        {id}},
       {"UPDATE core.workspace SET deleted_at = now() WHERE id = $1::uuid AND deleted_at IS NULL",
        {id}}});
  if (!done.ok()) {
    std::cerr << "cohort: deleting workspace " << id
              << " failed: " << storage::pg::describe(*done.error) << "\n";
    return exit_failure;
  }
  if (done.results.back().affected_rows() == 0) {
    std::cout << "workspace " << id << " was already soft-deleted\n";
    return exit_ok;
  }
  std::cout << "workspace " << id << " soft-deleted\n";
  return exit_ok;
}

int hard_delete(storage::pg::pool& pool, const std::string& id, bool wait) {
  storage::jobs::enqueue_request request;
  request.kind = std::string(actors::jobs::workspace_delete_kind);
  request.payload = actors::jobs::workspace_delete_payload(id);
  auto queued = storage::jobs::enqueue_sync(pool, request);
  if (auto* error = std::get_if<storage::pg::error_info>(&queued)) {
    std::cerr << "cohort: queueing the deletion of workspace " << id
              << " failed: " << storage::pg::describe(*error) << "\n";
    return exit_failure;
  }
  const auto job = std::to_string(std::get<std::int64_t>(queued));
  if (!wait) {
    std::cout << "workspace " << id << ": hard deletion queued as job " << job << "\n";
    return exit_ok;
  }
  const auto deadline = std::chrono::steady_clock::now() + hard_deletion_wait;
  while (std::chrono::steady_clock::now() < deadline) {
    auto row = pool.query_sync(
        "SELECT status, coalesce(last_error, '') FROM core.job WHERE id = $1", {job});
    if (!row || row.rows() == 0) {
      std::cerr << "cohort: job " << job << " of the deletion of workspace " << id
                << " disappeared\n";
      return exit_failure;
    }
    const std::string status(row.get(0, 0));
    if (status == "done") {
      std::cout << "workspace " << id << " hard-deleted (job " << job << ")\n";
      return exit_ok;
    }
    if (status == "dead") {
      std::cerr << "cohort: the deletion of workspace " << id << " failed (job " << job
                << "): " << row.get(0, 1) << "\n";
      return exit_failure;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::cerr << "cohort: workspace " << id << ": hard deletion queued as job " << job
            << ", but no node finished it in time (is a node running?)\n";
  return exit_failure;
}

}  // namespace

int run_workspace(const config::settings& settings, const std::vector<std::string>& args) {
  bool hard = false;
  bool wait = true;
  std::vector<std::string> words;
  for (const auto& a : args) {
    if (a == "--hard")
      hard = true;
    else if (a == "--no-wait")
      wait = false;
    else
      words.push_back(a);
  }
  if (words.size() != 2 || words[0] != "delete")
    return invalid_command("workspace", args, workspace_usage);
  const std::string& id = words[1];
  if (!storage::ddl::schema_name_for(id)) {
    std::cerr << "cohort: invalid workspace id \"" << id << "\": expected a UUID\n";
    return exit_config;
  }
  return with_database(settings, [&](storage::pg::pool& pool) {
    auto found = pool.query_sync("SELECT 1 FROM core.workspace WHERE id = $1::uuid", {id});
    if (!found) {
      std::cerr << "cohort: looking up workspace " << id
                << " failed: " << storage::pg::describe(found.error()) << "\n";
      return exit_failure;
    }
    if (found.rows() == 0) {
      std::cerr << "cohort: no workspace with id " << id << "\n";
      return exit_failure;
    }
    return hard ? hard_delete(pool, id, wait) : soft_delete(pool, id);
  });
}

}  // namespace cohort::runtime

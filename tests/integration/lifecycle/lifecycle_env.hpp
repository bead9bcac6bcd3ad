// What the lifecycle tests share: a `cohort serve` on the test PostgreSQL with workspaces made
// through the API (tokens/two_workspaces.hpp), plus the checks of a hard deletion — every core
// table with a workspace column (found in information_schema, so tables added later are checked
// too), the workspace's schema, and how a token of a deleted workspace is refused.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing::lifecycle {

// "table.column" of every core table that names a workspace.
inline std::vector<std::pair<std::string, std::string>> workspace_columns(storage::pg::pool& pool) {
  auto r = pool.query_sync(
      "SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN "
      "information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = "
      "c.table_name WHERE c.table_schema = 'core' AND t.table_type = 'BASE TABLE' AND "
      "c.column_name IN ('workspace_id', 'workspaceId') ORDER BY 1",
      {}, false);
  EXPECT_TRUE(r.ok());
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; r.ok() && i < r.rows(); ++i)
    out.emplace_back(std::string(r.get(i, 0)), std::string(r.get(i, 1)));
  return out;
}

// Rows per core table naming `workspace_id` ("table: n" for the tables with any), the
// workspace row included.
inline std::map<std::string, long> rows_of(storage::pg::pool& pool,
                                           const std::string& workspace_id) {
  std::map<std::string, long> out;
  for (const auto& [table, column] : workspace_columns(pool)) {
    auto r = pool.query_sync(
        "SELECT count(*) FROM core.\"" + table + "\" WHERE \"" + column + "\" = $1::uuid",
        {workspace_id}, false);
    EXPECT_TRUE(r.ok()) << table;
    long n = r.ok() ? std::stol(std::string(r.get(0, 0))) : -1;
    if (n != 0) out[table] = n;
  }
  auto w = pool.query_sync("SELECT count(*) FROM core.workspace WHERE id = $1::uuid",
                           {workspace_id}, false);
  if (w.ok() && w.get(0, 0) != "0") out["workspace"] = std::stol(std::string(w.get(0, 0)));
  return out;
}

inline bool schema_exists(storage::pg::pool& pool, const std::string& schema) {
  auto r = pool.query_sync("SELECT count(*) FROM pg_namespace WHERE nspname = $1", {schema}, false);
  return r.ok() && r.get(0, 0) == "1";
}

// Polls `sql` (first column of the first row) until it answers `expected`, for at most `timeout`;
// the last answer.
inline std::string wait_for_value(storage::pg::pool& pool, const std::string& sql,
                                  const std::string& expected,
                                  std::chrono::seconds timeout = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string last;
  for (;;) {
    auto r = pool.query_sync(sql, {}, false);
    last = !r.ok() ? "<error>" : r.rows() == 0 ? "<none>" : std::string(r.get(0, 0));
    if (last == expected || std::chrono::steady_clock::now() > deadline) return last;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// Waits until every durable event consumer (webhook fan-out, timeline) has handled every
// committed event, so that the rows they write are all there before a snapshot.
inline void wait_events_handled(storage::pg::pool& pool) {
  EXPECT_EQ(wait_for_value(pool,
                           "SELECT coalesce(bool_and(position >= (SELECT coalesce(max(id), 0) FROM "
                           "core.outbox)), true) FROM core.event_consumer",
                           "t"),
            "t");
}

inline std::string graphql_refusal(const std::string& message, const std::string& sub_code) {
  boost::json::object ext{
      {"userFriendlyMessage", "You must be authenticated to perform this action."},
      {"subCode", sub_code},
      {"code", "UNAUTHENTICATED"}};
  return boost::json::serialize(
      boost::json::object{{"errors", boost::json::array{boost::json::object{
                                         {"message", message}, {"extensions", std::move(ext)}}}}});
}

// The bad-token suite's answer to the token of a deleted workspace, on /graphql, /metadata and
// /rest.
inline void expect_workspace_not_found(two_workspaces& env, const std::string& token) {
  const std::string expected = graphql_refusal("Workspace not found", "WORKSPACE_NOT_FOUND");
  EXPECT_EQ(boost::json::serialize(env.graphql("{ people(first: 1) { totalCount } }", {}, token)),
            expected);
  EXPECT_EQ(
      boost::json::serialize(env.graphql("{ currentWorkspace { id } }", {}, token, "/metadata")),
      expected);
  auto rest = env.call("GET", "/rest/people?limit=1", "", token);
  EXPECT_EQ(rest.status, 401u);
  EXPECT_EQ(rest.body, boost::json::serialize(boost::json::object{
                           {"statusCode", 401},
                           {"error", "WORKSPACE_NOT_FOUND"},
                           {"messages", boost::json::array{"Workspace not found"}}}));
}

}  // namespace cohort::testing::lifecycle

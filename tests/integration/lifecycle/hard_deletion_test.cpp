// Hard deletion of a workspace: `cohort workspace delete <id> --hard` queues the durable job and a
// running node drops the schema and every core row of the workspace, stops its actor, soft-deletes
// its users left without a workspace, and its tokens are refused; other workspaces keep
// everything. The daily cleanup soft-deletes suspended workspaces and hard-deletes those
// soft-deleted long enough.
#include <gtest/gtest.h>

#include "fixtures/prometheus_text.hpp"
#include "lifecycle_env.hpp"

namespace {

namespace json = boost::json;
namespace lc = cohort::testing::lifecycle;
using cohort::testing::run_cohort;
using cohort::testing::test_workspace;
using cohort::testing::two_workspaces;

struct deletion_env {
  two_workspaces ws{"lifecycle_hard"};
  std::shared_ptr<cohort::storage::pg::pool> pool = [this] {
    cohort::storage::pg::pool_options o;
    o.conninfo = ws.server_env().at("PG_DATABASE_URL");
    return cohort::storage::pg::pool::create(o);
  }();
  std::map<std::string, std::string> db() const {
    return {{"PG_DATABASE_URL", ws.server_env().at("PG_DATABASE_URL")}};
  }
  std::string one(const std::string& sql) {
    auto r = pool->query_sync(sql, {}, false);
    EXPECT_TRUE(r.ok()) << sql;
    if (!r.ok() || r.rows() == 0) return "<none>";
    auto v = r.get_optional(0, 0);
    return v ? std::string(*v) : "<null>";
  }
};

deletion_env& env() {
  static auto* instance = new deletion_env();
  return *instance;
}

double live_actors(two_workspaces& ws, std::uint16_t port = 0) {
  auto res = ws.call_on(port ? port : ws.server().port(), "GET", "/metrics", "", "");
  return cohort::testing::parse_prometheus(res.body)
      .value("cohort_workspace_actors_live")
      .value_or(-1);
}

// Things in core tables beside what activation made: an API key (with its role target), a
// webhook, a record write (outbox events), a custom object (metadata rows). Answers a token of
// the API key.
std::string fill(two_workspaces& ws, const test_workspace& w, const std::string& admin) {
  auto key = ws.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "k",
      expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                        {{"r", admin}}, w.access, "/metadata");
  EXPECT_FALSE(key.as_object().contains("errors")) << json::serialize(key);
  auto hook = ws.graphql(R"(mutation { createWebhook(input: { targetUrl: "https://example.com/h",
      operations: ["*.*"] }) { id } })",
                         {}, w.access, "/metadata");
  EXPECT_FALSE(hook.as_object().contains("errors")) << json::serialize(hook);
  auto company = ws.graphql(R"(mutation { createCompany(data: { name: "Doomed Inc" }) { id } })",
                            {}, w.access);
  EXPECT_FALSE(company.as_object().contains("errors")) << json::serialize(company);
  auto object = ws.graphql(R"(mutation { createOneObject(input: { object: { nameSingular: "gizmo",
      namePlural: "gizmos", labelSingular: "Gizmo", labelPlural: "Gizmos" } }) { id } })",
                           {}, w.access, "/metadata");
  EXPECT_FALSE(object.as_object().contains("errors")) << json::serialize(object);
  auto minted = ws.graphql(
      "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "
      "\"2100-01-01T00:00:00Z\") { token } }",
      {{"id", key.at_pointer("/data/createApiKey/id")}}, w.access, "/metadata");
  boost::system::error_code ec;
  const auto* token = minted.find_pointer("/data/generateApiKeyToken/token", ec);
  EXPECT_TRUE(token && token->is_string()) << json::serialize(minted);
  return token && token->is_string() ? std::string(token->as_string()) : "";
}

TEST(HardDeletion, TheCliVerbDeletesEverythingOfOneWorkspaceAndNothingElse) {
  auto& e = env();
  auto victim = e.ws.create("lifecycle.victim@example.com", "Victim");
  ASSERT_FALSE(victim.schema.empty());
  auto admin_of = [&](const test_workspace& w) {
    return e.one("SELECT id FROM core.role WHERE label = 'Admin' AND workspace_id = '" + w.id +
                 "'");
  };
  const auto victim_key = fill(e.ws, victim, admin_of(victim));
  EXPECT_EQ(e.ws.call("GET", "/rest/people?limit=1", "", victim_key).status, 200u);
  fill(e.ws, e.ws.a, admin_of(e.ws.a));
  // The victim's user also joins nothing else: it is left without a workspace. Workspace B's
  // user stays.
  lc::wait_events_handled(*e.pool);
  const auto before_a = lc::rows_of(*e.pool, e.ws.a.id);
  const auto before_victim = lc::rows_of(*e.pool, victim.id);
  ASSERT_GT(before_victim.size(), 5u);  // metadata, views, roles, memberships, keys, outbox...
  EXPECT_TRUE(before_victim.count("outbox"));
  EXPECT_TRUE(before_victim.count("webhook"));
  EXPECT_TRUE(before_victim.count("api_key"));
  ASSERT_TRUE(lc::schema_exists(*e.pool, victim.schema));
  const double live_before = live_actors(e.ws);

  auto run =
      run_cohort({"workspace", "delete", victim.id, "--hard"}, e.db(), std::chrono::seconds(120));
  ASSERT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out.rfind("workspace " + victim.id + " hard-deleted (job ", 0), 0u) << run.out;

  EXPECT_FALSE(lc::schema_exists(*e.pool, victim.schema));
  EXPECT_EQ(lc::rows_of(*e.pool, victim.id), (std::map<std::string, long>{}));
  EXPECT_EQ(e.one("SELECT count(*) FROM core.spare_schema WHERE name = '" + victim.schema + "'"),
            "0");
  // The user had no other workspace: soft-deleted, as Twenty does.
  EXPECT_EQ(e.one("SELECT deleted_at IS NOT NULL FROM core.\"user\" WHERE email = "
                  "'lifecycle.victim@example.com'"),
            "t");
  EXPECT_EQ(
      e.one("SELECT deleted_at IS NULL FROM core.\"user\" WHERE email = '" + e.ws.a.email + "'"),
      "t");
  // The node stopped the workspace's actor (told through the database, as every node is).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (live_actors(e.ws) != live_before - 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(live_actors(e.ws), live_before - 1);

  lc::expect_workspace_not_found(e.ws, victim.access);
  lc::expect_workspace_not_found(e.ws, victim_key);
  // The other workspaces keep every row and still work.
  EXPECT_EQ(lc::rows_of(*e.pool, e.ws.a.id), before_a);
  EXPECT_TRUE(lc::schema_exists(*e.pool, e.ws.a.schema));
  auto companies = e.ws.graphql("{ companies { totalCount } }", {}, e.ws.a.access);
  EXPECT_EQ(companies.at_pointer("/data/companies/totalCount"), json::value(6));
  EXPECT_FALSE(
      e.ws.graphql("{ gizmos { totalCount } }", {}, e.ws.a.access).as_object().contains("errors"));

  // Deleting it again: there is no such workspace any more.
  auto again = run_cohort({"workspace", "delete", victim.id, "--hard"}, e.db());
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(again.err, "cohort: no workspace with id " + victim.id + "\n");
}

TEST(HardDeletion, EveryNodeStopsTheActorOfTheDeletedWorkspace) {
  auto& e = env();
  auto victim = e.ws.create("lifecycle.nodes@example.com", "Nodes");
  cohort::testing::cohort_server second(cohort::testing::cohort_server::options{
      .args = {}, .env = e.ws.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(second.wait_ready(std::chrono::seconds(60))) << second.proc().output();
  const std::uint16_t ports[] = {e.ws.server().port(), second.port()};
  // The workspace's actor runs on both nodes.
  const std::string query = json::serialize(json::object{{"query", "{ people { totalCount } }"}});
  for (auto port : ports)
    ASSERT_EQ(e.ws.call_on(port, "POST", "/graphql", query, victim.access).status, 200u);
  const double before[] = {live_actors(e.ws, ports[0]), live_actors(e.ws, ports[1])};

  auto run =
      run_cohort({"workspace", "delete", victim.id, "--hard"}, e.db(), std::chrono::seconds(120));
  ASSERT_EQ(run.status, 0) << run.out << run.err;
  for (int i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (live_actors(e.ws, ports[i]) != before[i] - 1 &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(live_actors(e.ws, ports[i]), before[i] - 1);
    auto refused = e.ws.call_on(ports[i], "POST", "/graphql", query, victim.access);
    EXPECT_EQ(refused.body, lc::graphql_refusal("Workspace not found", "WORKSPACE_NOT_FOUND"));
  }
  second.proc().stop();
}

TEST(HardDeletion, TheCliVerbSoftDeletesWithoutHardAndRefusesBadUsage) {
  auto& e = env();
  auto soft = e.ws.create("lifecycle.soft@example.com", "Soft");
  auto run = run_cohort({"workspace", "delete", soft.id}, e.db());
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "workspace " + soft.id + " soft-deleted\n");
  EXPECT_EQ(e.one("SELECT deleted_at IS NOT NULL FROM core.workspace WHERE id = '" + soft.id + "'"),
            "t");
  EXPECT_TRUE(lc::schema_exists(*e.pool, soft.schema));  // kept until the hard deletion
  lc::expect_workspace_not_found(e.ws, soft.access);

  auto bare = run_cohort({"workspace"}, e.db());
  EXPECT_EQ(bare.status, 2);
  EXPECT_EQ(bare.err,
            "cohort: invalid workspace command \"\": expected `workspace delete <id> [--hard] "
            "[--no-wait]`\n");
  auto bad_id = run_cohort({"workspace", "delete", "not-a-uuid", "--hard"}, e.db());
  EXPECT_EQ(bad_id.status, 2);
  EXPECT_EQ(bad_id.err, "cohort: invalid workspace id \"not-a-uuid\": expected a UUID\n");
  auto unknown =
      run_cohort({"workspace", "delete", "00000000-0000-4000-8000-00000000dead", "--hard"}, e.db());
  EXPECT_EQ(unknown.status, 1);
  EXPECT_EQ(unknown.err, "cohort: no workspace with id 00000000-0000-4000-8000-00000000dead\n");
}

TEST(HardDeletion, TheDailyCleanupSoftDeletesSuspendedAndDestroysLongDeletedWorkspaces) {
  auto& e = env();
  auto idle = e.ws.create("lifecycle.idle@example.com", "Idle");
  auto gone = e.ws.create("lifecycle.gone@example.com", "Gone");
  auto recent = e.ws.create("lifecycle.recent@example.com", "Recent");
  // Ages set directly (the touch trigger would stamp now()): suspended 15 days ago (> 14), soft-
  // deleted 8 days ago (> 21 - 14) and soft-deleted yesterday.
  auto aged = e.pool->transaction_sync(
      {{"SET LOCAL session_replication_role = replica", {}},
       {"UPDATE core.workspace SET activation_status = 'SUSPENDED', updated_at = now() - interval "
        "'15 days' WHERE id = $1::uuid",
        {idle.id}},
       {"UPDATE core.workspace SET deleted_at = now() - interval '8 days' WHERE id = $1::uuid",
        {gone.id}},
       {"UPDATE core.workspace SET deleted_at = now() - interval '1 day' WHERE id = $1::uuid",
        {recent.id}}});
  ASSERT_TRUE(aged.ok());

  // What the cron schedule enqueues every day.
  auto schedule = e.one(
      "SELECT cron || ' ' || kind FROM core.job_schedule WHERE name = "
      "'workspace.cleanup'");
  EXPECT_EQ(schedule, "0 3 * * * workspace.cleanup");
  auto job = e.one("INSERT INTO core.job (kind) VALUES ('workspace.cleanup') RETURNING id");
  EXPECT_EQ(lc::wait_for_value(*e.pool, "SELECT status FROM core.job WHERE id = " + job, "done"),
            "done");
  EXPECT_EQ(e.one("SELECT deleted_at IS NOT NULL FROM core.workspace WHERE id = '" + idle.id + "'"),
            "t");
  EXPECT_EQ(lc::wait_for_value(*e.pool,
                               "SELECT status FROM core.job WHERE kind = 'workspace.delete' AND "
                               "idempotency_key = 'cleanup:" +
                                   gone.id + "'",
                               "done"),
            "done");
  EXPECT_EQ(lc::rows_of(*e.pool, gone.id), (std::map<std::string, long>{}));
  EXPECT_FALSE(lc::schema_exists(*e.pool, gone.schema));
  // Soft-deleted but within the grace period, and the suspended one just soft-deleted: kept.
  EXPECT_TRUE(lc::schema_exists(*e.pool, recent.schema));
  EXPECT_TRUE(lc::schema_exists(*e.pool, idle.schema));
  EXPECT_EQ(e.one("SELECT count(*) FROM core.job WHERE kind = 'workspace.delete' AND "
                  "idempotency_key IN ('cleanup:" +
                  recent.id + "', 'cleanup:" + idle.id + "')"),
            "0");
  // Workspace A is active and untouched.
  EXPECT_EQ(e.one("SELECT deleted_at IS NULL FROM core.workspace WHERE id = '" + e.ws.a.id + "'"),
            "t");
}

}  // namespace

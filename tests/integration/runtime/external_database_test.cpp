// PG_DATABASE_URL: Cohort uses the given PostgreSQL instead of starting its own, and
// `cohort migrate` brings its core schema up to date exactly once.
#include <gtest/gtest.h>

#include <filesystem>

#include "fixtures/cohort_server.hpp"
#include "fixtures/postgres_server.hpp"
#include "storage/migrations/migration.hpp"
#include "storage/pg/pool.hpp"

using namespace cohort::testing;

namespace {

// Every migration this binary embeds, applied once each.
int embedded_migrations() {
  return static_cast<int>(cohort::storage::migrations::core_migration_set().migrations.size());
}

int count_rows(const std::string& conninfo, const std::string& sql) {
  cohort::storage::pg::pool_options opts;
  opts.conninfo = conninfo;
  auto pool = cohort::storage::pg::pool::create(opts);
  auto r = pool->query_sync(sql);
  EXPECT_TRUE(r.ok()) << cohort::storage::pg::describe(r.error());
  return r.ok() ? std::stoi(std::string(r.get(0, 0))) : -1;
}

}  // namespace

TEST(ExternalDatabase, MigrateAppliesTheCoreSchemaOnce) {
  auto& pg = postgres_server::shared();
  std::string db = pg.create_database("migrate_once");
  for (int run = 0; run < 2; ++run) {
    auto r = run_cohort({"migrate"}, {{"PG_DATABASE_URL", db}});
    EXPECT_EQ(r.status, 0) << r.err << r.out;
  }
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM core.migrations"), embedded_migrations());
  EXPECT_EQ(count_rows(db,
                       "SELECT count(*) FROM information_schema.tables "
                       "WHERE table_schema = 'core' AND table_name = 'workspace'"),
            1);
}

TEST(ExternalDatabase, ServeUsesItAndStartsNoEmbeddedServer) {
  auto& pg = postgres_server::shared();
  std::string db = pg.create_database("serve_external");
  temp_dir dir("cohort-e2e");
  std::string data = (dir.path() / "data").string();
  cohort_server server({.args = {}, .env = {{"PG_DATABASE_URL", db}}, .data_dir = data});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();
  auto health = server.get("/healthz/database");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200u) << health->body;
  EXPECT_FALSE(std::filesystem::exists(data + "/postgres")) << "no embedded cluster was created";
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM core.migrations"), embedded_migrations())
      << "serve applied the migrations at start";

  // The database going away shows in the health indicator, and the server keeps running.
  pg.stop();
  auto down = server.get("/healthz/database");
  pg.start();
  ASSERT_TRUE(down);
  EXPECT_EQ(down->status, 503u) << down->body;
  auto back = server.get("/healthz/database");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->status, 200u) << "the pool reconnects once PostgreSQL is back: " << back->body;
  EXPECT_EQ(server.proc().stop(SIGTERM), 0);
}

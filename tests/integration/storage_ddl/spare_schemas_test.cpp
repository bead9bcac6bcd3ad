// Spare schemas on a real PostgreSQL: a claimed spare becomes the workspace's schema with exactly
// the tables, columns and indexes full provisioning makes; concurrent claims never share a spare;
// a spare made from other DDL is never handed out.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "fixtures/postgres_server.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/ddl/spare_schemas.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/migrations/migrator.hpp"
#include "storage/pg/pool.hpp"

namespace ddl = cohort::storage::ddl;
namespace pg = cohort::storage::pg;
namespace standard = cohort::model::standard;
using cohort::testing::postgres_server;

namespace {

std::shared_ptr<pg::pool> migrated_pool(const std::string& database) {
  pg::pool_options options;
  options.conninfo = postgres_server::shared().create_database(database);
  options.max_connections = 6;
  auto pool = pg::pool::create(options);
  auto report = cohort::storage::migrations::run_migrations(*pool);
  EXPECT_TRUE(report.ok()) << report.error->message;
  return pool;
}

std::string one(pg::pool& pool, const std::string& sql, pg::params args = {}) {
  auto r = pool.query_sync(sql, std::move(args), false);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : pg::describe(r.error())) << "\n" << sql;
  if (!r.ok() || r.rows() == 0) return "<none>";
  return std::string(r.get(0, 0));
}

int spare_count(pg::pool& pool) {
  return std::stoi(one(pool, "SELECT count(*) FROM core.spare_schema"));
}

// Waits (bounded) until the background filler has made `n` spares.
bool wait_for_spares(pg::pool& pool, int n) {
  for (int i = 0; i < 600; ++i) {
    if (spare_count(pool) >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// Lets the background refill finish before the test lets go of the pool: the refill's callback
// holds the spares and so the pool, which must not end on its own thread.
void settle(const ddl::spare_schemas& spares) {
  for (int i = 0; i < 600 && spares.filling(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

ddl::provision_result provision(ddl::spare_schemas& spares, const std::string& workspace_id) {
  std::promise<ddl::provision_result> done;
  auto future = done.get_future();
  spares.provision(workspace_id,
                   [&done](ddl::provision_result r) { done.set_value(std::move(r)); });
  return future.get();
}

// Every column of a schema as "table.column:type:nullable:has-default", one string to compare.
std::string shape_of(pg::pool& pool, const std::string& schema) {
  auto r = pool.query_sync(
      "SELECT string_agg(table_name || '.' || column_name || ':' || udt_name || ':' || "
      "is_nullable || ':' || (column_default IS NOT NULL)::text, ',' ORDER BY table_name, "
      "column_name) FROM information_schema.columns WHERE table_schema = $1",
      {schema}, false);
  EXPECT_TRUE(r.ok());
  return r.ok() ? std::string(r.get(0, 0)) : "";
}

std::string indexes_of(pg::pool& pool, const std::string& schema) {
  auto r = pool.query_sync(
      "SELECT string_agg(indexname || ' ' || replace(indexdef, $1, 'S'), ',' ORDER BY indexname) "
      "FROM pg_indexes WHERE schemaname = $1",
      {schema}, false);
  EXPECT_TRUE(r.ok());
  return r.ok() ? std::string(r.get(0, 0)) : "";
}

}  // namespace

TEST(SpareSchemas, AClaimedSpareIsTheSameSchemaFullProvisioningMakes) {
  auto pool = migrated_pool("spare_same");
  auto spares = ddl::spare_schemas::create(pool, standard::shared_standard_objects(), 1);
  spares->refill();
  ASSERT_TRUE(wait_for_spares(*pool, 1));

  const std::string claimed_id = "5b1f3c1e-2a4d-4c6e-8f10-0a1b2c3d4e5f";
  auto claimed = provision(*spares, claimed_id);
  ASSERT_TRUE(claimed.ok()) << *claimed.error;
  EXPECT_EQ(claimed.schema, *ddl::schema_name_for(claimed_id));
  EXPECT_EQ(claimed.statements, 0) << "a claim runs no DDL script";

  const std::string full_id = "6c2a4d2f-3b5e-4d7f-9a21-1b2c3d4e5f60";
  auto full = ddl::provision_sync(*pool, full_id, *standard::shared_standard_objects());
  ASSERT_TRUE(full.ok()) << *full.error;

  const std::string claimed_shape = shape_of(*pool, claimed.schema);
  EXPECT_GT(claimed_shape.size(), 1000u);
  EXPECT_EQ(claimed_shape, shape_of(*pool, full.schema));
  EXPECT_EQ(indexes_of(*pool, claimed.schema), indexes_of(*pool, full.schema));

  // The renamed schema holds working tables: a row goes in and its enum default comes back.
  EXPECT_EQ(one(*pool, "INSERT INTO \"" + claimed.schema +
                           "\".opportunity (name) VALUES ('Spare deal') RETURNING stage::text"),
            "NEW");
  // The claim started a refill: the spare it took is replaced in the background.
  EXPECT_TRUE(wait_for_spares(*pool, 1));
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name IN "
                "(SELECT name FROM core.spare_schema)"),
            "1");
  settle(*spares);
}

TEST(SpareSchemas, ConcurrentClaimsEachGetTheirOwnSpare) {
  auto pool = migrated_pool("spare_concurrent");
  auto spares = ddl::spare_schemas::create(pool, standard::shared_standard_objects(), 3);
  spares->refill();
  ASSERT_TRUE(wait_for_spares(*pool, 3));
  // Claim through a second instance too (as another node would), all at once.
  auto other_node = ddl::spare_schemas::create(pool, standard::shared_standard_objects(), 0);
  EXPECT_EQ(other_node->fingerprint(), spares->fingerprint());

  const std::vector<std::string> ids = {"7d3b5e30-4c6f-4e80-8b32-2c3d4e5f6071",
                                        "8e4c6f41-5d70-4f91-9c43-3d4e5f607182",
                                        "9f5d7052-6e81-4a02-8d54-4e5f60718293"};
  std::vector<std::future<ddl::provision_result>> claims;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto& claimer = i == 1 ? *other_node : *spares;
    claims.push_back(std::async(std::launch::async, [&claimer, id = ids[i]] {
      std::promise<ddl::provision_result> done;
      auto f = done.get_future();
      claimer.provision(id, [&done](ddl::provision_result r) { done.set_value(std::move(r)); });
      return f.get();
    }));
  }
  std::set<std::string> schemas;
  for (auto& c : claims) {
    auto r = c.get();
    ASSERT_TRUE(r.ok()) << *r.error;
    schemas.insert(r.schema);
  }
  EXPECT_EQ(schemas.size(), 3u);
  for (const auto& id : ids) {
    EXPECT_EQ(one(*pool,
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 "
                  "AND table_name = 'person'",
                  {*ddl::schema_name_for(id)}),
              "1")
        << id;
  }
  EXPECT_TRUE(wait_for_spares(*pool, 3)) << "the claims are replaced in the background";
  settle(*spares);
  settle(*other_node);
}

TEST(SpareSchemas, ASpareOfAnotherModelIsNeverClaimed) {
  auto pool = migrated_pool("spare_other_model");
  // A spare left behind by an older Cohort (other DDL, so another fingerprint).
  one(*pool, "CREATE SCHEMA workspace_spare_old");
  one(*pool,
      "INSERT INTO core.spare_schema (name, fingerprint) VALUES ('workspace_spare_old', "
      "'0000000000') RETURNING name");
  auto spares = ddl::spare_schemas::create(pool, standard::shared_standard_objects(), 1);

  const std::string id = "a0616163-7f92-4b13-9e65-5f6071829304";
  auto r = provision(*spares, id);
  ASSERT_TRUE(r.ok()) << *r.error;
  EXPECT_GT(r.statements, 100) << "provisioned by the full script";
  EXPECT_EQ(one(*pool, "SELECT count(*) FROM core.spare_schema WHERE name = 'workspace_spare_old'"),
            "1");
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                "'workspace_spare_old'"),
            "0");
  // The refill this provisioning started makes a spare of the current model beside it.
  EXPECT_TRUE(wait_for_spares(*pool, 2));
  settle(*spares);
}

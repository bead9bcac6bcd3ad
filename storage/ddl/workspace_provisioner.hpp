// Creating and dropping a workspace's PostgreSQL schema: `workspace_<base36 of the id>` as Twenty
// names it, holding one table per object with its enum types, foreign keys and indexes, all created
// in ONE transaction so that a failure leaves nothing behind.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/object_metadata.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::ddl {

// Base 36 (0-9a-z, no padding) of the UUID's 128-bit value, like Twenty's uuidToBase36.
// nullopt when `uuid` is not 32 hex digits in the 8-4-4-4-12 form.
std::optional<std::string> uuid_to_base36(std::string_view uuid);
// "workspace_" + uuid_to_base36(workspace_id); nullopt for an invalid id.
std::optional<std::string> schema_name_for(std::string_view workspace_id);

struct provision_result {
  std::string schema;
  std::optional<std::string> error;  // generation refusal or the database error that rolled back
  std::optional<pg::error_info> db_error;
  int statements = 0;  // statements in the script, including CREATE SCHEMA
  std::chrono::microseconds elapsed{0};
  bool ok() const { return !error; }
};

using provision_callback = std::function<void(provision_result)>;

// Creates the workspace schema with every object's table in one transaction (one script on one
// connection). `done` runs on a pool thread, or at once on the caller's thread when the metadata
// is refused before anything reaches PostgreSQL.
void provision(pg::pool& pool, std::string_view workspace_id,
               std::span<const model::object_metadata> objects, provision_callback done);
provision_result provision_sync(pg::pool& pool, std::string_view workspace_id,
                                std::span<const model::object_metadata> objects);

// The DDL script that creates `schema` with the objects' tables, or the refusal; `statements`
// counts them (CREATE SCHEMA included). Spare schemas are provisioned with it under their own name.
std::optional<std::string> provisioning_script(std::string_view schema,
                                               std::span<const model::object_metadata> objects,
                                               int& statements, std::string& error);

// DROP SCHEMA ... CASCADE; succeeds when the schema does not exist.
void drop_workspace_schema(pg::pool& pool, std::string_view workspace_id,
                           std::function<void(pg::result)> done);
pg::result drop_workspace_schema_sync(pg::pool& pool, std::string_view workspace_id);

}  // namespace cohort::storage::ddl

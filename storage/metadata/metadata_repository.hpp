// Reading and writing a workspace's metadata rows (migration 0020): one query loads the
// workspace's schema, status, metadata version and every row; writes are statements the caller
// runs in ONE transaction with the DDL they describe, so rows and tables never disagree.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::metadata {

struct metadata_row {
  std::string id;
  std::string object_id;  // fields only
  bool is_custom = false;
  boost::json::object definition;
  std::string created_at;  // ISO 8601 with milliseconds, UTC
  std::string updated_at;
};

struct workspace_metadata {
  bool found = false;
  std::string schema;
  std::string activation_status;
  std::int64_t version = 1;
  std::string created_at;  // the workspace's: standard entities without a row show it
  std::vector<metadata_row> objects;
  std::vector<metadata_row> fields;  // in creation order
};

struct load_result {
  std::optional<pg::error_info> error;
  workspace_metadata metadata;
};

void load_workspace_metadata(pg::pool& pool, const std::string& workspace_id,
                             std::function<void(load_result)> done);

// Upserts (keeping the creation time and order) or deletes one row.
pg::statement upsert_object_row(const std::string& workspace_id, const std::string& id,
                                bool is_custom, const boost::json::object& definition);
pg::statement upsert_field_row(const std::string& workspace_id, const std::string& id,
                               const std::string& object_id, bool is_custom,
                               const boost::json::object& definition);
pg::statement delete_object_row(const std::string& workspace_id, const std::string& id);
pg::statement delete_field_row(const std::string& workspace_id, const std::string& id);
// Bumps core.workspace.metadata_version and returns the new one.
pg::statement bump_metadata_version(const std::string& workspace_id);

}  // namespace cohort::storage::metadata

// What one metadata change does, computed before anything runs: the model after it, the DDL that
// brings the workspace's tables there, and which metadata rows to write or delete. The runner
// executes all of it in one transaction (change_runner.hpp).
#pragma once

#include <set>
#include <string>
#include <variant>
#include <vector>

#include "actors/workspace/metadata/metadata_change.hpp"
#include "model/workspace_model.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors::metadata {

struct change_plan {
  std::vector<model::object_metadata> objects;  // the whole model after the change
  std::vector<std::string> ddl;
  std::set<std::string> objects_to_write;  // ids of objects whose row is rewritten
  std::set<std::string> fields_to_write;   // ids of fields whose row is rewritten
  std::vector<std::string> objects_removed;
  std::vector<std::string> fields_removed;
  // Other rows the change writes in the same transaction (views of a new or deleted object).
  std::vector<storage::pg::statement> statements;
  std::string entity_id;  // what the answer shows
};

using plan_result = std::variant<change_plan, metadata_error>;

// Validates the change against `model` as Twenty does and plans it; nothing runs here.
plan_result plan_change(const model::workspace_model& model, const metadata_change& change);

// One planner per entity kind (object_changes.cpp, field_changes.cpp).
plan_result plan_object_change(const model::workspace_model& model, const metadata_change& change);
plan_result plan_field_change(const model::workspace_model& model, const metadata_change& change);

}  // namespace cohort::actors::metadata

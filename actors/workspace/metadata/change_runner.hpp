// Runs a planned metadata change: its DDL, the metadata rows of every entity it touched and the
// workspace's version bump in ONE transaction (a failure leaves tables and rows as they were),
// then reads the workspace's metadata back so the new model carries the stored timestamps.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "actors/workspace/metadata/change_plan.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors::metadata {

struct run_result {
  std::optional<metadata_error> error;
  // True once the transaction committed, even when reading the model back then failed: the
  // actor's model is stale and must be loaded again.
  bool committed = false;
  std::shared_ptr<model::workspace_model> model;  // the model after the change
};

// `done` runs on a pool thread.
void run_change(std::shared_ptr<storage::pg::pool> pool, const std::string& workspace_id,
                change_plan plan, std::function<void(run_result)> done);

// Loads the workspace's model (standard objects + its metadata rows); error codes as the
// workspace actor answers them: WORKSPACE_NOT_FOUND, WORKSPACE_NOT_ACTIVE, INTERNAL_SERVER_ERROR.
struct load_model_result {
  std::string error;
  std::string message;
  std::shared_ptr<model::workspace_model> model;
};
void load_model(storage::pg::pool& pool, const std::string& workspace_id,
                std::function<void(load_model_result)> done);

}  // namespace cohort::actors::metadata

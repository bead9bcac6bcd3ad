// Spare workspace schemas: provisioning a workspace runs ~200 DDL statements (0.3–0.7 s on a
// small machine), so a few schemas with every standard table are made ahead of time, in the
// background, and activating a workspace renames one (a few milliseconds). Each spare carries the
// fingerprint of the DDL it was made with; a spare of an older model is never claimed. Claims are
// atomic across nodes (core.claim_spare_schema); with no spare ready, provisioning falls back to
// the full script.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "model/object_metadata.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::ddl {

class spare_schemas : public std::enable_shared_from_this<spare_schemas> {
 public:
  using objects_ptr = std::shared_ptr<const std::vector<model::object_metadata>>;

  // `target`: how many spares of this model to keep ready (0 turns spares off).
  static std::shared_ptr<spare_schemas> create(std::shared_ptr<pg::pool> pool, objects_ptr objects,
                                               int target);

  // Provisions the workspace's schema: a spare renamed when one is ready, else the full script.
  // Then tops the spares up in the background. `done` runs on a pool thread.
  void provision(const std::string& workspace_id, provision_callback done);
  // Makes spares, one after another in the background, until `target` of this model exist.
  void refill();

  // Hex digest of the DDL a spare of this model is made with.
  const std::string& fingerprint() const { return fingerprint_; }
  // Spares made by this node since start (for tests and logs).
  int made() const { return made_.load(); }
  // True while a background refill is running (it holds this object and so the pool).
  bool filling() const { return filling_.load(); }

 private:
  spare_schemas(std::shared_ptr<pg::pool> pool, objects_ptr objects, int target);
  void make_one();

  std::shared_ptr<pg::pool> pool_;
  objects_ptr objects_;
  int target_;
  std::string fingerprint_;
  std::atomic<bool> filling_{false};
  std::atomic<int> made_{0};
};

}  // namespace cohort::storage::ddl

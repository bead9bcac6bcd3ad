// One workspace's data model as the APIs and the query compiler read it: the active objects
// with their fields, looked up by name. Built by the workspace actor from its metadata; immutable
// once built and shared (shared_ptr<const workspace_model>) by every request of that version.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::model {

// When each metadata entity was created and last changed (ISO 8601, UTC). Entities without an
// entry (the standard ones a workspace never changed) show the workspace's creation time.
struct metadata_times {
  struct entry {
    std::string created_at;
    std::string updated_at;
  };
  std::string default_time;
  std::unordered_map<std::string, entry> by_id;
};

class workspace_model {
 public:
  workspace_model(std::string workspace_id, std::string schema_name, std::int64_t version,
                  std::vector<object_metadata> objects);
  // Objects shared with other workspaces of the same model (every workspace that has only the
  // standard objects shares one copy).
  workspace_model(std::string workspace_id, std::string schema_name, std::int64_t version,
                  std::shared_ptr<const std::vector<object_metadata>> objects);
  // The lookup maps point into the objects: not copyable (share a shared_ptr).
  workspace_model(const workspace_model&) = delete;
  workspace_model& operator=(const workspace_model&) = delete;

  const std::string& workspace_id() const { return workspace_id_; }
  // The PostgreSQL schema holding the workspace's tables ("workspace_<base36 id>").
  const std::string& schema_name() const { return schema_name_; }
  // Bumped by every metadata change; compiled schemas and plans of another version are stale.
  std::int64_t version() const { return version_; }
  const std::vector<object_metadata>& objects() const { return *objects_; }
  const std::shared_ptr<const std::vector<object_metadata>>& shared_objects() const {
    return objects_;
  }

  // nullptr when there is no such (active or inactive) object.
  const object_metadata* find_object(std::string_view name_singular) const;
  const object_metadata* find_object_by_plural(std::string_view name_plural) const;
  const object_metadata* find_object_by_id(std::string_view id) const;

  // Set once, before the model is shared; null: every entity shows default_time().
  void set_times(std::shared_ptr<const metadata_times> times) { times_ = std::move(times); }
  const metadata_times::entry* times_of(std::string_view id) const;
  const std::string& default_time() const;

 private:
  std::string workspace_id_;
  std::string schema_name_;
  std::int64_t version_ = 1;
  std::shared_ptr<const std::vector<object_metadata>> objects_;
  // Lookups by name and id, built once per object list and shared by every model of that list
  // (the maps are most of what a model costs).
  struct lookups;
  std::shared_ptr<const lookups> lookups_;
  std::shared_ptr<const metadata_times> times_;
};

}  // namespace cohort::model

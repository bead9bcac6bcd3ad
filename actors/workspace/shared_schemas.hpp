// Workspaces with the same model share one compiled /graphql service: a schema of the standard
// model holds about 2.2 MiB, so a node serving thousands of workspaces keeps one copy per
// distinct model instead of one per workspace. The key is the model's object list itself (models
// built from the same shared vector are identical); an entry lives while a workspace uses it.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "graphql/service/graphql_service.hpp"
#include "model/object_metadata.hpp"

namespace cohort::actors {

class shared_schemas {
 public:
  using service_ptr = std::shared_ptr<graphql::service::graphql_service>;
  using objects_ptr = std::shared_ptr<const std::vector<model::object_metadata>>;
  using build_result = std::variant<service_ptr, std::string>;

  // The service compiled for `objects`, built by `build` on the first call (under the lock: two
  // workspaces activating at once compile once).
  build_result get_or_build(const objects_ptr& objects, const std::function<build_result()>& build);
  // The same for models identified by a fingerprint of what the schema is made of (names, types,
  // labels, options; not ids): workspaces whose custom metadata is alike share one schema too.
  build_result get_or_build(const std::string& fingerprint,
                            const std::function<build_result()>& build);
  std::size_t size();  // live entries

 private:
  struct entry {
    std::weak_ptr<const std::vector<model::object_metadata>> objects;
    std::weak_ptr<graphql::service::graphql_service> service;
  };
  std::mutex mutex_;
  std::unordered_map<const void*, entry> entries_;
  std::unordered_map<std::string, std::weak_ptr<graphql::service::graphql_service>> by_fingerprint_;
};

}  // namespace cohort::actors

#include "api/rest/openapi/document_cache.hpp"

#include <mutex>
#include <unordered_map>

namespace cohort::api::rest::openapi {

namespace {

// Workspaces whose document is kept; past it, an arbitrary one is dropped.
constexpr std::size_t max_entries = 256;

struct entry {
  std::int64_t version = 0;
  // The model's object list, by identity: a rebuilt model never matches a stale document.
  std::weak_ptr<const std::vector<model::object_metadata>> objects;
  std::string server_url;
  std::shared_ptr<const std::string> body;
};

}  // namespace

struct document_cache::impl {
  mutable std::mutex mutex;
  std::unordered_map<std::string, entry> by_workspace;
};

document_cache::document_cache() : impl_(std::make_shared<impl>()) {}

document_cache& document_cache::shared() {
  static document_cache cache;
  return cache;
}

std::shared_ptr<const std::string> document_cache::find(const model::workspace_model& model,
                                                        const std::string& server_url) const {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->by_workspace.find(model.workspace_id());
  if (it == impl_->by_workspace.end()) return nullptr;
  const entry& e = it->second;
  if (e.version != model.version() || e.server_url != server_url ||
      e.objects.lock() != model.shared_objects()) {
    return nullptr;
  }
  return e.body;
}

void document_cache::store(const model::workspace_model& model, const std::string& server_url,
                           std::shared_ptr<const std::string> body) {
  std::lock_guard lock(impl_->mutex);
  auto& map = impl_->by_workspace;
  if (map.size() >= max_entries && !map.contains(model.workspace_id())) map.erase(map.begin());
  map[model.workspace_id()] =
      entry{model.version(), model.shared_objects(), server_url, std::move(body)};
}

}  // namespace cohort::api::rest::openapi

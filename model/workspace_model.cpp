#include "model/workspace_model.hpp"

#include <mutex>

namespace cohort::model {

struct workspace_model::lookups {
  std::unordered_map<std::string_view, const object_metadata*> by_singular;
  std::unordered_map<std::string_view, const object_metadata*> by_plural;
  std::unordered_map<std::string_view, const object_metadata*> by_id;
};

namespace {

using objects_ptr = std::shared_ptr<const std::vector<object_metadata>>;

// The maps point into *objects, which never changes after construction; an entry lives while a
// model of that list does.
template <typename Lookups>
std::shared_ptr<const Lookups> shared_lookups(const objects_ptr& objects) {
  struct entry {
    std::weak_ptr<const std::vector<object_metadata>> objects;
    std::weak_ptr<const Lookups> maps;
  };
  static std::mutex mutex;
  static std::unordered_map<const void*, entry> cache;
  std::lock_guard lock(mutex);
  std::erase_if(cache, [](const auto& kv) { return kv.second.maps.expired(); });
  if (auto it = cache.find(objects.get()); it != cache.end()) {
    if (it->second.objects.lock() == objects) {
      if (auto maps = it->second.maps.lock()) return maps;
    }
  }
  auto maps = std::make_shared<Lookups>();
  for (const auto& o : *objects) {
    maps->by_singular.emplace(o.name_singular, &o);
    maps->by_plural.emplace(o.name_plural, &o);
    maps->by_id.emplace(o.id, &o);
  }
  cache[objects.get()] = entry{objects, maps};
  return maps;
}

const object_metadata* lookup(
    const std::unordered_map<std::string_view, const object_metadata*>& index,
    std::string_view key) {
  auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

}  // namespace

workspace_model::workspace_model(std::string workspace_id, std::string schema_name,
                                 std::int64_t version, std::vector<object_metadata> objects)
    : workspace_model(std::move(workspace_id), std::move(schema_name), version,
                      std::make_shared<const std::vector<object_metadata>>(std::move(objects))) {}

workspace_model::workspace_model(std::string workspace_id, std::string schema_name,
                                 std::int64_t version,
                                 std::shared_ptr<const std::vector<object_metadata>> objects)
    : workspace_id_(std::move(workspace_id)),
      schema_name_(std::move(schema_name)),
      version_(version),
      objects_(std::move(objects)),
      lookups_(shared_lookups<lookups>(objects_)) {}

const object_metadata* workspace_model::find_object(std::string_view name_singular) const {
  return lookup(lookups_->by_singular, name_singular);
}

const object_metadata* workspace_model::find_object_by_plural(std::string_view name_plural) const {
  return lookup(lookups_->by_plural, name_plural);
}

const object_metadata* workspace_model::find_object_by_id(std::string_view id) const {
  return lookup(lookups_->by_id, id);
}

const metadata_times::entry* workspace_model::times_of(std::string_view id) const {
  if (!times_) return nullptr;
  auto it = times_->by_id.find(std::string(id));
  return it == times_->by_id.end() ? nullptr : &it->second;
}

const std::string& workspace_model::default_time() const {
  static const std::string epoch = "1970-01-01T00:00:00.000Z";
  return times_ && !times_->default_time.empty() ? times_->default_time : epoch;
}

}  // namespace cohort::model

#include "model/workspace_model.hpp"

namespace cohort::model {

namespace {

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
      objects_(std::move(objects)) {
  // The maps point into *objects_, which never changes after construction.
  for (const auto& o : *objects_) {
    by_singular_.emplace(o.name_singular, &o);
    by_plural_.emplace(o.name_plural, &o);
    by_id_.emplace(o.id, &o);
  }
}

const object_metadata* workspace_model::find_object(std::string_view name_singular) const {
  return lookup(by_singular_, name_singular);
}

const object_metadata* workspace_model::find_object_by_plural(std::string_view name_plural) const {
  return lookup(by_plural_, name_plural);
}

const object_metadata* workspace_model::find_object_by_id(std::string_view id) const {
  return lookup(by_id_, id);
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

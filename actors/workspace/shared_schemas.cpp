#include "actors/workspace/shared_schemas.hpp"

namespace cohort::actors {

shared_schemas::build_result shared_schemas::get_or_build(
    const objects_ptr& objects, const std::function<build_result()>& build) {
  std::lock_guard lock(mutex_);
  // Drop entries nobody uses any more; their address may be reused by another object list.
  std::erase_if(entries_, [](const auto& kv) { return kv.second.service.expired(); });
  auto it = entries_.find(objects.get());
  if (it != entries_.end() && it->second.objects.lock() == objects) {
    if (auto service = it->second.service.lock()) return service;
  }
  build_result built = build();
  if (auto* service = std::get_if<service_ptr>(&built)) {
    entries_[objects.get()] = entry{objects, *service};
  }
  return built;
}

shared_schemas::build_result shared_schemas::get_or_build(
    const std::string& fingerprint, const std::function<build_result()>& build) {
  std::lock_guard lock(mutex_);
  std::erase_if(by_fingerprint_, [](const auto& kv) { return kv.second.expired(); });
  if (auto it = by_fingerprint_.find(fingerprint); it != by_fingerprint_.end()) {
    if (auto service = it->second.lock()) return service;
  }
  build_result built = build();
  if (auto* service = std::get_if<service_ptr>(&built)) by_fingerprint_[fingerprint] = *service;
  return built;
}

std::size_t shared_schemas::size() {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [](const auto& kv) { return kv.second.service.expired(); });
  std::erase_if(by_fingerprint_, [](const auto& kv) { return kv.second.expired(); });
  return entries_.size() + by_fingerprint_.size();
}

}  // namespace cohort::actors

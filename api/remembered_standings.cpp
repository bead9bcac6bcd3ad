#include "api/remembered_standings.hpp"

namespace cohort::api {

std::optional<remembered_standing> remembered_standings::find(const std::string& identity) const {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(identity);
  if (found == entries_.end()) return std::nullopt;
  return found->second;
}

void remembered_standings::remember(const std::string& identity, remembered_standing standing) {
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(identity); found != entries_.end()) {
    found->second = std::move(standing);
    return;
  }
  if (entries_.size() >= capacity_ && !entries_.empty()) entries_.erase(entries_.begin());
  entries_.emplace(identity, std::move(standing));
}

void remembered_standings::forget(const std::string& identity) {
  std::lock_guard lock(mutex_);
  entries_.erase(identity);
}

std::size_t remembered_standings::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

remembered_standings& process_standings() {
  static auto& standings = *new remembered_standings(10000);
  return standings;
}

}  // namespace cohort::api

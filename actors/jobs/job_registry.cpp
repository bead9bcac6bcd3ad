#include "actors/jobs/job_kind.hpp"

namespace cohort::actors::jobs {

void job_registry::add(job_kind kind) {
  std::lock_guard lock(mutex_);
  auto name = kind.name;
  kinds_[name] = std::make_shared<const job_kind>(std::move(kind));
}

std::shared_ptr<const job_kind> job_registry::find(std::string_view name) const {
  std::lock_guard lock(mutex_);
  auto it = kinds_.find(name);
  return it == kinds_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const job_kind>> job_registry::all() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<const job_kind>> out;
  for (const auto& [name, kind] : kinds_) out.push_back(kind);
  return out;
}

}  // namespace cohort::actors::jobs

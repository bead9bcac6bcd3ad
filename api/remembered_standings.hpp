// What the request gate last established for a token identity (workspace + API key, or workspace
// + membership): the caller's role, the workspace's roles_version, the permissions they give and
// the API key's name. A request whose identity is remembered may skip the standing statement; its
// record statement then carries these values as a guard (storage/core/standing_guard.hpp), so a
// remembered standing never stands in for the database's word, it only saves the round trip.
// Bounded and per process: when full, an arbitrary entry makes room.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace cohort::model {
struct effective_permissions;
}  // namespace cohort::model

namespace cohort::api {

struct remembered_standing {
  std::optional<std::string> role_id;
  long roles_version = 0;
  std::shared_ptr<const model::effective_permissions> permissions;
  std::string key_name;                       // API keys only
  long standing_version = 0;                  // the workspace's, for the guard
  std::optional<std::string> key_expires_at;  // API keys only, for the guard
};

class remembered_standings {
 public:
  explicit remembered_standings(std::size_t capacity) : capacity_(capacity) {}
  std::optional<remembered_standing> find(const std::string& identity) const;
  void remember(const std::string& identity, remembered_standing standing);
  void forget(const std::string& identity);
  std::size_t size() const;

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, remembered_standing> entries_;
};

// The process's memory (10,000 identities).
remembered_standings& process_standings();

}  // namespace cohort::api

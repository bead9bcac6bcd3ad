// Full-text search across a workspace's searchable objects (Twenty's `search` root field): one
// statement ranks the records of every searchable object whose searchVector matches the words as
// prefixes (or whose label contains the text), ordered by ts_rank_cd then ts_rank, with Twenty's
// keyset cursor {lastRanks, lastRecordIdsPerObject}.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/permissions/effective_permissions.hpp"
#include "model/workspace_model.hpp"
#include "storage/pg/pool.hpp"
#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

struct search_request {
  std::string text;
  int limit = 20;
  std::optional<std::string> after;                  // a cursor of an earlier answer
  std::optional<std::vector<std::string>> included;  // object nameSingulars, null: all
  std::vector<std::string> excluded;
  boost::json::object filter;  // ObjectRecordFilterInput: id, createdAt, updatedAt, deletedAt
  // The caller's rights: objects it may not read, or whose label or searched fields it may not
  // read, are not searched (null: all).
  std::shared_ptr<const model::effective_permissions> permissions;
};

struct search_hit {
  std::string record_id;
  std::string object;  // nameSingular
  std::string label;
  std::string image_url;
  double rank_cd = 0;  // ts_rank_cd
  double rank = 0;     // ts_rank
};

struct search_page {
  std::vector<search_hit> hits;
  // Twenty's cursor after each hit (base64 JSON), and whether more hits follow the last one.
  std::vector<std::string> cursors;
  bool has_next_page = false;
};

using search_result = std::variant<search_page, record_error>;

// `done` runs on a pool thread, or at once when the request is refused before reaching SQL.
void search(pg::pool& pool, const model::workspace_model& model, const search_request& request,
            std::function<void(search_result)> done);

// The largest `limit` search answers (Twenty's record-query maximum).
inline constexpr int max_search_limit = 200;

}  // namespace cohort::storage::query

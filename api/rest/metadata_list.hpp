// The page rules every REST list shares: Twenty's `limit` (parseLimitRestRequest: absent or empty
// → the default, not a number or negative → 400, above the maximum → the maximum), and the
// /rest/metadata list envelope {data: {<key>: [...]}, pageInfo, totalCount} with id cursors
// (starting_after / ending_before, both at once → 400) over a list already in its order.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "api/rest/query_string.hpp"
#include "api/rest/rest_error.hpp"

namespace cohort::api::rest {

struct limit_rule {
  std::int64_t default_limit;
  std::int64_t max_limit;
};

// Records (/rest/{object}): QUERY_DEFAULT_LIMIT_RECORDS, and QUERY_MAX_RECORDS as the core
// OpenAPI document advertises it.
inline constexpr limit_rule record_limits{60, 200};
// /rest/metadata objects, fields and views: the metadata document's default, which is also
// the most a page holds.
inline constexpr limit_rule metadata_limits{1000, 1000};
// /rest/metadata/apiKeys: the record rule (the document's `pageLimit`).
inline constexpr limit_rule api_key_limits = record_limits;

// `?limit` of `params` under `rule`.
std::variant<std::int64_t, rest_error> parse_limit(const query_string& params, limit_rule rule);

struct page_request {
  std::int64_t limit = 0;
  std::optional<std::string> starting_after;
  std::optional<std::string> ending_before;
};

// `?limit`, `?starting_after`, `?ending_before` of a metadata list.
std::variant<page_request, rest_error> parse_page_request(const query_string& params,
                                                          limit_rule rule);

// One page of `items` (objects with an "id", in list order) cut at the request's cursors, in
// the envelope {data: {key: [...]}, pageInfo: {hasNextPage, startCursor, endCursor},
// totalCount}. A cursor naming no item is a 400 "Invalid cursor: <id>".
std::variant<boost::json::object, rest_error> page_envelope(std::string_view key,
                                                            const boost::json::array& items,
                                                            const page_request& page);

}  // namespace cohort::api::rest

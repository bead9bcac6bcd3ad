// nestjs-query's in-memory side of the /metadata connections: filters over a node's properties
// (`and`/`or`, UUID comparisons, boolean is/isNot) and CursorPaging with offset cursors
// (base64 of "arrayconnection:<index>", as Twenty's answers show).
#pragma once

#include <boost/json/object.hpp>
#include <vector>

namespace cohort::api::platform {

bool matches_filter(const boost::json::object& node, const boost::json::object& filter);

// {pageInfo {hasNextPage hasPreviousPage startCursor endCursor}, edges [{node, cursor}]}.
boost::json::object paged_connection(std::vector<boost::json::object> nodes,
                                     const boost::json::object& paging);

}  // namespace cohort::api::platform

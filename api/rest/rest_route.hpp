// Which record operation a REST call asks for, from its method and path alone (Twenty's routes:
// /rest/{plural}, /rest/{plural}/{id}, /rest/batch/{plural} and the restore ones). The object is
// looked up later, in the caller's workspace model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "api/rest/rest_error.hpp"

namespace cohort::api::rest {

enum class rest_action {
  find_many,     // GET /rest/{p}
  find_one,      // GET /rest/{p}/{id}
  create_one,    // POST /rest/{p}
  create_many,   // POST /rest/batch/{p}
  update_one,    // PATCH (or PUT) /rest/{p}/{id}
  update_many,   // PATCH /rest/{p}?filter=...
  delete_one,    // DELETE /rest/{p}/{id}
  delete_many,   // DELETE /rest/{p}?filter=...
  restore_one,   // PATCH /rest/{p}/{id}/restore
  restore_many,  // PATCH /rest/{p}/restore?filter=...
  duplicates,    // POST /rest/{p}/duplicates {ids | data}
  merge,         // PATCH /rest/{p}/merge {ids, conflictPriorityIndex, dryRun}
  group_by,      // GET /rest/{p}/groupBy?group_by=[...]&aggregate=[...]
};

struct rest_route {
  rest_action action = rest_action::find_many;
  std::string plural;
  std::optional<std::string> id;
};

// `path` is percent-decoded and starts with "/rest".
std::variant<rest_route, rest_error> parse_route(std::string_view method, std::string_view path);

// The metrics label of a /rest path: "/rest/{object}", "/rest/{object}/{id}",
// "/rest/batch/{object}", the restore ones, or "/rest" for anything else (bounded label set).
const char* route_label(std::string_view path);

}  // namespace cohort::api::rest

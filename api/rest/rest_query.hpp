// A REST call (route, query parameters, body) turned into the same model::record_query the
// GraphQL API produces, checked against the caller's workspace model: unknown objects, fields,
// comparators, directions, limits and depths are 400s here, before anything reaches the database.
// Carries what the answer needs: the envelope key, the status, the projection to flatten.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "actors/request_context.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_error.hpp"
#include "api/rest/rest_route.hpp"
#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"

namespace cohort::api::rest {

struct rest_query {
  model::record_query query;
  rest_action action = rest_action::find_many;
  std::string object;     // nameSingular
  std::string data_key;   // "people", "person", "createPerson", "createPeople", "updatePerson", ...
  unsigned status = 200;  // 201 for creates
  // ending_before: the compiler answers the page in reverse order (nearest the cursor first);
  // Twenty's REST lists it in the requested order again but keeps the cursors as they were.
  bool backwards = false;
  // groupBy: the aggregates asked for (response names) and whether each group lists records.
  std::vector<std::string> aggregates;
  bool records_sample = false;
};

std::variant<rest_query, rest_error> build_rest_query(const rest_route& route,
                                                      const query_string& params,
                                                      std::string_view body,
                                                      const model::workspace_model& model,
                                                      const actors::caller& who);

}  // namespace cohort::api::rest

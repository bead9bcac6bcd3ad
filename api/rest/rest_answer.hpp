// The HTTP answer of a REST call from the compiled statement's JSON: Twenty's envelopes
// ({"data":{"people":[...]},"pageInfo":{...},"totalCount":n}, {"data":{"createPerson":{...}}})
// with one-to-many relations as plain arrays, or the compiler's error in the REST error shape.
#pragma once

#include "api/http/message.hpp"
#include "api/rest/rest_error.hpp"
#include "api/rest/rest_query.hpp"
#include "storage/query/run.hpp"

namespace cohort::api::rest {

http::response answer(const rest_query& call, storage::query::run_result result);

// A compiler or database error as Twenty's REST filter shows it: 400 for what the client sent
// (a missing record included), 403 for permissions, 500 for faults.
rest_error rest_error_of(const rest_query& call, const storage::query::record_error& error);

}  // namespace cohort::api::rest

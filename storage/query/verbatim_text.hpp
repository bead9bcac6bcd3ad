// A record statement's JSON text made into the bytes the GraphQL response writer would write for
// it: PostgreSQL's json functions space their output (`{"a" : 1, "b" : [1, 2]}`), the writer
// does not. Strings are left exactly as PostgreSQL escaped them, which is how the writer escapes
// them too (\" \\ \b \f \n \r \t, other control characters as \u00xx, nothing else). The same
// pass runs the checks the binder asked for (model::verbatim_answer), the part of "is this text
// what GraphQL would write" that depends on the rows.
#pragma once

#include <string>
#include <string_view>

#include "model/query/record_query.hpp"

namespace cohort::storage::query {

// `text` without the whitespace between its tokens, into `out` (replaced). False when a check
// fails (`out` is then unspecified: parse `text` instead).
bool compact_verbatim(std::string_view text, std::string& out,
                      const model::verbatim_answer& checks);

}  // namespace cohort::storage::query

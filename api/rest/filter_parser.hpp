// Twenty's REST `filter` syntax turned into Twenty's filter input, the shape the query compiler
// reads: leaves `field[comparator]:value` (composite subfields dotted, `in` / `containsAny` lists
// in brackets, `is` NULL / NOT_NULL), AND-ed when comma-separated, nested in and(...), or(...),
// not(...). Values may be quoted with " or ' to hold commas, brackets and parentheses; they are
// typed by the field (numbers and booleans become JSON numbers and booleans).
#pragma once

#include <boost/json/object.hpp>
#include <string_view>
#include <variant>

#include "api/rest/rest_error.hpp"
#include "model/object_metadata.hpp"

namespace cohort::api::rest {

// An empty (or blank) text is an empty filter.
std::variant<boost::json::object, rest_error> parse_filter(std::string_view text,
                                                           const model::object_metadata& object);

}  // namespace cohort::api::rest

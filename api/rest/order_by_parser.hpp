// Twenty's REST `order_by` (`field[Direction],name.firstName[DescNullsLast],city`) turned into
// the orderBy input the query compiler reads: `[{"field":"Direction"},
// {"name":{"firstName":...}}]`. A missing direction is AscNullsFirst.
#pragma once

#include <boost/json/array.hpp>
#include <string_view>
#include <variant>

#include "api/rest/rest_error.hpp"
#include "model/object_metadata.hpp"

namespace cohort::api::rest {

std::variant<boost::json::array, rest_error> parse_order_by(std::string_view text,
                                                            const model::object_metadata& object);

}  // namespace cohort::api::rest

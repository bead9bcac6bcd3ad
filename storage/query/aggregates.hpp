// Connection aggregate fields (spec §3.2: totalCount, countEmpty{F}, countNotEmpty{F},
// countUniqueValues{F}, percentageEmpty{F}, percentageNotEmpty{F}, min/max/avg/sum{F},
// countTrue/countFalse{F}) as SQL aggregate expressions over the filtered rows of one alias.
// "Empty" follows Twenty's null-equivalence ('' text, '{}' arrays, empty JSON, all subfields).
#pragma once

#include <string>

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

std::string aggregate_sql(compile_context& ctx, const model::object_metadata& object,
                          const std::string& alias, const model::aggregate_item& item);

}  // namespace cohort::storage::query

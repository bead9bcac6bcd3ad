#include "storage/query/leaf_text.hpp"

namespace cohort::storage::query {

leaf_text leaf_text_of(model::field_type type) {
  switch (type) {
    case model::field_type::text:
    case model::field_type::rich_text:
      return leaf_text::string;
    case model::field_type::uuid:
      return leaf_text::uuid;
    case model::field_type::date_time:
      return leaf_text::iso_date_time;
    case model::field_type::boolean:
      return leaf_text::boolean;
    default:
      return leaf_text::other;
  }
}

leaf_text leaf_text_of(const model::aggregate_item& aggregate) {
  const auto& op = aggregate.operation;
  if (op == "totalCount" || op == "countEmpty" || op == "countNotEmpty" ||
      op == "countUniqueValues" || op == "countTrue" || op == "countFalse") {
    return leaf_text::count;
  }
  return leaf_text::other;  // percentages (float8), min/max/avg/sum
}

}  // namespace cohort::storage::query

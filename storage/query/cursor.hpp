// Twenty's connection cursors: standard base64 of a compact JSON object holding the record's
// order-by values and its id ({"position":3,"id":"…"}; composite keys as nested objects). The
// statement builds each edge's cursor in SQL; an `after`/`before` cursor is decoded here and turned
// into a keyset condition that is strictly after it in the full sort order, nulls and ties
// included.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile_context.hpp"
#include "storage/query/order_compiler.hpp"

namespace cohort::storage::query {

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

// The cursor text Twenty would produce for these values (compact JSON, base64).
std::string encode_cursor(const boost::json::object& values);
// The JSON object inside a cursor; nullopt when it is not base64 of a JSON object.
std::optional<boost::json::object> decode_cursor(std::string_view cursor);

// Rows strictly after `cursor` when reading in the order of `keys`. Fails with Twenty's
// INVALID_CURSOR errors when the cursor cannot be decoded or lacks a key's value.
std::string keyset_condition(compile_context& ctx, const std::vector<sort_key>& keys,
                             std::string_view cursor);

// SQL that yields each row's cursor. A composite key records the ordered subfields and those the
// node selects, in the composite's own subfield order (as Twenty's cursors do).
std::string cursor_sql(const std::vector<sort_key>& keys, const model::object_metadata& object,
                       const std::string& alias, const model::record_selection* node);

}  // namespace cohort::storage::query

// The custom scalars Twenty's schemas expose, ready to add to a schema_builder: names and
// descriptions exactly as Twenty 1.6 introspects them, coercions after Twenty's implementations
// (tightened where Twenty accepts what would fail later, e.g. an invalid UUID literal).
#pragma once

#include <string_view>

#include "graphql/type/schema_builder.hpp"

namespace cohort::graphql::type::twenty_scalars {

scalar_config uuid();               // UUID: RFC 4122 text
scalar_config date_time();          // DateTime: ISO string out, normalized ISO string in
scalar_config date();               // Date: milliseconds since the epoch
scalar_config json();               // JSON: any JSON value
scalar_config json_object();        // JSONObject: a JSON object
scalar_config big_float();          // BigFloat: number out, decimal string in
scalar_config big_int();            // BigInt: decimal string both ways
scalar_config cursor();             // Cursor: opaque string
scalar_config connection_cursor();  // ConnectionCursor: opaque string
scalar_config position();           // Position: number, "first" or "last"
scalar_config ts_vector();          // TSVector: string
scalar_config upload();             // Upload: an upload reference object placed by the HTTP layer
scalar_config raw_json();           // RawJSONScalar: JSON text out parsed, JSON in stringified

// What the UUID scalar accepts (the `uuid` package's validate(): versions 1-8 with the RFC
// variant, the nil and the max UUID): record answers written through check their UUIDs with it.
bool is_valid_uuid(std::string_view text);

}  // namespace cohort::graphql::type::twenty_scalars

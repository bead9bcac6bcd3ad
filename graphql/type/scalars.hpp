// The five scalars the specification defines (graphql-js `type/scalars`): Int, Float, String,
// Boolean and ID, with graphql-js's exact coercion rules and error messages.
#pragma once

#include <cstdint>
#include <string_view>

#include "graphql/type/definition.hpp"

namespace cohort::graphql::type {

inline constexpr std::int64_t graphql_max_int = 2147483647;
inline constexpr std::int64_t graphql_min_int = -2147483648LL;

// Int, Float, String, Boolean, ID (graphql-js `specifiedScalarTypes`, in that order:
// String, Int, Float, Boolean, ID).
bool is_specified_scalar_name(std::string_view name);

// The description and coercions of a specified scalar; nullptr / empty for another name.
const char* specified_scalar_description(std::string_view name);
scalar_functions specified_scalar_functions(std::string_view name);

// The coercions themselves, for tests and for callers that know the scalar.
coercion_result int_serialize(const boost::json::value& v);
coercion_result int_parse_value(const boost::json::value& v);
coercion_result int_parse_literal(const value_literal& l);
coercion_result float_serialize(const boost::json::value& v);
coercion_result float_parse_value(const boost::json::value& v);
coercion_result float_parse_literal(const value_literal& l);
coercion_result string_serialize(const boost::json::value& v);
coercion_result string_parse_value(const boost::json::value& v);
coercion_result string_parse_literal(const value_literal& l);
coercion_result boolean_serialize(const boost::json::value& v);
coercion_result boolean_parse_value(const boost::json::value& v);
coercion_result boolean_parse_literal(const value_literal& l);
coercion_result id_serialize(const boost::json::value& v);
coercion_result id_parse_value(const boost::json::value& v);
coercion_result id_parse_literal(const value_literal& l);

}  // namespace cohort::graphql::type

#include "graphql/type/scalars.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "graphql/utilities/js_values.hpp"

namespace cohort::graphql::type {

namespace json = boost::json;
using utilities::inspect;

namespace {

// The number an output value stands for in Int/Float serialize: booleans are 1/0, non-empty
// strings go through Number(); anything else is not a number (nullopt).
std::optional<double> serialized_number(const json::value& v) {
  if (v.is_bool()) return v.get_bool() ? 1.0 : 0.0;
  if (v.is_string() && !v.get_string().empty()) {
    return utilities::js_string_to_number(v.get_string());
  }
  if (utilities::is_number(v)) return utilities::as_double(v);
  return std::nullopt;
}

bool is_integer(double d) {
  return std::isfinite(d) && std::trunc(d) == d;
}

bool in_int_range(const json::value& v) {
  if (v.is_int64()) return v.get_int64() >= graphql_min_int && v.get_int64() <= graphql_max_int;
  if (v.is_uint64()) return v.get_uint64() <= static_cast<std::uint64_t>(graphql_max_int);
  double d = v.as_double();
  return d >= static_cast<double>(graphql_min_int) && d <= static_cast<double>(graphql_max_int);
}

}  // namespace

bool is_specified_scalar_name(std::string_view name) {
  return name == "String" || name == "Int" || name == "Float" || name == "Boolean" || name == "ID";
}

const char* specified_scalar_description(std::string_view name) {
  if (name == "Int") {
    return "The `Int` scalar type represents non-fractional signed whole numeric values. Int can "
           "represent values between -(2^31) and 2^31 - 1.";
  }
  if (name == "Float") {
    return "The `Float` scalar type represents signed double-precision fractional values as "
           "specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
  }
  if (name == "String") {
    return "The `String` scalar type represents textual data, represented as UTF-8 character "
           "sequences. The String type is most often used by GraphQL to represent free-form "
           "human-readable text.";
  }
  if (name == "Boolean") return "The `Boolean` scalar type represents `true` or `false`.";
  if (name == "ID") {
    return "The `ID` scalar type represents a unique identifier, often used to refetch an object "
           "or as key for a cache. The ID type appears in a JSON response as a String; however, "
           "it is not intended to be human-readable. When expected as an input type, any string "
           "(such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
  }
  return nullptr;
}

scalar_functions specified_scalar_functions(std::string_view name) {
  if (name == "Int") return {int_serialize, int_parse_value, int_parse_literal};
  if (name == "Float") return {float_serialize, float_parse_value, float_parse_literal};
  if (name == "String") return {string_serialize, string_parse_value, string_parse_literal};
  if (name == "Boolean") return {boolean_serialize, boolean_parse_value, boolean_parse_literal};
  if (name == "ID") return {id_serialize, id_parse_value, id_parse_literal};
  return {};
}

// Int

coercion_result int_serialize(const json::value& v) {
  auto num = serialized_number(v);
  if (!num || !is_integer(*num)) {
    return coercion_result::error("Int cannot represent non-integer value: " + inspect(v));
  }
  if (*num > static_cast<double>(graphql_max_int) || *num < static_cast<double>(graphql_min_int)) {
    return coercion_result::error("Int cannot represent non 32-bit signed integer value: " +
                                  inspect(v));
  }
  return static_cast<std::int64_t>(*num);
}

coercion_result int_parse_value(const json::value& v) {
  if (!utilities::is_integer_number(v)) {
    return coercion_result::error("Int cannot represent non-integer value: " + inspect(v));
  }
  if (!in_int_range(v)) {
    return coercion_result::error("Int cannot represent non 32-bit signed integer value: " +
                                  *utilities::js_number_to_string(v));
  }
  return static_cast<std::int64_t>(utilities::as_double(v));
}

coercion_result int_parse_literal(const value_literal& l) {
  if (l.kind != literal_kind::int_value) {
    return coercion_result::error("Int cannot represent non-integer value: " + print_literal(l));
  }
  json::value n = untyped_value(l);
  if (!in_int_range(n)) {
    return coercion_result::error("Int cannot represent non 32-bit signed integer value: " +
                                  std::string(l.text));
  }
  return static_cast<std::int64_t>(utilities::as_double(n));
}

// Float

coercion_result float_serialize(const json::value& v) {
  auto num = serialized_number(v);
  if (!num || !std::isfinite(*num)) {
    return coercion_result::error("Float cannot represent non numeric value: " + inspect(v));
  }
  return *num;
}

coercion_result float_parse_value(const json::value& v) {
  if (!utilities::is_number(v) || !std::isfinite(utilities::as_double(v))) {
    return coercion_result::error("Float cannot represent non numeric value: " + inspect(v));
  }
  return utilities::as_double(v);
}

coercion_result float_parse_literal(const value_literal& l) {
  if (l.kind != literal_kind::float_value && l.kind != literal_kind::int_value) {
    return coercion_result::error("Float cannot represent non numeric value: " + print_literal(l));
  }
  return std::strtod(std::string(l.text).c_str(), nullptr);
}

// String

coercion_result string_serialize(const json::value& v) {
  if (v.is_string()) return v;
  if (v.is_bool()) return json::string(v.get_bool() ? "true" : "false");
  if (utilities::is_number(v) && std::isfinite(utilities::as_double(v))) {
    return json::string(*utilities::js_number_to_string(v));
  }
  return coercion_result::error("String cannot represent value: " + inspect(v));
}

coercion_result string_parse_value(const json::value& v) {
  if (!v.is_string()) {
    return coercion_result::error("String cannot represent a non string value: " + inspect(v));
  }
  return v;
}

coercion_result string_parse_literal(const value_literal& l) {
  if (l.kind != literal_kind::string_value) {
    return coercion_result::error("String cannot represent a non string value: " +
                                  print_literal(l));
  }
  return json::string(l.text);
}

// Boolean

coercion_result boolean_serialize(const json::value& v) {
  if (v.is_bool()) return v;
  if (utilities::is_number(v) && std::isfinite(utilities::as_double(v))) {
    return utilities::as_double(v) != 0;
  }
  return coercion_result::error("Boolean cannot represent a non boolean value: " + inspect(v));
}

coercion_result boolean_parse_value(const json::value& v) {
  if (!v.is_bool()) {
    return coercion_result::error("Boolean cannot represent a non boolean value: " + inspect(v));
  }
  return v;
}

coercion_result boolean_parse_literal(const value_literal& l) {
  if (l.kind != literal_kind::boolean_value) {
    return coercion_result::error("Boolean cannot represent a non boolean value: " +
                                  print_literal(l));
  }
  return l.text == "true";
}

// ID

coercion_result id_serialize(const json::value& v) {
  if (v.is_string()) return v;
  if (utilities::is_integer_number(v)) return json::string(*utilities::js_number_to_string(v));
  return coercion_result::error("ID cannot represent value: " + inspect(v));
}

coercion_result id_parse_value(const json::value& v) {
  if (v.is_string()) return v;
  if (utilities::is_integer_number(v)) return json::string(*utilities::js_number_to_string(v));
  return coercion_result::error("ID cannot represent value: " + inspect(v));
}

coercion_result id_parse_literal(const value_literal& l) {
  if (l.kind != literal_kind::string_value && l.kind != literal_kind::int_value) {
    return coercion_result::error("ID cannot represent a non-string and non-integer value: " +
                                  print_literal(l));
  }
  return json::string(l.text);
}

}  // namespace cohort::graphql::type

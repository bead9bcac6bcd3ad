#include "graphql/type/scalars_extra.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "graphql/utilities/iso_date_time.hpp"
#include "graphql/utilities/js_values.hpp"

namespace cohort::graphql::type::twenty_scalars {

namespace bj = boost::json;

namespace {

scalar_config make(const char* name, const char* description, scalar_functions functions) {
  scalar_config s;
  s.name = name;
  s.description = description;
  s.functions = std::move(functions);
  return s;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

}  // namespace

// The `uuid` package's validate(): versions 1-8, the nil UUID and the max UUID.
bool is_valid_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < 36; ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
  }
  char version = s[14], variant = static_cast<char>(s[19] | 0x20);
  if (version >= '1' && version <= '8' &&
      (variant == '8' || variant == '9' || variant == 'a' || variant == 'b')) {
    return true;
  }
  // The nil and the max UUID (any case), compared without a copy: record answers check every id.
  const char fill = static_cast<char>(s[0] | 0x20);
  if (fill != '0' && fill != 'f') return false;
  for (char c : s) {
    if (c != '-' && static_cast<char>(c | 0x20) != fill) return false;
  }
  return true;
}

namespace {

coercion_result check_uuid(const bj::value& v) {
  if (!v.is_string()) return coercion_result::error("UUID must be a string");
  if (!is_valid_uuid(v.get_string())) return coercion_result::error("Invalid UUID");
  return v;
}

coercion_result string_only(const bj::value& v, const char* message) {
  if (!v.is_string()) return coercion_result::error(message);
  return v;
}

coercion_result string_literal_only(const value_literal& l, const char* message) {
  if (l.kind != literal_kind::string_value) return coercion_result::error(message);
  return bj::string(l.text);
}

constexpr const char* invalid_date_time = "Invalid date format, expected ISO date string";

coercion_result date_time_from(const bj::value& v) {
  if (v.is_string()) {
    if (auto ms = utilities::parse_iso_date_time(v.get_string())) {
      return bj::string(utilities::format_iso_date_time(*ms));
    }
  } else if (utilities::is_integer_number(v)) {
    return bj::string(
        utilities::format_iso_date_time(static_cast<std::int64_t>(utilities::as_double(v))));
  }
  return coercion_result::error(invalid_date_time);
}

// JavaScript's `${value}` for the JSONObject messages.
std::string template_string(const bj::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_array()) {
    std::string out;
    bool first = true;
    for (const auto& item : v.get_array()) {
      if (!first) out += ",";
      first = false;
      if (!item.is_null()) out += template_string(item);
    }
    return out;
  }
  if (v.is_object()) return "[object Object]";
  return utilities::inspect(v);
}

coercion_result json_object_check(const bj::value& v) {
  if (!v.is_object()) {
    return coercion_result::error("JSONObject cannot represent non-object value: " +
                                  template_string(v));
  }
  return v;
}

coercion_result position_check(const bj::value& v) {
  if (utilities::is_number(v)) return v;
  if (v.is_string() && (v.get_string() == "first" || v.get_string() == "last")) return v;
  return coercion_result::error("Invalid position value: '" + template_string(v) +
                                "'. Position must be 'first', 'last', or a number");
}

bool is_integer_text(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

scalar_config uuid() {
  return make("UUID", "A UUID scalar type",
              {check_uuid, check_uuid, [](const value_literal& l) -> coercion_result {
                 if (l.kind != literal_kind::string_value) {
                   return coercion_result::error("UUID must be a string");
                 }
                 return check_uuid(bj::string(l.text));
               }});
}

scalar_config date_time() {
  return make("DateTime",
              "A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the "
              "date-time format.",
              {date_time_from,
               [](const bj::value& v) -> coercion_result {
                 if (!v.is_string()) return coercion_result::error(invalid_date_time);
                 return date_time_from(v);
               },
               [](const value_literal& l) -> coercion_result {
                 if (l.kind != literal_kind::string_value) {
                   return coercion_result::error(invalid_date_time);
                 }
                 return date_time_from(bj::string(l.text));
               }});
}

scalar_config date() {
  auto to_ms = [](const bj::value& v) -> coercion_result {
    if (utilities::is_number(v) && std::isfinite(utilities::as_double(v))) {
      return static_cast<std::int64_t>(utilities::as_double(v));
    }
    if (v.is_string()) {
      if (auto ms = utilities::parse_iso_date_time(v.get_string())) return *ms;
    }
    return coercion_result::error("Date cannot represent value: " + utilities::inspect(v));
  };
  return make("Date", "Date custom scalar type",
              {to_ms, to_ms, [](const value_literal& l) -> coercion_result {
                 if (l.kind != literal_kind::int_value) return nullptr;
                 return untyped_value(l);
               }});
}

scalar_config json() {
  return make(
      "JSON",
      "The `JSON` scalar type represents JSON values as specified by "
      "[ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf).",
      {nullptr, nullptr,
       [](const value_literal& l) -> coercion_result { return untyped_value(l); }});
}

scalar_config json_object() {
  return make(
      "JSONObject",
      "The `JSONObject` scalar type represents JSON objects as specified by "
      "[ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf).",
      {json_object_check, json_object_check, [](const value_literal& l) -> coercion_result {
         if (l.kind != literal_kind::object_value) {
           return coercion_result::error("JSONObject cannot represent non-object value: " +
                                         print_literal(l));
         }
         return untyped_value(l);
       }});
}

scalar_config big_float() {
  return make(
      "BigFloat", "A custom scalar type for representing big floating point numbers",
      {[](const bj::value& v) -> coercion_result {
         if (v.is_string()) return utilities::js_string_to_number(v.get_string());
         if (utilities::is_number(v)) return utilities::as_double(v);
         return coercion_result::error("BigFloat cannot represent value: " + utilities::inspect(v));
       },
       [](const bj::value& v) -> coercion_result {
         if (auto s = utilities::js_number_to_string(v)) return bj::string(*s);
         if (v.is_string()) return v;
         return coercion_result::error("BigFloat cannot represent value: " + utilities::inspect(v));
       },
       [](const value_literal& l) -> coercion_result {
         if (l.kind == literal_kind::float_value || l.kind == literal_kind::int_value) {
           return bj::string(l.text);
         }
         return nullptr;
       }});
}

scalar_config big_int() {
  auto to_text = [](const bj::value& v) -> coercion_result {
    if (v.is_int64() || v.is_uint64()) return bj::string(*utilities::js_number_to_string(v));
    if (utilities::is_integer_number(v)) return bj::string(*utilities::js_number_to_string(v));
    if (v.is_string() && is_integer_text(v.get_string())) return v;
    return coercion_result::error("Cannot convert " + template_string(v) + " to a BigInt");
  };
  return make("BigInt",
              "The `BigInt` scalar type represents non-fractional signed whole numeric values.",
              {to_text, to_text, [](const value_literal& l) -> coercion_result {
                 if (l.kind == literal_kind::int_value) return bj::string(l.text);
                 return nullptr;
               }});
}

scalar_config cursor() {
  const char* message = "Cursor must be a string";
  return make("Cursor", "A custom scalar that represents a cursor for pagination",
              {[=](const bj::value& v) { return string_only(v, message); },
               [=](const bj::value& v) { return string_only(v, message); },
               [=](const value_literal& l) { return string_literal_only(l, message); }});
}

scalar_config connection_cursor() {
  const char* message = "ConnectionCursor must be a string";
  return make("ConnectionCursor", "Cursor for paging through collections",
              {[=](const bj::value& v) { return string_only(v, message); },
               [=](const bj::value& v) { return string_only(v, message); },
               [=](const value_literal& l) { return string_literal_only(l, message); }});
}

scalar_config position() {
  return make(
      "Position", "A custom scalar type for representing record position in a list",
      {position_check, position_check, [](const value_literal& l) -> coercion_result {
         if (l.kind == literal_kind::string_value && (l.text == "first" || l.text == "last")) {
           return bj::string(l.text);
         }
         if (l.kind == literal_kind::int_value || l.kind == literal_kind::float_value) {
           return std::strtod(std::string(l.text).c_str(), nullptr);
         }
         return coercion_result::error("Invalid position value");
       }});
}

scalar_config ts_vector() {
  return make("TSVector", "A custom scalar type for PostgreSQL tsvector fields",
              {nullptr, nullptr, [](const value_literal& l) -> coercion_result {
                 if (l.kind == literal_kind::string_value) return bj::string(l.text);
                 return nullptr;
               }});
}

scalar_config upload() {
  return make("Upload", "The `Upload` scalar type represents a file upload.",
              {[](const bj::value&) -> coercion_result {
                 return coercion_result::error("Upload serialization unsupported.");
               },
               [](const bj::value& v) -> coercion_result {
                 if (!v.is_object()) return coercion_result::error("Upload value invalid.");
                 return v;
               },
               [](const value_literal&) -> coercion_result {
                 return coercion_result::error("Upload literal unsupported.");
               }});
}

scalar_config raw_json() {
  return make(
      "RawJSONScalar",
      "The `RawJSONScalar` scalar type represents JSON values, but stringifies inputs and parses "
      "outputs.",
      {[](const bj::value& v) -> coercion_result {
         if (!v.is_string()) return v;  // already parsed (a jsonb column)
         boost::system::error_code ec;
         bj::value parsed = bj::parse(v.get_string(), ec);
         if (ec)
           return coercion_result::error("Value is not valid JSON: " + std::string(v.get_string()));
         return parsed;
       },
       [](const bj::value& v) -> coercion_result { return bj::string(bj::serialize(v)); },
       [](const value_literal& l) -> coercion_result {
         if (l.kind == literal_kind::enum_value) {
           return coercion_result::error("JSONStringify cannot represent value: " +
                                         print_literal(l));
         }
         return bj::string(bj::serialize(untyped_value(l)));
       }});
}

}  // namespace cohort::graphql::type::twenty_scalars

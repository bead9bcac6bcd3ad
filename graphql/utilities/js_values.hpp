// JavaScript's view of JSON values, as graphql-js's messages and coercions see them: Number to
// string and string to Number, JSON.stringify of a string, and graphql-js's `inspect`.
// Boost.JSON keeps int64, uint64 and double apart; JavaScript has one Number, so these helpers
// merge them wherever graphql-js's output depends on it.
#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::graphql::utilities {

// `String(n)` for a double: shortest round-trip digits, JavaScript's exponent rules ("1e+21").
std::string js_number_to_string(double n);

// `String(n)` for any JSON number (int64/uint64 printed exactly); nullopt if `v` is not a number.
std::optional<std::string> js_number_to_string(const boost::json::value& v);

// `Number(s)` for a string: whitespace trimmed, "" is 0, hex/octal/binary prefixes, Infinity;
// NaN when JavaScript gives NaN.
double js_string_to_number(std::string_view s);

// True for any JSON number; `as_double` gives its value as JavaScript would hold it.
bool is_number(const boost::json::value& v);
double as_double(const boost::json::value& v);

// `Number.isInteger(v)` for a JSON value.
bool is_integer_number(const boost::json::value& v);

// `JSON.stringify(s)` for a UTF-8 string.
std::string json_stringify(std::string_view s);

// graphql-js's `inspect(value)`: strings quoted, objects as `{ a: 1 }`, depth and length limits.
std::string inspect(const boost::json::value& v);

// Length of a UTF-8 string in UTF-16 code units (JavaScript's `.length`).
std::size_t utf16_length(std::string_view s);

}  // namespace cohort::graphql::utilities

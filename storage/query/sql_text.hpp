// Small pieces of SQL text the compiler assembles statements from: quoted identifiers, literals
// for response keys, json objects of any width, array literals and number spellings for bound
// parameters. Nothing here sees a client value except as a parameter's text.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cohort::storage::query {

// "name" (metadata names only; throws ddl_error for an invalid one).
std::string ident(std::string_view name);
// alias."column"
std::string column_ref(std::string_view alias, std::string_view column);
// prefix followed by the decimal number: t3, $12 (also sidesteps a GCC 12 -Wstringop-overflow
// false positive on "literal" + std::to_string(n)).
std::string numbered(std::string_view prefix, std::size_t n);

// 'text' for a response key or constant string.
std::string literal(std::string_view text);

// json_build_object over (key literal, value expression) pairs in order; splits past
// PostgreSQL's 100-argument limit and joins the parts as text, keeping key order.
std::string json_object_sql(const std::vector<std::pair<std::string, std::string>>& pairs);

// The text of a PostgreSQL array literal: {"a","b\"c"}; nullopt elements are NULL.
std::string pg_array_literal(const std::vector<std::optional<std::string>>& items);

// A JSON scalar as the text of a bound parameter: strings as-is, numbers without exponent when
// integral, booleans as true/false; nullopt for null. Objects and arrays are serialized.
std::optional<std::string> scalar_text(const boost::json::value& value);

// Epoch milliseconds (what the Date scalar makes of "2020-01-01T00:00:00.000Z") as ISO 8601
// UTC text for a date or timestamptz parameter; nullopt outside years 0001..9999 or not finite.
std::optional<std::string> iso_text_of_epoch_ms(const boost::json::value& number);

// An expression's JSON text for concatenation (cursor building): 'null' when it is NULL.
std::string json_text_sql(const std::string& expr);

}  // namespace cohort::storage::query

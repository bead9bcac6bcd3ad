// Identifiers and literals of the DDL generator. Every table, column, type, index and schema name
// that reaches SQL passes through quote_identifier: it must look like a validated metadata name and
// is always double-quoted, so nothing a client typed can change the statement's structure.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace cohort::storage::ddl {

// Thrown inside the generator when a name or default is unusable; the public entry points
// (generate_*, provision) turn it into an error value.
class ddl_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t max_identifier_bytes = 63;  // PostgreSQL's NAMEDATALEN - 1

// [A-Za-z_][A-Za-z0-9_]*, at most 63 bytes (longer names would be truncated by PostgreSQL).
bool is_valid_identifier(std::string_view name);
// "name"; throws ddl_error for anything is_valid_identifier refuses.
std::string quote_identifier(std::string_view name);
std::optional<std::string> try_quote_identifier(std::string_view name);
// "schema"."name"
std::string qualified_name(std::string_view schema, std::string_view name);

// 'text' with embedded quotes doubled; refuses NUL bytes (libpq cannot carry them).
std::string quote_literal(std::string_view text);

// SQL expression for a column default given in Twenty's metadata spelling: "'NEW'" (a quoted
// literal, re-rendered here rather than spliced), "now", "uuid", a number, a boolean, or an array
// of those. nullopt for JSON null (no default). Throws ddl_error for anything else.
std::optional<std::string> render_default(const boost::json::value& value);

}  // namespace cohort::storage::ddl

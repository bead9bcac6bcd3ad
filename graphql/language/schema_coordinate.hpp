// Schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `@directive`,
// `@directive(arg:)`), new in the September 2025 spec: graphql-js parseSchemaCoordinate and
// their printing. Used to name a schema element in messages and tooling, never in documents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graphql/language/parse_result.hpp"

namespace cohort::graphql::language {

enum class schema_coordinate_kind : std::uint8_t {
  type,                // Type
  member,              // Type.field (or Type.enumValue, Type.inputField)
  argument,            // Type.field(arg:)
  directive,           // @directive
  directive_argument,  // @directive(arg:)
};

struct schema_coordinate {
  schema_coordinate_kind kind = schema_coordinate_kind::type;
  std::string name;           // the type or directive
  std::string member_name;    // member and argument coordinates
  std::string argument_name;  // argument and directive argument coordinates
};

// No whitespace or comments are allowed anywhere in a coordinate.
parse_result<schema_coordinate> parse_schema_coordinate(std::string_view source);

std::string print(const schema_coordinate& coordinate);

}  // namespace cohort::graphql::language

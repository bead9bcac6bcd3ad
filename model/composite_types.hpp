// Composite field types (FULL_NAME, EMAILS, LINKS, ...): the subfields each one is made of, how
// each subfield appears in the GraphQL schema and write inputs, and the column that stores it.
// A composite field `name` of type FULL_NAME is stored as columns `nameFirstName`, `nameLastName`.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_type.hpp"

namespace cohort::model {

struct composite_subfield {
  std::string_view name;  // e.g. "primaryEmail"
  field_type type;        // TEXT, NUMERIC, RAW_JSON, UUID or SELECT (actor source)
  // Nullability of the subfield in the GraphQL output type (FullName's parts are `String!`).
  bool nullable = true;
  // Column default in Twenty's metadata spelling: "''" (empty text), "'MANUAL'", or "null".
  std::string_view default_literal = "null";
  // Absent from {Composite}CreateInput / UpdateInput: the server fills it (actor name, member id).
  bool hidden_on_write = false;
  bool filterable = true;
  bool orderable = true;
  // The subfield that carries the main value (unique indexes and duplicate checks use it).
  bool primary = false;
};

struct composite_type {
  field_type type;
  std::string_view graphql_name;  // "FullName", "Links", "RichTextV2", ...
  std::span<const composite_subfield> subfields;

  const composite_subfield* find(std::string_view subfield) const;
  const composite_subfield* primary_subfield() const;
};

// nullptr when `type` is not composite.
const composite_type* find_composite_type(field_type type);
std::span<const composite_type> all_composite_types();

// Values of the ACTOR `source` subfield (GraphQL enum ActorSourceEnum), in Twenty 1.6.0's order.
std::span<const std::string_view> actor_sources();
inline constexpr std::string_view actor_source_enum_name = "ActorSourceEnum";

// Twenty's physical column for one subfield: field name followed by the capitalised subfield
// name (`amount` + `amountMicros` -> `amountAmountMicros`).
std::string composite_column_name(std::string_view field, std::string_view subfield);
// Every column of a composite field, in subfield order; empty when `type` is not composite.
std::vector<std::string> composite_column_names(std::string_view field, field_type type);

}  // namespace cohort::model

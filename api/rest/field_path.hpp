// What a dotted field reference of a REST URL (`city`, `name.firstName`, `companyId`) names on an
// object, shared by the filter and order_by parsers: the field (or join column), the composite
// subfield, and the type the value at the leaf has, so that `employees[gte]:10` binds a number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/field_type.hpp"
#include "model/object_metadata.hpp"

namespace cohort::api::rest {

struct field_ref {
  std::string field;                                 // field name, or a join column (`companyId`)
  std::optional<std::string> subfield;               // composite subfield (`firstName`)
  model::field_type type = model::field_type::text;  // of the leaf (UUID for a join column)
};

// nullopt when `path` names no active field, join column or composite subfield of `object`.
std::optional<field_ref> resolve_field(const model::object_metadata& object, std::string_view path);

// Twenty's message: field 'x' does not exist in 'person' object
std::string unknown_field_message(const model::object_metadata& object, std::string_view path);

}  // namespace cohort::api::rest

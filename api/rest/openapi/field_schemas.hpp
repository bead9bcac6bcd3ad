// The JSON Schema (OpenAPI 3.1 dialect) of one field's value as the REST API reads and writes it:
// scalars by field type, select options as enums, composite fields as references to one shared
// component per composite type, relations left to the object schemas (record_components).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "model/composite_types.hpp"
#include "model/field_metadata.hpp"

namespace cohort::api::rest::openapi {

// Responses carry every subfield; writes leave out what the server fills (actor name, member).
enum class field_use { response, write };

// "#/components/schemas/<name>".
boost::json::object schema_ref(std::string_view component);

// The same schema, also accepting null (type lists and enums gain "null"; a $ref is wrapped).
boost::json::object nullable(boost::json::object schema);

// Component name of a composite type's schema: "FullNameComposite", "FullNameCompositeInput".
std::string composite_component_name(const model::composite_type& composite, field_use use);
boost::json::object composite_schema(const model::composite_type& composite, field_use use);

// nullopt for fields without a value of their own (relations) and, for writes, for fields the
// database computes (TS_VECTOR) or the REST API does not write (FILES, legacy types).
std::optional<boost::json::object> field_value_schema(const model::field_metadata& field,
                                                      field_use use);

// A value that the field's write schema accepts, for request examples.
boost::json::value example_value(const model::field_metadata& field);

}  // namespace cohort::api::rest::openapi

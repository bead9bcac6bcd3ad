// Reading a field's create or update input the way Twenty validates it: the name (camelCase, not
// reserved, free on its object — join columns included), labels, options of enum fields (trimmed,
// ids kept or generated, Twenty's option rules), defaults (generated per type when absent; a
// non-nullable field needs one) and settings.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "actors/workspace/metadata/metadata_error.hpp"
#include "model/object_metadata.hpp"

namespace cohort::actors::metadata {

// INVALID_FIELD_INPUT for a name that is malformed, or taken by another field of `object`
// (`except_field_id` is the field being renamed).
std::optional<metadata_error> check_field_name(const model::object_metadata& object,
                                               const std::string& name,
                                               const std::string& except_field_id = {});

// The options of an input (`options` JSON array), normalized; ids kept from `previous` when the
// value or id matches, else new.
std::variant<std::vector<model::select_option>, metadata_error> read_options(
    const boost::json::value& input, const std::vector<model::select_option>& previous = {});

// Twenty's generated default for a new field of `type` without one (TEXT -> "''", composites
// -> their empty parts), JSON null when none.
boost::json::value generated_default(model::field_type type);

// A new (non-relation) field from CreateFieldInput, validated against `object`.
std::variant<model::field_metadata, metadata_error> read_new_field(
    const model::object_metadata& object, const boost::json::object& input);

}  // namespace cohort::actors::metadata

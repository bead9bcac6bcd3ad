// The JSON a workspace's metadata rows hold (core.object_metadata / core.field_metadata
// `definition`): an object without its fields, a field with its options and relation. Custom
// entities store the whole definition; standard ones store only the keys that differ from their
// declaration (override_of), so that the declared model stays the single source for the rest.
#pragma once

#include <boost/json/object.hpp>

#include "model/object_metadata.hpp"

namespace cohort::storage::metadata {

boost::json::object encode_object(const model::object_metadata& object);  // fields left out
boost::json::object encode_field(const model::field_metadata& field);

// Sets every key present in `definition` on the entity; absent keys keep their value.
void apply_object(const boost::json::object& definition, model::object_metadata& object);
void apply_field(const boost::json::object& definition, model::field_metadata& field);

// The keys of `current` whose value differs from `declared` (both encoded the same way).
boost::json::object override_of(const boost::json::object& declared,
                                const boost::json::object& current);

}  // namespace cohort::storage::metadata

// Relation fields: both sides of a relation (the field a client creates and its inverse on the
// target object, with the join column, foreign key and index on the many-to-one side), and
// morph relations (one such field per target object, sharing a morphId).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "actors/workspace/metadata/change_plan.hpp"

namespace cohort::actors::metadata {

// `payload` is Twenty's relationCreationPayload {type, targetObjectMetadataId, targetFieldLabel,
// targetFieldIcon, targetFieldName?}; field.settings.onDelete picks the foreign key's action.
// `field` (named, typed, of `source`) gets its relation; the inverse joins the target's fields.
std::optional<metadata_error> add_relation(change_plan& plan, const std::string& schema,
                                           model::object_metadata& source,
                                           model::field_metadata& field,
                                           const boost::json::object& payload);

// MORPH_RELATION: `base` (name and flags read from the input) becomes one field per payload of
// morphRelationsCreationPayload, named `{name}{Target}` (plural for one-to-many), all of them
// pushed onto `source`; the first one's id is the plan's entity.
std::optional<metadata_error> add_morph_relation(change_plan& plan, const std::string& schema,
                                                 model::object_metadata& source,
                                                 const model::field_metadata& base,
                                                 const boost::json::value& payloads);

// The morph siblings of `field` on `object` (same settings.morphId), itself included; just
// `field` when it is no morph relation.
std::vector<const model::field_metadata*> morph_siblings(const model::object_metadata& object,
                                                         const model::field_metadata& field);
std::vector<model::field_metadata*> morph_siblings(model::object_metadata& object,
                                                   const model::field_metadata& field);

}  // namespace cohort::actors::metadata

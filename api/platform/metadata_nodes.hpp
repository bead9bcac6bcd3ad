// The /metadata types Object, Field, Index and Relation as JSON nodes, from a workspace model:
// scalar properties as Twenty shows them; the nested lists and connections (fieldsList,
// fields(paging), object, relation, ...) are resolved by the type resolvers of
// metadata_read_resolvers, which find the entity again from the hidden "__objectId" key.
#pragma once

#include <boost/json/object.hpp>

#include "model/workspace_model.hpp"

namespace cohort::api::platform {

boost::json::object object_node(const model::workspace_model& model,
                                const model::object_metadata& object);
boost::json::object field_node(const model::workspace_model& model,
                               const model::object_metadata& object,
                               const model::field_metadata& field);
boost::json::object index_node(const model::workspace_model& model,
                               const model::index_metadata& index);
// The Relation of a relation (or one morph relation) field; null for other fields or a target
// that is gone.
boost::json::value relation_node(const model::workspace_model& model,
                                 const model::object_metadata& object,
                                 const model::field_metadata& field);

}  // namespace cohort::api::platform

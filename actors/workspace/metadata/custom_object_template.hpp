// What Twenty gives every new custom object: the fields id, name (its label identifier),
// createdAt, updatedAt, deletedAt, createdBy, position and searchVector, and one-to-many relations
// to the standard objects that can point at any record (timelineActivity, favorite, attachment,
// noteTarget, taskTarget), each with its many-to-one inverse on that standard object.
#pragma once

#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::actors::metadata {

struct custom_object {
  model::object_metadata object;
  // Inverse many-to-one fields, each to be added to the standard object named by object_id.
  std::vector<model::field_metadata> inverse_fields;
};

// `base` carries the names, labels, description, icon and flags from the input; ids are new.
// `objects` is the current model (to find the standard objects' ids).
custom_object make_custom_object(model::object_metadata base,
                                 const std::vector<model::object_metadata>& objects);

// The standard objects a custom object links to, by nameSingular.
const std::vector<std::string>& linked_standard_objects();

}  // namespace cohort::actors::metadata

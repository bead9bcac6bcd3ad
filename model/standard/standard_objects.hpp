// The registry of Twenty's standard objects as every new workspace gets them: full
// object_metadata (fields, both sides of every relation, options, settings, indexes) with ids
// that are the same in every workspace (stable_id.hpp).
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "model/object_metadata.hpp"
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

// The declarations, in registry order (CRM core first).
std::span<const object_def> standard_object_defs();

// Built once, on first use; the ids derive from names only.
std::span<const object_metadata> standard_objects();
// The same objects as one shared vector: workspace models that hold only the standard objects
// share it (and, through it, their compiled schema).
const std::shared_ptr<const std::vector<object_metadata>>& shared_standard_objects();
const object_metadata* find_standard_object(std::string_view name_singular);

// Builds one object's metadata from its declaration. Relation fields name their target
// object and field; the ids of those are derived the same way.
object_metadata build_object(const object_def& def);

}  // namespace cohort::model::standard

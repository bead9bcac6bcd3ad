// The views a workspace starts with, as Twenty gives them: an INDEX view ("All <plural>") per
// object showing its visible fields, and for opportunities a kanban view grouped by stage. Used
// when a workspace is provisioned and when an object is created through /metadata.
#pragma once

#include <string>
#include <vector>

#include "model/object_metadata.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::metadata {

// The INDEX view of `object` with one view field per visible, non-relation field.
std::vector<pg::statement> index_view_statements(const std::string& workspace_id,
                                                 const model::object_metadata& object);

// A KANBAN view of `object` grouped by its SELECT field `group_by`: one visible view group per
// option, in option order; nothing when the object has no such field.
std::vector<pg::statement> kanban_view_statements(const std::string& workspace_id,
                                                  const model::object_metadata& object,
                                                  const std::string& group_by,
                                                  const std::string& name);

// Every view a new workspace gets for `objects`: INDEX views of the objects users see (not the
// system ones), plus "By Stage" for opportunities.
std::vector<pg::statement> workspace_default_views(
    const std::string& workspace_id, const std::vector<model::object_metadata>& objects);

}  // namespace cohort::storage::metadata

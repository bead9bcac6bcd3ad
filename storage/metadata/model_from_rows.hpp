// A workspace's model from its metadata rows: the declared standard objects with the workspace's
// changes applied and its custom objects and fields added; and, the other way, the row an entity
// needs (the whole definition when custom, the differing keys when standard, none when unchanged).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/workspace_model.hpp"
#include "storage/metadata/metadata_repository.hpp"

namespace cohort::storage::metadata {

// The workspace's model at `rows.version`. Without rows it shares the standard object list (and,
// through it, the compiled schema of every other such workspace).
std::shared_ptr<model::workspace_model> build_workspace_model(const std::string& workspace_id,
                                                              const workspace_metadata& rows);

// The definition to store for an object or field of the current model; nullopt when it is a
// standard entity left as declared (its row, if any, can go).
std::optional<boost::json::object> object_row_definition(const model::object_metadata& object);
std::optional<boost::json::object> field_row_definition(const model::field_metadata& field);

// Relation targets named after the objects and fields their ids point to (renames keep them).
void resolve_relation_names(std::vector<model::object_metadata>& objects);

}  // namespace cohort::storage::metadata

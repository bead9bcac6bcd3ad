// What a workspace's compiled /graphql schema is made of, as one digest: every object and field
// with names, types, labels, flags, options and relation targets, but not their ids (each
// workspace's custom entities have their own). Two models with the same fingerprint compile to
// the same schema, so they share it (shared_schemas).
#pragma once

#include <string>
#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::actors::metadata {

// 40 hex digits (SHA-1 of the canonical JSON).
std::string model_fingerprint(const std::vector<model::object_metadata>& objects);

}  // namespace cohort::actors::metadata

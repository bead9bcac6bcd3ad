// The message a metadata change travels in to its workspace actor, and the answer. The actor
// applies changes one at a time in arrival order: the DDL and the metadata rows in one
// transaction, then the version bump and a new runtime swapped in; requests already running keep
// the runtime they hold. Local to a node (carries a callback).
//
// Protocol: (metadata_change_request) to the workspace actor -> no reply; `done` is called once.
#pragma once

#include <caf/allowed_unsafe_message_type.hpp>

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "actors/workspace/metadata/metadata_error.hpp"
#include "actors/workspace/workspace_runtime.hpp"

namespace cohort::actors::metadata {

enum class change_kind {
  create_object,  // input: CreateObjectInput
  update_object,  // input: {id, update: UpdateObjectPayload}
  delete_object,  // input: {id}
  create_field,   // input: CreateFieldInput
  update_field,   // input: {id, update: UpdateFieldInput}
  delete_field,   // input: {id}
};

struct metadata_change {
  change_kind kind = change_kind::create_object;
  boost::json::object input;
};

struct metadata_change_result {
  std::optional<metadata_error> error;
  // The entity created, updated or deleted.
  std::string entity_id;
  // The runtime after the change (null on error) and the model before it (a deleted entity is
  // answered from it).
  std::shared_ptr<const workspace_runtime> runtime;
  std::shared_ptr<const model::workspace_model> before;
};

struct metadata_change_request {
  metadata_change change;
  std::function<void(metadata_change_result)> done;
};

}  // namespace cohort::actors::metadata

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::metadata::metadata_change_request)

// Builds the model::record_query of one record root field (`people`, `person`, `createPerson`,
// `updatePeople`, ...) from its coerced arguments and its whole validated sub-selection, so that
// storage/query can answer the field with one SQL statement.
#pragma once

#include <variant>

#include "actors/request_context.hpp"
#include "actors/workspace/binder/selection_binder.hpp"

namespace cohort::actors::workspace::binder {

struct root_field {
  model::record_operation operation = model::record_operation::find_many;
  bool many = false;  // the plural mutation (createPeople, updatePeople, ...): a list of records
};

std::variant<model::record_query, field_error> bind_root_field(
    root_field kind, const model::object_metadata& object,
    const graphql::execution::resolve_info& info, const request_context& context);

// The record actor of the caller (createdBy / updatedBy): an API key acts as source API, a user as
// MANUAL with its workspace member.
model::record_actor actor_of(const caller& who);

}  // namespace cohort::actors::workspace::binder

// The record part of a workspace's /graphql schema, generated from its model: every type, input,
// enum and root field Twenty 1.6.0 derives from object metadata (people, createPerson,
// PersonFilterInput, OpportunityStageEnum, ...), named and shaped as Twenty names them, added to a
// schema_builder that may already hold the platform part (shared types are merged, not doubled).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "graphql/execution/resolver.hpp"
#include "graphql/type/schema_builder.hpp"
#include "model/object_metadata.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors::workspace_schema {

// The root fields Twenty 1.6.0 generates per object. Not here: `{p}GroupBy`, which 1.6.0 does not
// have (its {Object}GroupByInput and {Object}GroupByConnection types are generated all the same).
enum class record_root_field {
  find_many,        // Query.people
  find_one,         // Query.person
  find_duplicates,  // Query.personDuplicates (objects with duplicate criteria)
  create_many,      // Mutation.createPeople
  create_one,       // Mutation.createPerson
  update_one,       // Mutation.updatePerson
  delete_one,       // Mutation.deletePerson (soft delete)
  update_many,      // Mutation.updatePeople
  delete_many,      // Mutation.deletePeople
  destroy_one,      // Mutation.destroyPerson (hard delete)
  destroy_many,     // Mutation.destroyPeople
  restore_one,      // Mutation.restorePerson
  restore_many,     // Mutation.restorePeople
  merge_many,       // Mutation.mergePeople (objects with duplicate criteria)
};

// Every kind, in the order the root fields of one object appear.
std::span<const record_root_field> all_record_root_fields();
// Twenty's resolver name: "findMany", "createOne", "mergeMany", ...
std::string_view to_string(record_root_field kind);
// True for the kinds that live on Mutation.
bool is_mutation(record_root_field kind);
// Whether `object` gets this root field (duplicates and merge need duplicate criteria).
bool has_root_field(const model::object_metadata& object, record_root_field kind);
// The root field's name for `object`: people, person, personDuplicates, createPeople, ...
std::string root_field_name(const model::object_metadata& object, record_root_field kind);

// The resolver of one root field of one object. An empty factory, or an empty resolver, leaves the
// field without one (it then reads the root value, as graphql-js does).
using root_resolver_factory = std::function<graphql::execution::field_resolver(
    const model::object_metadata& object, record_root_field kind)>;

// Adds the record types and root fields of every active object of `model` to `builder`. Types the
// builder already has are merged as Twenty's merged schema shows them (see type_registry.hpp);
// Query and Mutation are created when absent, extended when present.
void add_record_schema(graphql::type::schema_builder& builder, const model::workspace_model& model,
                       const root_resolver_factory& resolvers = {});

}  // namespace cohort::actors::workspace_schema

#include "actors/workspace/schema/root_fields.hpp"

#include <memory>
#include <string>
#include <utility>

#include "actors/workspace/schema/object_types.hpp"
#include "actors/workspace/schema/shared_types.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

using kind = record_root_field;

// Arguments and return type of one root field; `s` is the capitalised singular.
void shape(gt::field_config& field, kind k, const std::string& s) {
  switch (k) {
    case kind::find_many:
      add_connection_arguments(field, s);
      break;
    case kind::find_one:
      field.arg("filter", s + "FilterInput");
      break;
    case kind::find_duplicates:
      field.arg("ids", "[UUID]");
      field.arg("data", "[" + s + "CreateInput]");
      break;
    case kind::create_many:
      field.arg("data", "[" + s + "CreateInput!]");
      field.arg("upsert", "Boolean");
      break;
    case kind::create_one:
      field.arg("data", s + "CreateInput");
      field.arg("upsert", "Boolean");
      break;
    case kind::update_one:
      field.arg("id", "UUID");
      field.arg("data", s + "UpdateInput");
      break;
    case kind::update_many:
      field.arg("data", s + "UpdateInput");
      field.arg("filter", s + "FilterInput");
      break;
    case kind::delete_one:
    case kind::destroy_one:
    case kind::restore_one:
      field.arg("id", "UUID");
      break;
    case kind::delete_many:
    case kind::destroy_many:
    case kind::restore_many:
      field.arg("filter", s + "FilterInput");
      break;
    case kind::merge_many:
      field.arg("ids", "[UUID!]");
      field.arg("conflictPriorityIndex", "Int");
      field.arg("dryRun", "Boolean");
      break;
  }
}

std::string return_type(kind k, const std::string& s) {
  switch (k) {
    case kind::find_many:
      return s + "Connection";
    case kind::find_duplicates:
      return "[" + s + "Connection!]";
    case kind::create_many:
    case kind::update_many:
    case kind::delete_many:
    case kind::destroy_many:
    case kind::restore_many:
      return "[" + s + "!]";
    default:
      return s;
  }
}

}  // namespace

void add_root_fields(type_registry& types,
                     const std::vector<const model::object_metadata*>& objects,
                     const root_resolver_factory& resolvers) {
  ensure_scalar(types, "UUID");
  gt::object_config query, mutation;
  query.name = "Query";
  mutation.name = "Mutation";
  for (const auto* object : objects) {
    const std::string s = model::capitalize(object->name_singular);
    for (kind k : all_record_root_fields()) {
      if (!has_root_field(*object, k)) continue;
      auto& root = is_mutation(k) ? mutation : query;
      auto& field = root.field(root_field_name(*object, k), return_type(k, s));
      shape(field, k, s);
      if (!resolvers) continue;
      if (auto resolver = resolvers(*object, k)) {
        field.extend(std::make_shared<graphql::execution::resolver_extension>(std::move(resolver)));
      }
    }
  }
  types.add(std::move(query));
  types.add(std::move(mutation));
}

}  // namespace cohort::actors::workspace_schema

#include "actors/workspace/runtime_builder.hpp"

#include "actors/workspace/binder/group_by_binder.hpp"
#include "actors/workspace/metadata/model_fingerprint.hpp"
#include "actors/workspace/record_resolvers.hpp"
#include "actors/workspace/schema/record_schema.hpp"
#include "model/standard/standard_objects.hpp"

namespace cohort::actors {

namespace {

namespace ws = workspace_schema;

// Which record_query operation each generated root field is.
std::optional<workspace::binder::root_field> root_field_of(ws::record_root_field kind) {
  using op = model::record_operation;
  switch (kind) {
    case ws::record_root_field::find_many:
      return {{op::find_many, false}};
    case ws::record_root_field::find_one:
      return {{op::find_one, false}};
    case ws::record_root_field::create_one:
      return {{op::create, false}};
    case ws::record_root_field::create_many:
      return {{op::create, true}};
    case ws::record_root_field::update_one:
      return {{op::update, false}};
    case ws::record_root_field::update_many:
      return {{op::update, true}};
    case ws::record_root_field::delete_one:
      return {{op::soft_delete, false}};
    case ws::record_root_field::delete_many:
      return {{op::soft_delete, true}};
    case ws::record_root_field::destroy_one:
      return {{op::destroy, false}};
    case ws::record_root_field::destroy_many:
      return {{op::destroy, true}};
    case ws::record_root_field::restore_one:
      return {{op::restore, false}};
    case ws::record_root_field::restore_many:
      return {{op::restore, true}};
    case ws::record_root_field::find_duplicates:
      return {{op::find_duplicates, false}};
    case ws::record_root_field::merge_many:
      return {{op::merge, false}};
  }
  return std::nullopt;
}

graphql::execution::field_resolver not_supported_yet(std::string field) {
  return [field](graphql::execution::resolve_info&, graphql::execution::completion done) {
    done.fail(graphql::execution::field_error::with_code(field + " is not supported by Cohort yet",
                                                         "INTERNAL_SERVER_ERROR"));
  };
}

shared_schemas::build_result build_service(const model::workspace_model& model,
                                           const workspace_dependencies& deps) {
  graphql::type::schema_builder builder;
  if (deps.add_platform_types) deps.add_platform_types(builder);
  auto factory = [&deps](const model::object_metadata& object, ws::record_root_field kind) {
    if (auto root = root_field_of(kind)) {
      return workspace::record_resolver(deps.pool, object, *root);
    }
    return not_supported_yet(ws::root_field_name(object, kind));
  };
  ws::add_record_schema(builder, model, factory);
  // {p}GroupBy: newer Twenty's root field over the types 1.6.0 already generates.
  workspace::binder::add_group_by_root_fields(
      builder, model, [&deps](const model::object_metadata& object) {
        return workspace::record_resolver(deps.pool, object,
                                          {model::record_operation::group_by, false});
      });
  auto built = std::move(builder).build();
  if (!built.schema) {
    std::string message;
    for (const auto& e : built.errors) message += (message.empty() ? "" : "; ") + e;
    return message.empty() ? std::string("invalid schema") : message;
  }
  return std::make_shared<graphql::service::graphql_service>(std::move(built.schema), nullptr,
                                                             deps.graphql_options);
}

}  // namespace

std::variant<std::shared_ptr<const workspace_runtime>, std::string> build_workspace_runtime(
    std::shared_ptr<const model::workspace_model> model, const workspace_dependencies& deps) {
  // The schema depends on the model's objects only (resolvers read the workspace from the
  // request's context), so workspaces with the same objects share it.
  auto build = [&] { return build_service(*model, deps); };
  shared_schemas::build_result service;
  if (!deps.schemas) {
    service = build();
  } else if (model->shared_objects() == model::standard::shared_standard_objects()) {
    service = deps.schemas->get_or_build(model->shared_objects(), build);
  } else {
    // A workspace with metadata of its own: alike workspaces (same custom objects and fields,
    // e.g. made from one template) share by fingerprint.
    service = deps.schemas->get_or_build(metadata::model_fingerprint(model->objects()), build);
  }
  if (auto* message = std::get_if<std::string>(&service)) return *message;
  auto runtime = std::make_shared<workspace_runtime>();
  runtime->model = std::move(model);
  runtime->graphql = std::get<shared_schemas::service_ptr>(std::move(service));
  return std::shared_ptr<const workspace_runtime>(std::move(runtime));
}

}  // namespace cohort::actors

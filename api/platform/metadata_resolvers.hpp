// The data-model root fields of /metadata (objects, object, fields, field, indexMetadatas, index;
// createOneObject ... deleteOneField) and the resolvers of the nested fields of Object, Field and
// Index. Reads answer from the caller's workspace model (request_context::model); writes go to
// the workspace actor (metadata_context::workspace), which applies them one at a time.
#pragma once

#include "api/platform/resolver_support.hpp"
#include "graphql/type/schema_builder.hpp"

namespace cohort::api::platform {

void add_metadata_read_resolvers(resolver_list& out);
// Only on /metadata: the request context there is a metadata_context.
void add_metadata_write_resolvers(resolver_list& out);
// The CoreView API (getCoreViews, createCoreView, ... for views and their fields, filters,
// filter groups, sorts and groups), on the workspace of the caller's token.
void add_metadata_view_resolvers(resolver_list& out, const state_ptr& state);
// Object.fieldsList, Object.fields, Object.indexMetadataList, Object.indexMetadatas,
// Field.object, Field.relation: attached to the imported types when they are present.
void attach_metadata_type_resolvers(graphql::type::schema_builder& builder);

// The caller's model; null for a request outside a workspace.
std::shared_ptr<const model::workspace_model> workspace_model_of(const resolve_info& info);

}  // namespace cohort::api::platform

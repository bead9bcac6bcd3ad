// /rest/metadata/views, /viewFields, /viewFilters, /viewFilterGroups, /viewSorts and /viewGroups:
// GET (list, paged with limit / starting_after / ending_before, filtered by ?objectMetadataId
// for views and ?viewId for the others), GET /{id}, POST (201), PATCH and legacy PUT /{id},
// DELETE /{id} (soft, as Twenty's controllers). Each call is the matching CoreView operation of
// /metadata (getCoreViews, createCoreViewField, ...), so REST and GraphQL share one set of rules;
// answers use the metadata REST envelope: {data: {views: [...]}, pageInfo, totalCount},
// {data: {view | createOneView | updateOneView | deleteOneView: ...}}.
#pragma once

#include <string_view>

#include "actors/request_context.hpp"
#include "api/http/message.hpp"
#include "api/rest/metadata_operation.hpp"

namespace cohort::api::rest {

// True for /rest/metadata/{views|viewFields|...} and /rest/metadata/{...}/{id}.
bool is_view_rest_path(std::string_view path);

// The metrics label of such a path ("/rest/metadata/views", "/rest/metadata/views/{id}", ...).
const char* view_route_label(std::string_view path);

// Answers one call of an authenticated caller through `done`.
void serve_view_rest(const metadata_runner& runner, actors::caller who, http::request req,
                     http::responder done);

}  // namespace cohort::api::rest

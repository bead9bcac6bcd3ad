// components/schemas of the view families in the metadata OpenAPI document (View, ViewForCreate,
// ViewForUpdate, ViewField, ...), read from the CoreView types and inputs of the embedded
// /metadata contract: view_rest answers exactly what those operations answer and accept.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace cohort::api::rest::openapi {

struct view_family_doc {
  std::string_view singular;    // "viewField"
  std::string_view plural;      // "viewFields"
  std::string_view parent_arg;  // the list's filter parameter
};

// views, viewFields, viewFilters, viewFilterGroups, viewSorts, viewGroups.
const view_family_doc* view_families_begin();
const view_family_doc* view_families_end();

// Every family's <S>, <S>ForCreate and <S>ForUpdate.
boost::json::object view_schemas();

}  // namespace cohort::api::rest::openapi

// The platform contract as data: Twenty 1.6's /metadata introspection (trimmed), embedded at
// build time, parsed once; and what differs on /graphql.
#pragma once

#include <boost/json/value.hpp>
#include <string_view>

#include "graphql/utilities/build_client_schema.hpp"

namespace cohort::api::platform {

// {"__schema": {...}}: the whole /metadata schema.
const boost::json::value& metadata_introspection();

// The 12 input types only /metadata has (remote servers and tables, object and app-token create
// inputs).
bool is_metadata_only_type(std::string_view name);

// What /graphql does with a /metadata root field: drops the remote-server ones, keeps the
// nestjs-query ones without their arguments, keeps the rest.
graphql::utilities::root_field_choice graphql_root_field_choice(std::string_view root_type,
                                                                std::string_view field);

}  // namespace cohort::api::platform

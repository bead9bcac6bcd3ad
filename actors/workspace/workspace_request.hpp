// The request a workspace actor answers and its reply. Plain structs with `inspect`, so they can
// cross nodes once the cluster routes workspaces to their owner node.
#pragma once

#include <caf/meta/type_name.hpp>

#include <cstdint>
#include <string>

namespace cohort::actors {

struct workspace_request {
  std::string workspace_id;
  std::string kind;     // "echo" now; "graphql", "rest", ... as the APIs land
  std::string payload;  // the request body as the API received it
  std::string request_id;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, workspace_request& x) {
  return f(caf::meta::type_name("workspace_request"), x.workspace_id, x.kind, x.payload,
           x.request_id);
}

struct workspace_reply {
  std::uint16_t status = 200;
  std::string body;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, workspace_reply& x) {
  return f(caf::meta::type_name("workspace_reply"), x.status, x.body);
}

}  // namespace cohort::actors

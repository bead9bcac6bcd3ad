// GET /rest/open-api/core and /rest/open-api/metadata: public like Twenty's; the token (the
// Authorization header, else ?token= as Twenty 1.6 reads it) only chooses the workspace whose
// document is generated. Without a valid workspace token the document has no objects. Core
// documents are cached per workspace model version and server URL.
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>
#include <string_view>

#include "actors/supervisor.hpp"
#include "api/http/message.hpp"
#include "api/rest/rest_endpoint.hpp"

namespace cohort::api::rest::openapi {

// /rest/open-api/{core,metadata}, or the same without /rest as Twenty also serves them.
bool is_openapi_path(std::string_view path);

// `server_url` names the documents' server; empty: the address the client used (Host, or
// X-Forwarded-Host and -Proto behind a proxy).
void serve_openapi(caf::event_based_actor* self, const rest_services& services,
                   const std::string& server_url,
                   const std::shared_ptr<actors::handle_table>& handles,
                   std::chrono::milliseconds timeout, http::request req, http::responder done);

}  // namespace cohort::api::rest::openapi

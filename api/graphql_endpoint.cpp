#include "api/graphql_endpoint.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/atoms.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "api/bearer_caller.hpp"
#include "api/graphql_http/graphql_http.hpp"
#include "api/platform/metadata_context.hpp"
#include "api/subscriptions/sse_endpoint.hpp"

namespace cohort::api {

namespace {

namespace svc = graphql::service;

// Twenty's error formatter keeps neither locations nor path on resolver errors.
svc::run_options twenty_run_options() {
  graphql::execution::execution_options exec;
  exec.error_locations = false;
  exec.error_paths = false;
  return svc::run_options(exec);
}

// The workspace's runtime could not be loaded (database down, schema defect): logged where it
// happened; the client sees Twenty's generic internal error.
http::response internal_error_response(std::string message) {
  boost::json::object ext;
  ext["code"] = "INTERNAL_SERVER_ERROR";
  ext["userFriendlyMessage"] = "An error occurred.";
  boost::json::object e;
  e["message"] = std::move(message);
  e["extensions"] = std::move(ext);
  http::response res;
  res.body = boost::json::serialize(boost::json::object{{"errors", boost::json::array{e}}});
  return res;
}

void run_on(const svc::graphql_service& service, std::shared_ptr<actors::request_context> context,
            std::shared_ptr<graphql_http::graphql_request> parsed, http::responder done) {
  // The context must outlive execution: the responder holds it until the answer is written.
  void* raw_context = context.get();
  graphql_http::execute(
      std::move(*parsed), service, raw_context, twenty_run_options(), {},
      [context, done = std::move(done)](http::response res) { done(std::move(res)); });
}

// A workspace token's request on its workspace's runtime, which stays alive with the context until
// the response is written.
void run_on_runtime(std::shared_ptr<const actors::workspace_runtime> runtime,
                    std::shared_ptr<actors::request_context> context,
                    std::shared_ptr<graphql_http::graphql_request> parsed, http::responder done) {
  context->model = runtime->model;
  const auto& service = *runtime->graphql;
  run_on(service, std::move(context), std::move(parsed),
         [runtime = std::move(runtime), done = std::move(done)](http::response res) {
           done(std::move(res));
         });
}

// /metadata with a workspace token runs on the shared platform schema with the caller's
// workspace model and actor in its context (the data-model root fields read and change them).
void serve_metadata(caf::event_based_actor* self, const graphql_endpoints& endpoints,
                    caf::actor registry, std::chrono::milliseconds timeout,
                    std::shared_ptr<platform::metadata_context> context,
                    std::shared_ptr<graphql_http::graphql_request> parsed, http::responder done) {
  auto service = endpoints.platform_metadata;
  const std::string workspace_id = *context->who.workspace_id;
  auto fail = [self, done](caf::error& err) mutable {
    bool timeout = err == caf::sec::request_timeout;
    done(http::error_response(timeout ? 504 : 503,
                              timeout ? "The workspace did not answer in time"
                                      : "Workspace unavailable: " + self->system().render(err)));
  };
  self->request(registry, timeout, caf::get_atom::value, workspace_id)
      .then(
          [self, timeout, workspace_id, context, parsed, done, service, fail](caf::actor& ws) {
            self->request(ws, timeout, actors::runtime_request{workspace_id})
                .then(
                    [ws, context, parsed, done, service](actors::runtime_reply& reply) mutable {
                      if (reply.runtime) {
                        context->model = reply.runtime->model;
                        context->workspace = ws;
                      }
                      run_on(*service, std::move(context), std::move(parsed), std::move(done));
                    },
                    fail);
          },
          fail);
}

}  // namespace

void serve_graphql(caf::event_based_actor* self, const graphql_endpoints& endpoints,
                   const std::shared_ptr<actors::handle_table>& handles,
                   std::chrono::milliseconds timeout, http::request req, http::responder done) {
  if (subscriptions::wants_event_stream(req)) {
    subscriptions::serve_event_stream(self, endpoints, handles, timeout, std::move(req),
                                      std::move(done));
    return;
  }
  auto parsed_or_error = graphql_http::parse_request(req);
  if (auto* res = std::get_if<http::response>(&parsed_or_error)) {
    done(std::move(*res));
    return;
  }
  auto parsed = std::make_shared<graphql_http::graphql_request>(
      std::move(std::get<graphql_http::graphql_request>(parsed_or_error)));

  auto caller = caller_from_request(req, *endpoints.tokens);
  if (auto* error = std::get_if<auth::auth_error>(&caller)) {
    http::response res;
    res.body = unauthenticated_body(*error);
    done(std::move(res));
    return;
  }
  bool metadata = req.path == "/metadata";
  auto metadata_context = metadata ? std::make_shared<platform::metadata_context>() : nullptr;
  std::shared_ptr<actors::request_context> context = metadata_context;
  if (!context) context = std::make_shared<actors::request_context>();
  context->who = std::move(std::get<actors::caller>(caller));
  context->request_id = req.request_id;
  context->standing_guard = req.standing_guard;
  if (const std::string* origin = req.header("origin")) context->origin = *origin;

  if (!context->who.workspace_id) {
    const auto& service = metadata ? endpoints.platform_metadata : endpoints.platform_graphql;
    run_on(*service, std::move(context), std::move(parsed), std::move(done));
    return;
  }
  caf::actor registry = handles->get("workspace_registry");
  if (!registry) {
    done(http::error_response(503, "The server is starting or stopping"));
    return;
  }
  if (metadata) {
    serve_metadata(self, endpoints, registry, timeout, std::move(metadata_context),
                   std::move(parsed), std::move(done));
    return;
  }
  const std::string& workspace_id = *context->who.workspace_id;
  if (endpoints.runtimes) {
    if (auto runtime = endpoints.runtimes->current(workspace_id)) {
      return run_on_runtime(std::move(runtime), std::move(context), std::move(parsed),
                            std::move(done));
    }
  }
  actors::runtime_request ask{workspace_id};
  self->request(registry, timeout, actors::route_atom::value, std::move(ask))
      .then(
          [context, parsed, done, platform = endpoints.platform_graphql,
           runtimes = endpoints.runtimes](actors::runtime_reply& reply) mutable {
            if (!reply.runtime && reply.error != "INTERNAL_SERVER_ERROR") {
              // A workspace still being created (or gone) has no record schema: its token
              // still reaches the platform operations, activateWorkspace first of all.
              run_on(*platform, std::move(context), std::move(parsed), std::move(done));
              return;
            }
            if (!reply.runtime) {
              done(internal_error_response(reply.message));
              return;
            }
            if (runtimes) runtimes->keep(*context->who.workspace_id, reply);
            run_on_runtime(std::move(reply.runtime), std::move(context), std::move(parsed),
                           std::move(done));
          },
          [self, done](caf::error& err) mutable {
            bool timeout = err == caf::sec::request_timeout;
            done(http::error_response(
                timeout ? 504 : 503, timeout
                                         ? "The workspace did not answer in time"
                                         : "Workspace unavailable: " + self->system().render(err)));
          });
}

}  // namespace cohort::api

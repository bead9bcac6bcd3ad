#include "api/api_actor.hpp"

#include <caf/all.hpp>

#include <utility>

#include "actors/atoms.hpp"
#include "actors/workspace/workspace_request.hpp"
#include "api/platform/api_key_rest.hpp"
#include "api/rest/metadata_rest.hpp"
#include "api/rest/openapi/openapi_endpoint.hpp"
#include "api/rest/rest_endpoint.hpp"
#include "api/webhooks/webhook_rest.hpp"

namespace cohort::api::detail {

// A call that passed the request gate (api/request_gate), sent back to the actor that gated it:
// the gate may finish on a database thread, and endpoints run on the actor's own.
struct gated_call {
  http_call call;
};

}  // namespace cohort::api::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::api::detail::gated_call)

namespace cohort::api {

namespace {

// The workspace the internal echo route talks to. Fixed, so that the route cannot be used to
// activate an unbounded number of workspace actors.
constexpr const char* echo_workspace = "internal-echo";

http::response from_reply(actors::workspace_reply&& reply) {
  http::response res;
  res.status = reply.status;
  res.body = std::move(reply.body);
  return res;
}

http::response unavailable(caf::actor_system& sys, const caf::error& err) {
  bool timeout = err == caf::sec::request_timeout;
  return http::error_response(timeout ? 504 : 503,
                              timeout ? "The workspace did not answer in time"
                                      : "Workspace unavailable: " + sys.render(err));
}

// A request can reach a workspace actor that has just failed, before the registry has noticed and
// restarted it; CAF then bounces it with request_receiver_down. Sending it again reaches the
// restarted actor, since the registry handles the failure before the repeated request.
constexpr int max_attempts = 3;

void route(caf::event_based_actor* self, const api_actor_options& options,
           actors::workspace_request req, http::responder done, int attempt) {
  caf::actor registry = options.handles->get("workspace_registry");
  if (!registry) {
    done(http::error_response(503, "The server is starting or stopping"));
    return;
  }
  self->request(registry, options.request_timeout, actors::route_atom::value, req)
      .then([done](actors::workspace_reply& reply) { done(from_reply(std::move(reply))); },
            [self, options, req, done, attempt](caf::error& err) mutable {
              if (err == caf::sec::request_receiver_down && attempt < max_attempts) {
                route(self, options, std::move(req), std::move(done), attempt + 1);
                return;
              }
              done(unavailable(self->system(), err));
            });
}

void dispatch(caf::event_based_actor* self, const api_actor_options& options, http_call& call) {
  if (call.req.path == "/graphql" || call.req.path == "/metadata") {
    serve_graphql(self, options.graphql, options.handles, options.request_timeout,
                  std::move(call.req), std::move(call.done));
    return;
  }
  if (platform::is_api_key_rest_path(call.req.path)) {
    platform::serve_api_key_rest({options.graphql.tokens, options.pool}, std::move(call.req),
                                 std::move(call.done));
    return;
  }
  if (rest::is_metadata_rest_path(call.req.path)) {
    rest::serve_metadata_rest(self, {options.graphql.tokens, options.pool},
                              options.graphql.platform_metadata, options.handles,
                              options.request_timeout, std::move(call.req), std::move(call.done));
    return;
  }
  if (webhooks::is_webhook_rest_path(call.req.path)) {
    webhooks::serve_webhook_rest({options.graphql.tokens, options.pool}, std::move(call.req),
                                 std::move(call.done));
    return;
  }
  if (rest::openapi::is_openapi_path(call.req.path)) {
    rest::openapi::serve_openapi(self, {options.graphql.tokens, options.pool}, options.server_url,
                                 options.handles, options.request_timeout, std::move(call.req),
                                 std::move(call.done));
    return;
  }
  if (call.req.path.rfind("/rest", 0) == 0) {
    rest::serve_rest(self, {options.graphql.tokens, options.pool, options.graphql.runtimes},
                     options.handles, options.request_timeout, std::move(call.req),
                     std::move(call.done));
    return;
  }
  actors::workspace_request req{echo_workspace, "echo",
                                call.req.query.empty() ? call.req.body : call.req.query,
                                call.req.request_id};
  route(self, options, std::move(req), std::move(call.done), 1);
}

// The API actor whose handler is running the request gate on this thread right now, if any: the
// gate may call `pass` before it returns (nothing to wait for), and the endpoint can then run at
// once instead of after a trip through the actor's mailbox.
thread_local const caf::event_based_actor* gating_actor = nullptr;

caf::behavior api_actor(caf::event_based_actor* self, api_actor_options options) {
  request_gate_services gate{options.graphql.tokens, options.pool, options.limits};
  options.graphql.runtimes = std::make_shared<workspace_runtime_cache>();
  return {
      [=](http_call& call) {
        if (!is_gated_path(call.req.path)) return dispatch(self, options, call);
        auto me = caf::actor_cast<caf::actor>(self);
        const auto* outer = std::exchange(gating_actor, self);
        pass_request_gate(
            gate, std::move(call.req), std::move(call.done),
            [self, &options, me](http::request req, http::responder done) {
              if (gating_actor == self) {
                // Still inside the handler below, on the actor's own thread.
                http_call passed{std::move(req), std::move(done)};
                return dispatch(self, options, passed);
              }
              caf::anon_send(me, detail::gated_call{{std::move(req), std::move(done)}});
            });
        gating_actor = outer;
      },
      [=](detail::gated_call& gated) { dispatch(self, options, gated.call); },
  };
}

}  // namespace

caf::actor spawn_api_actor(caf::actor_system& sys, api_actor_options options) {
  return sys.spawn(api_actor, std::move(options));
}

}  // namespace cohort::api

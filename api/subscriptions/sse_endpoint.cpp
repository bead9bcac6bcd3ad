#include "api/subscriptions/sse_endpoint.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/atoms.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "api/bearer_caller.hpp"
#include "api/graphql_http/request_parser.hpp"
#include "api/http/stream.hpp"
#include "api/subscriptions/sse_format.hpp"
#include "api/subscriptions/subscription_actor.hpp"

namespace cohort::api::subscriptions {

namespace {

namespace svc = graphql::service;

void mark_event_stream(http::response& res) {
  res.content_type = std::string(event_stream_type);
  res.headers.emplace_back("Cache-Control", "no-cache");
}

// A JSON answer as the one event of a stream that completes at once.
http::response as_single_event(http::response res) {
  if (res.status != 200 || res.stream) return res;
  res.body = sse_next(res.body) + sse_complete();
  mark_event_stream(res);
  return res;
}

http::response error_event(std::string body) {
  http::response res;
  res.body = std::move(body);
  return as_single_event(std::move(res));
}

std::string error_body(const std::string& message) {
  boost::json::object e{{"message", message}};
  return boost::json::serialize(boost::json::object{{"errors", boost::json::array{e}}});
}

// What Twenty's workspace guard answers a caller without a workspace.
std::string forbidden_body() {
  boost::json::object ext{{"code", "INTERNAL_SERVER_ERROR"},
                          {"userFriendlyMessage", "An error occurred."}};
  boost::json::object e{{"message", "Forbidden resource"}, {"extensions", std::move(ext)}};
  return boost::json::serialize(boost::json::object{{"errors", boost::json::array{e}}});
}

http::request as_json_request(http::request req) {
  for (auto& [name, value] : req.headers) {
    if (name == "accept") value = "application/json";
  }
  return req;
}

// Answers with the stream of a planned subscription.
void open_stream(caf::event_based_actor* self, const std::shared_ptr<actors::handle_table>& handles,
                 std::string workspace_id, db_event_subscription plan, std::string route,
                 http::responder done) {
  subscription_options options;
  options.workspace_id = std::move(workspace_id);
  options.plan = std::move(plan);
  options.bus = handles->get("event_bus");
  if (!options.bus) return done(http::error_response(503, "The server is starting or stopping"));
  auto actor = spawn_subscription(self->system(), std::move(options));
  auto stream = std::make_shared<http::stream_handler>();
  stream->on_open = [actor](std::shared_ptr<http::stream_writer> writer) {
    caf::anon_send(actor, std::move(writer));
  };
  stream->on_close = [actor] { caf::anon_send(actor, actors::stop_atom::value); };
  http::response res;
  mark_event_stream(res);
  res.stream = std::move(stream);
  res.route = std::move(route);
  done(std::move(res));
}

}  // namespace

bool wants_event_stream(const http::request& req) {
  return (req.path == "/graphql" || req.path == "/metadata") &&
         accepts_event_stream(req.header("accept"));
}

void serve_event_stream(caf::event_based_actor* self, const graphql_endpoints& endpoints,
                        const std::shared_ptr<actors::handle_table>& handles,
                        std::chrono::milliseconds timeout, http::request req,
                        http::responder done) {
  auto json_req = std::make_shared<http::request>(as_json_request(std::move(req)));
  // Anything but a subscription runs as over JSON, its answer sent as one event.
  auto run_once = [self, endpoints, handles, timeout, json_req, done]() {
    serve_graphql(self, endpoints, handles, timeout, *json_req,
                  [done](http::response res) { done(as_single_event(std::move(res))); });
  };
  auto parsed = graphql_http::parse_request(*json_req);
  if (auto* refused = std::get_if<http::response>(&parsed)) return done(std::move(*refused));
  auto& request = std::get<graphql_http::graphql_request>(parsed);
  if (request.batch || request.operations.size() != 1) return run_once();
  auto params = std::make_shared<svc::graphql_params>(std::move(request.operations.front()));

  auto caller = caller_from_request(*json_req, *endpoints.tokens);
  if (auto* error = std::get_if<auth::auth_error>(&caller)) {
    http::response res;
    res.body = unauthenticated_body(*error);
    return done(std::move(res));
  }
  auto who = std::get<actors::caller>(caller);
  if (!who.workspace_id) {
    // Without a workspace there is nothing to subscribe to: Twenty's guard refuses it.
    const auto& platform =
        json_req->path == "/metadata" ? endpoints.platform_metadata : endpoints.platform_graphql;
    auto prepared = platform->prepare(params->query);
    const auto* operation = prepared->valid()
                                ? svc::select_operation(*prepared->document, params->operation_name)
                                : nullptr;
    if (operation && operation->operation == graphql::language::operation_type::subscription)
      return done(error_event(forbidden_body()));
    return run_once();
  }
  const std::string workspace_id = *who.workspace_id;
  // Plans the subscription on `service` and opens its stream; anything else runs once.
  // Twenty guards onDbEvent with a workspace and a user: an API key (no user) is refused.
  const bool user = who.user_id.has_value();
  // Planned with the model the stream opens on: only what the role may read goes out.
  auto permissions = who.permissions;
  auto subscribe_on = [self, handles, workspace_id, params, done, run_once, json_req, user,
                       permissions](const svc::graphql_service& service,
                                    const model::workspace_model* model) {
    auto prepared = service.prepare(params->query);
    if (!prepared->valid()) return done(error_event(prepared->error_body));
    const auto* operation = svc::select_operation(*prepared->document, params->operation_name);
    if (!operation || operation->operation != graphql::language::operation_type::subscription)
      return run_once();
    if (!user) return done(error_event(forbidden_body()));
    auto plan =
        plan_db_event_subscription(prepared, *operation, *service.schema(), params->variables);
    if (auto* message = std::get_if<std::string>(&plan))
      return done(error_event(error_body(*message)));
    std::get<db_event_subscription>(plan).readable = readable_events_of(permissions, model);
    open_stream(self, handles, workspace_id, std::move(std::get<db_event_subscription>(plan)),
                json_req->path, done);
  };
  // /metadata has one schema for every workspace; /graphql the workspace's own. Both need the
  // workspace's model when the caller's role restricts what it reads.
  const bool metadata = json_req->path == "/metadata";
  const bool restricted = permissions && !permissions->unrestricted;
  if (metadata && !restricted) return subscribe_on(*endpoints.platform_metadata, nullptr);
  caf::actor registry = handles->get("workspace_registry");
  if (!registry) return done(http::error_response(503, "The server is starting or stopping"));
  const auto* platform_metadata = endpoints.platform_metadata.get();
  self->request(registry, timeout, actors::route_atom::value, actors::runtime_request{workspace_id})
      .then(
          [subscribe_on, run_once, metadata, platform_metadata](actors::runtime_reply& reply) {
            const model::workspace_model* model =
                reply.runtime ? reply.runtime->model.get() : nullptr;
            if (metadata) return subscribe_on(*platform_metadata, model);
            if (!reply.runtime) return run_once();
            // The runtime outlives planning: the plan keeps only the prepared document.
            subscribe_on(*reply.runtime->graphql, model);
          },
          [done](caf::error& err) {
            bool timeout = err == caf::sec::request_timeout;
            done(http::error_response(
                timeout ? 504 : 503,
                timeout ? "The workspace did not answer in time" : "Workspace unavailable"));
          });
}

}  // namespace cohort::api::subscriptions

#include "api/router.hpp"

#include <caf/all.hpp>

#include "api/api_actor.hpp"
#include "api/platform/api_key_rest.hpp"
#include "api/rest/openapi/openapi_endpoint.hpp"
#include "api/rest/rest_route.hpp"
#include "api/rest/view_rest.hpp"
#include "api/webhooks/webhook_rest.hpp"

namespace cohort::api {

router::router(router_options options) : options_(std::move(options)) {}

void router::handle(http::request req, http::responder done) {
  const std::string& path = req.path;
  if (req.method == "GET" && (path == "/healthz" || path.rfind("/healthz/", 0) == 0)) {
    options_.health->answer(path.size() > 9 ? path.substr(9) : std::string(), std::move(done));
    return;
  }
  if ((req.method == "GET" || req.method == "POST") && path == "/_internal/echo") {
    to_api_actor(std::move(req), std::move(done), "/_internal/echo");
    return;
  }
  if (path == "/graphql" || path == "/metadata") {
    // Every method reaches the GraphQL-over-HTTP layer, which answers 405 for the wrong ones.
    to_api_actor(std::move(req), std::move(done), path == "/graphql" ? "/graphql" : "/metadata");
    return;
  }
  if (path == "/rest" || path.rfind("/rest/", 0) == 0) {
    const char* label = webhooks::is_webhook_rest_path(path)   ? webhooks::webhook_route_label(path)
                        : platform::is_api_key_rest_path(path) ? platform::api_key_route_label(path)
                        : rest::is_view_rest_path(path)        ? rest::view_route_label(path)
                                                               : rest::route_label(path);
    to_api_actor(std::move(req), std::move(done), label);
    return;
  }
  if (rest::openapi::is_openapi_path(path)) {  // Twenty also serves them without /rest
    to_api_actor(std::move(req), std::move(done),
                 path == "/open-api/core" ? "/open-api/core" : "/open-api/metadata");
    return;
  }
  // NestJS's answer for a route it does not have.
  done(http::error_response(404, "Cannot " + req.method + " " + path));
}

void router::to_api_actor(http::request&& req, http::responder&& done, const char* route) {
  const auto& names = options_.api_actor_names;
  caf::actor target;
  if (!names.empty()) target = options_.handles->get(names[next_++ % names.size()]);
  if (!target) {
    done(http::error_response(503, "The server is starting or stopping"));
    return;
  }
  // Tag the metrics route on the way back.
  auto tagged = [done = std::move(done), route](http::response res) {
    if (res.route.empty()) res.route = route;
    done(std::move(res));
  };
  caf::anon_send(target, http_call{std::move(req), std::move(tagged)});
}

}  // namespace cohort::api

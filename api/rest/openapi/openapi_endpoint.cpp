#include "api/rest/openapi/openapi_endpoint.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/atoms.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "api/bearer_caller.hpp"
#include "api/rest/openapi/core_document.hpp"
#include "api/rest/openapi/document_cache.hpp"
#include "api/rest/openapi/metadata_document.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_error.hpp"

namespace cohort::api::rest::openapi {

namespace {

// Metrics labels (the un-prefixed paths are counted with these).
constexpr std::string_view core_path = "/rest/open-api/core";
constexpr std::string_view metadata_path = "/rest/open-api/metadata";

http::response document_response(const boost::json::object& document, std::string_view route) {
  http::response res;
  res.body = boost::json::serialize(document);
  res.route = std::string(route);
  return res;
}

// The base URL the client reached us by (Twenty's fallback when SERVER_URL is not set), through
// a reverse proxy when it says so.
std::string server_url_of(const http::request& req) {
  const std::string* host = req.header("x-forwarded-host");
  if (host == nullptr || host->empty()) host = req.header("host");
  const std::string* proto = req.header("x-forwarded-proto");
  std::string scheme = proto && (*proto == "https" || *proto == "http") ? *proto : "http";
  return scheme + "://" + (host && !host->empty() ? *host : std::string("localhost"));
}

// The workspace of the caller: from the bearer token, else from ?token=; none when neither
// verifies (the document is then the skeleton, not an error).
std::optional<std::string> workspace_of(const http::request& req, const rest_services& services) {
  if (!services.tokens) return std::nullopt;
  http::request probe;
  probe.headers = req.headers;
  if (bearer_token(req).empty()) {
    auto token = query_string(req.query).get("token");
    if (!token || token->empty()) return std::nullopt;
    probe.headers.emplace_back("authorization", "Bearer " + *token);
  }
  auto caller = caller_from_request(probe, *services.tokens);
  auto* who = std::get_if<actors::caller>(&caller);
  if (who == nullptr) return std::nullopt;
  return who->workspace_id;
}

}  // namespace

bool is_openapi_path(std::string_view path) {
  if (path.rfind("/rest/", 0) == 0) path.remove_prefix(5);
  return path == "/open-api/core" || path == "/open-api/metadata";
}

void serve_openapi(caf::event_based_actor* self, const rest_services& services,
                   const std::string& configured_server_url,
                   const std::shared_ptr<actors::handle_table>& handles,
                   std::chrono::milliseconds timeout, http::request req, http::responder done) {
  const bool core = req.path.ends_with("/core");
  const std::string_view route = core ? core_path : metadata_path;
  if (req.method != "GET") {
    auto res = to_response(rest_error{.status = 404,
                                      .error = "NotFoundException",
                                      .messages = {"Cannot " + req.method + " " + req.path}});
    res.route = std::string(route);
    done(std::move(res));
    return;
  }
  std::string server_url =
      configured_server_url.empty() ? server_url_of(req) : configured_server_url;
  while (!server_url.empty() && server_url.back() == '/') server_url.pop_back();
  auto workspace = workspace_of(req, services);
  if (!core) {
    done(document_response(metadata_document(workspace.has_value(), server_url), route));
    return;
  }
  caf::actor registry = handles->get("workspace_registry");
  if (!workspace || !registry) {
    done(document_response(core_document(nullptr, server_url), route));
    return;
  }
  self->request(registry, timeout, actors::route_atom::value, actors::runtime_request{*workspace})
      .then(
          [server_url, route, done](actors::runtime_reply& reply) {
            if (!reply.runtime) {
              done(document_response(core_document(nullptr, server_url), route));
              return;
            }
            const model::workspace_model& model = *reply.runtime->model;
            auto& cache = document_cache::shared();
            auto body = cache.find(model, server_url);
            if (!body) {
              body = std::make_shared<const std::string>(
                  boost::json::serialize(core_document(&model, server_url)));
              cache.store(model, server_url, body);
            }
            http::response res;
            res.body = *body;
            res.route = std::string(route);
            done(std::move(res));
          },
          [self, done](caf::error& err) {
            bool timed_out = err == caf::sec::request_timeout;
            done(http::error_response(
                timed_out ? 504 : 503,
                timed_out ? "The workspace did not answer in time"
                          : "Workspace unavailable: " + self->system().render(err)));
          });
}

}  // namespace cohort::api::rest::openapi

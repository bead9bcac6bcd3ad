#include "api/rest/rest_endpoint.hpp"
#include "api/rest/rest_caller.hpp"

#include <caf/all.hpp>

#include "actors/atoms.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "api/bearer_caller.hpp"
#include "api/rest/rest_answer.hpp"
#include "api/rest/rest_query.hpp"
#include "api/rest/rest_route.hpp"
#include "storage/query/permission_check.hpp"

namespace cohort::api::rest {

namespace {

// Twenty's REST guard answers token problems with the auth code in `error`.
rest_error auth_failure(unsigned status, std::string code, std::string message) {
  return rest_error{.status = status, .error = std::move(code), .messages = {std::move(message)}};
}

void run_call(const rest_services& services,
              std::shared_ptr<const actors::workspace_runtime> runtime, const rest_route& route,
              const http::request& req, const actors::caller& who, http::responder done) {
  auto built = build_rest_query(route, query_string(req.query), req.body, *runtime->model, who);
  if (auto* e = std::get_if<rest_error>(&built)) {
    done(to_response(*e));
    return;
  }
  auto call = std::make_shared<rest_query>(std::move(std::get<rest_query>(built)));
  // REST answers every field: the ones the caller may not read are left out, and the compiler
  // refuses the rest of what its role does not allow (filters, order, writes).
  call->query.permissions = who.permissions;
  storage::query::drop_unreadable(call->query, *runtime->model);
  // The runtime (and so the model) stays alive until the statement has answered.
  storage::query::run(*services.pool, call->query, *runtime->model, req.standing_guard,
                      [call, runtime, done](storage::query::run_result result) {
                        done(answer(*call, std::move(result)));
                      });
}

}  // namespace

void serve_rest(caf::event_based_actor* self, const rest_services& services,
                const std::shared_ptr<actors::handle_table>& handles,
                std::chrono::milliseconds timeout, http::request req, http::responder done) {
  auto caller = rest_caller(req, *services.tokens);
  if (auto* refused = std::get_if<rest_error>(&caller)) {
    done(to_response(*refused));
    return;
  }
  auto who = std::make_shared<actors::caller>(std::move(std::get<actors::caller>(caller)));
  auto route = parse_route(req.method, req.path);
  if (auto* e = std::get_if<rest_error>(&route)) {
    done(to_response(*e));
    return;
  }
  if (!services.pool) {
    done(http::error_response(503, "The REST API has no database pool"));
    return;
  }
  caf::actor registry = handles->get("workspace_registry");
  if (!registry) {
    done(http::error_response(503, "The server is starting or stopping"));
    return;
  }
  if (services.runtimes) {
    if (auto runtime = services.runtimes->current(*who->workspace_id)) {
      run_call(services, std::move(runtime), std::get<rest_route>(route), req, *who,
               std::move(done));
      return;
    }
  }
  auto shared_req = std::make_shared<http::request>(std::move(req));
  auto parsed_route = std::make_shared<rest_route>(std::move(std::get<rest_route>(route)));
  actors::runtime_request ask{*who->workspace_id};
  self->request(registry, timeout, actors::route_atom::value, std::move(ask))
      .then(
          [services, who, shared_req, parsed_route, done](actors::runtime_reply& reply) {
            if (!reply.runtime) {
              bool fault = reply.error == "INTERNAL_SERVER_ERROR";
              done(to_response(fault ? rest_error{.status = 500,
                                                  .error = "InternalServerErrorException",
                                                  .messages = {reply.message}}
                                     : auth_failure(403, "FORBIDDEN_EXCEPTION",
                                                    reply.message.empty() ? "Workspace not found"
                                                                          : reply.message)));
              return;
            }
            if (services.runtimes) services.runtimes->keep(*who->workspace_id, reply);
            run_call(services, reply.runtime, *parsed_route, *shared_req, *who, done);
          },
          [self, done](caf::error& err) {
            bool timed_out = err == caf::sec::request_timeout;
            done(http::error_response(
                timed_out ? 504 : 503,
                timed_out ? "The workspace did not answer in time"
                          : "Workspace unavailable: " + self->system().render(err)));
          });
}

}  // namespace cohort::api::rest

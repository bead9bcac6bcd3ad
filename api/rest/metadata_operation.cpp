#include "api/rest/metadata_operation.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/workspace/workspace_runtime.hpp"
#include "api/platform/metadata_context.hpp"

namespace cohort::api::rest {

namespace json = boost::json;

void run_metadata_operation(const metadata_runner& runner, actors::caller who,
                            std::string request_id, graphql::service::graphql_params params,
                            metadata_answer answer, http::responder done) {
  auto context = std::make_shared<platform::metadata_context>();
  context->who = std::move(who);
  context->request_id = std::move(request_id);
  caf::actor registry = runner.handles->get("workspace_registry");
  if (!registry || !context->who.workspace_id) {
    done(http::error_response(503, "The server is starting or stopping"));
    return;
  }
  auto* self = runner.self;
  auto fail = [self, done](caf::error& err) {
    bool timed_out = err == caf::sec::request_timeout;
    done(http::error_response(timed_out ? 504 : 503,
                              timed_out ? "The workspace did not answer in time"
                                        : "Workspace unavailable: " + self->system().render(err)));
  };
  auto op = std::make_shared<graphql::service::graphql_params>(std::move(params));
  const std::string workspace_id = *context->who.workspace_id;
  const auto timeout = runner.timeout;
  auto metadata = runner.metadata;
  self->request(registry, timeout, caf::get_atom::value, workspace_id)
      .then(
          [self, timeout, workspace_id, context, op, metadata, answer, done, fail](caf::actor& ws) {
            self->request(ws, timeout, actors::runtime_request{workspace_id})
                .then(
                    [ws, context, op, metadata, answer, done](actors::runtime_reply& reply) {
                      if (!reply.runtime) {
                        done(to_response({403, "FORBIDDEN_EXCEPTION", {reply.message}}));
                        return;
                      }
                      context->model = reply.runtime->model;
                      context->workspace = ws;
                      graphql::execution::execution_options exec;
                      exec.error_locations = false;
                      exec.error_paths = false;
                      metadata->run(
                          *op, context.get(), graphql::service::run_options(exec),
                          [context, metadata, answer, done](graphql::service::run_result r) {
                            boost::system::error_code ec;
                            auto parsed = json::parse(r.body, ec);
                            if (ec || !parsed.is_object()) {
                              done(to_response(
                                  {500, "InternalServerErrorException", {"Unreadable answer"}}));
                              return;
                            }
                            answer(parsed.as_object());
                          });
                    },
                    fail);
          },
          fail);
}

rest_error rest_error_of_graphql(const json::object& error) {
  std::string code;
  if (auto* ext = error.if_contains("extensions"); ext && ext->is_object()) {
    if (auto* c = ext->as_object().if_contains("code"); c && c->is_string()) {
      code = std::string(c->as_string());
    }
  }
  std::string message;
  if (auto* m = error.if_contains("message"); m && m->is_string())
    message = std::string(m->as_string());
  if (code == "BAD_USER_INPUT" || code.empty()) return {400, "BadRequestException", {message}};
  if (code == "NOT_FOUND") return {404, "NotFoundException", {message}};
  if (code == "CONFLICT") return {409, "ConflictException", {message}};
  if (code == "FORBIDDEN") return {403, "ForbiddenException", {message}};
  if (code == "UNAUTHENTICATED") return {401, "UnauthorizedException", {message}};
  return {500, "InternalServerErrorException", {message}};
}

std::optional<rest_error> first_graphql_error(const json::object& answer) {
  auto* errors = answer.if_contains("errors");
  if (!errors || !errors->is_array() || errors->as_array().empty()) return std::nullopt;
  const auto& first = errors->as_array().front();
  return first.is_object() ? rest_error_of_graphql(first.as_object())
                           : rest_error{500, "InternalServerErrorException", {}};
}

}  // namespace cohort::api::rest

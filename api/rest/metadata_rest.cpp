#include "api/rest/metadata_rest.hpp"
#include "api/rest/rest_caller.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "actors/workspace/workspace_runtime.hpp"
#include "api/bearer_caller.hpp"
#include "api/platform/metadata_context.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_error.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::rest {

namespace {

namespace json = boost::json;

constexpr const char* object_selection =
    "id nameSingular namePlural isCustom isActive isSystem createdAt updatedAt "
    "labelIdentifierFieldMetadataId imageIdentifierFieldMetadataId labelSingular labelPlural "
    "description icon";
constexpr const char* field_selection =
    "id type name label description icon isCustom isActive isSystem isNullable createdAt "
    "updatedAt defaultValue options relation { type targetObjectMetadata { id nameSingular "
    "namePlural } targetFieldMetadata { id name } sourceObjectMetadata { id nameSingular "
    "namePlural } sourceFieldMetadata { id name } }";

struct metadata_call {
  bool objects = true;  // else fields
  std::string method;
  std::string id;  // empty: the collection
};

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    auto slash = path.find('/');
    auto part = path.substr(0, slash);
    if (!part.empty()) out.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

std::string entity_selection(bool objects) {
  return objects ? std::string(object_selection) + " fields: fieldsList { " + field_selection + " }"
                 : std::string(field_selection);
}

// The GraphQL operation of a call and the key its answer is under.
struct operation {
  graphql::service::graphql_params params;
  std::string answer_key;  // "objects", "object", "createOneObject", ...
  bool list = false;
  unsigned success_status = 200;
};

std::variant<operation, rest_error> operation_of(const metadata_call& call,
                                                 const http::request& req) {
  operation op;
  const std::string Entity = call.objects ? "Object" : "Field";
  const std::string selection = entity_selection(call.objects);
  json::object body;
  if (call.method == "POST" || call.method == "PATCH" || call.method == "PUT") {
    boost::system::error_code ec;
    auto parsed = json::parse(req.body.empty() ? std::string_view("{}") : req.body, ec);
    if (ec || !parsed.is_object()) return bad_request("The request body must be a JSON object");
    body = parsed.as_object();
  }
  if (call.method == "GET" && call.id.empty()) {
    auto q = query_string(req.query);
    json::object paging;
    std::int64_t limit = 1000;
    if (auto l = q.get("limit")) {
      try {
        limit = std::stoll(*l);
      } catch (...) {
        return bad_request("limit must be an integer");
      }
    }
    auto after = q.get("starting_after");
    auto before = q.get("ending_before");
    if (after && before) {
      return bad_request("starting_after and ending_before cannot be used together");
    }
    if (before) {
      paging["last"] = limit;
      paging["before"] = *before;
    } else {
      paging["first"] = limit;
      if (after) paging["after"] = *after;
    }
    op.answer_key = call.objects ? "objects" : "fields";
    op.list = true;
    op.params.query = "query($paging: CursorPaging!) { " + op.answer_key +
                      "(paging: $paging) { pageInfo { hasNextPage startCursor endCursor } "
                      "edges { node { " +
                      selection + " } } } }";
    op.params.variables["paging"] = std::move(paging);
    return op;
  }
  if (call.method == "POST" && call.id.empty()) {
    op.answer_key = "createOne" + Entity;
    op.success_status = 201;
    const std::string input_type =
        call.objects ? "CreateOneObjectInput!" : "CreateOneFieldMetadataInput!";
    op.params.query = "mutation($input: " + input_type + ") { " + op.answer_key +
                      "(input: $input) { " + selection + " } }";
    op.params.variables["input"] = json::object{{call.objects ? "object" : "field", body}};
    return op;
  }
  if (call.id.empty()) return rest_error{404, "NotFoundException", {"Not found"}};
  if (!storage::query::is_uuid(call.id)) return bad_request("Invalid UUID: " + call.id);
  if (call.method == "GET") {
    op.answer_key = call.objects ? "object" : "field";
    op.params.query = "query($id: UUID!) { " + op.answer_key + "(id: $id) { " + selection + " } }";
    op.params.variables["id"] = call.id;
    return op;
  }
  if (call.method == "PATCH" || call.method == "PUT") {
    op.answer_key = "updateOne" + Entity;
    const std::string input_type =
        call.objects ? "UpdateOneObjectInput!" : "UpdateOneFieldMetadataInput!";
    op.params.query = "mutation($input: " + input_type + ") { " + op.answer_key +
                      "(input: $input) { " + selection + " } }";
    op.params.variables["input"] = json::object{{"id", call.id}, {"update", body}};
    return op;
  }
  if (call.method == "DELETE") {
    op.answer_key = "deleteOne" + Entity;
    const std::string input_type = call.objects ? "DeleteOneObjectInput!" : "DeleteOneFieldInput!";
    op.params.query =
        "mutation($input: " + input_type + ") { " + op.answer_key + "(input: $input) { id } }";
    op.params.variables["input"] = json::object{{"id", call.id}};
    return op;
  }
  return rest_error{404, "NotFoundException", {"Cannot " + call.method + " " + req.path}};
}

rest_error error_of(const json::object& error) {
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

http::response envelope(const operation& op, const std::string& graphql_body) {
  boost::system::error_code ec;
  auto parsed = json::parse(graphql_body, ec);
  if (ec || !parsed.is_object()) {
    return to_response({500, "InternalServerErrorException", {"Unreadable answer"}});
  }
  const auto& answer = parsed.as_object();
  if (auto* errors = answer.if_contains("errors");
      errors && errors->is_array() && !errors->as_array().empty()) {
    const auto& first = errors->as_array().front();
    return to_response(first.is_object() ? error_of(first.as_object())
                                         : rest_error{500, "InternalServerErrorException", {}});
  }
  const json::value* data = answer.if_contains("data");
  const json::value* value =
      data && data->is_object() ? data->as_object().if_contains(op.answer_key) : nullptr;
  json::object out;
  if (op.list) {
    json::array items;
    json::value page_info = nullptr;
    if (value && value->is_object()) {
      if (auto* edges = value->as_object().if_contains("edges"); edges && edges->is_array()) {
        for (const auto& e : edges->as_array()) items.push_back(e.as_object().at("node"));
      }
      if (auto* p = value->as_object().if_contains("pageInfo")) page_info = *p;
    }
    out["data"] = json::object{{op.answer_key, std::move(items)}};
    out["pageInfo"] = std::move(page_info);
  } else {
    out["data"] = json::object{{op.answer_key, value ? *value : json::value(nullptr)}};
  }
  http::response res;
  res.status = op.success_status;
  res.body = json::serialize(out);
  return res;
}

}  // namespace

bool is_metadata_rest_path(std::string_view path) {
  auto parts = segments(path);
  return parts.size() >= 3 && parts.size() <= 4 && parts[0] == "rest" && parts[1] == "metadata" &&
         (parts[2] == "objects" || parts[2] == "fields");
}

void serve_metadata_rest(caf::event_based_actor* self, const rest_services& services,
                         std::shared_ptr<const graphql::service::graphql_service> metadata,
                         const std::shared_ptr<actors::handle_table>& handles,
                         std::chrono::milliseconds timeout, http::request req,
                         http::responder done) {
  auto caller = rest_caller(req, *services.tokens);
  if (auto* refused = std::get_if<rest_error>(&caller)) {
    done(to_response(*refused));
    return;
  }
  auto context = std::make_shared<platform::metadata_context>();
  context->who = std::move(std::get<actors::caller>(caller));
  context->request_id = req.request_id;
  auto parts = segments(req.path);
  metadata_call call{parts[2] == "objects", req.method,
                     parts.size() == 4 ? std::string(parts[3]) : std::string()};
  auto built = operation_of(call, req);
  if (auto* e = std::get_if<rest_error>(&built)) {
    done(to_response(*e));
    return;
  }
  auto op = std::make_shared<operation>(std::move(std::get<operation>(built)));
  caf::actor registry = handles->get("workspace_registry");
  if (!registry) {
    done(http::error_response(503, "The server is starting or stopping"));
    return;
  }
  auto fail = [self, done](caf::error& err) {
    bool timed_out = err == caf::sec::request_timeout;
    done(http::error_response(timed_out ? 504 : 503,
                              timed_out ? "The workspace did not answer in time"
                                        : "Workspace unavailable: " + self->system().render(err)));
  };
  const std::string workspace_id = *context->who.workspace_id;
  self->request(registry, timeout, caf::get_atom::value, workspace_id)
      .then(
          [self, timeout, workspace_id, context, op, metadata, done, fail](caf::actor& ws) {
            self->request(ws, timeout, actors::runtime_request{workspace_id})
                .then(
                    [ws, context, op, metadata, done](actors::runtime_reply& reply) {
                      if (!reply.runtime) {
                        done(to_response({403, "FORBIDDEN_EXCEPTION", {reply.message}}));
                        return;
                      }
                      context->model = reply.runtime->model;
                      context->workspace = ws;
                      graphql::execution::execution_options exec;
                      exec.error_locations = false;
                      exec.error_paths = false;
                      metadata->run(op->params, context.get(), graphql::service::run_options(exec),
                                    [context, op, metadata, done](graphql::service::run_result r) {
                                      done(envelope(*op, r.body));
                                    });
                    },
                    fail);
          },
          fail);
}

}  // namespace cohort::api::rest

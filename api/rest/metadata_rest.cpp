#include "api/rest/metadata_rest.hpp"
#include "api/rest/rest_caller.hpp"

#include <caf/all.hpp>

#include <boost/json.hpp>

#include "api/bearer_caller.hpp"
#include "api/rest/metadata_list.hpp"
#include "api/rest/metadata_operation.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_body.hpp"
#include "api/rest/rest_error.hpp"
#include "api/rest/view_rest.hpp"
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
    auto parsed = body_object(req.body);
    if (auto* e = std::get_if<rest_error>(&parsed)) return std::move(*e);
    body = std::move(std::get<json::object>(parsed));
  }
  if (call.method == "GET" && call.id.empty()) {
    auto page = parse_page_request(query_string(req.query), metadata_limits);
    if (auto* e = std::get_if<rest_error>(&page)) return std::move(*e);
    const auto& p = std::get<page_request>(page);
    json::object paging;
    if (p.ending_before) {
      paging["last"] = p.limit;
      paging["before"] = *p.ending_before;
    } else {
      paging["first"] = p.limit;
      if (p.starting_after) paging["after"] = *p.starting_after;
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

http::response envelope(const operation& op, const json::object& answer) {
  if (auto e = first_graphql_error(answer)) return to_response(*e);
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
  return json_response(op.success_status, out);
}

}  // namespace

bool is_metadata_rest_path(std::string_view path) {
  auto parts = segments(path);
  return (parts.size() >= 3 && parts.size() <= 4 && parts[0] == "rest" && parts[1] == "metadata" &&
          (parts[2] == "objects" || parts[2] == "fields")) ||
         is_view_rest_path(path);
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
  auto& who = std::get<actors::caller>(caller);
  const metadata_runner runner{self, std::move(metadata), handles, timeout};
  if (is_view_rest_path(req.path)) {
    serve_view_rest(runner, std::move(who), std::move(req), std::move(done));
    return;
  }
  auto parts = segments(req.path);
  metadata_call call{parts[2] == "objects", req.method,
                     parts.size() == 4 ? std::string(parts[3]) : std::string()};
  auto built = operation_of(call, req);
  if (auto* e = std::get_if<rest_error>(&built)) {
    done(to_response(*e));
    return;
  }
  auto op = std::make_shared<operation>(std::move(std::get<operation>(built)));
  auto params = op->params;
  run_metadata_operation(
      runner, std::move(who), req.request_id, std::move(params),
      [op, done](const json::object& answer) { done(envelope(*op, answer)); }, done);
}

}  // namespace cohort::api::rest

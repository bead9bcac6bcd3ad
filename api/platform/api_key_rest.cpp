#include "api/platform/api_key_rest.hpp"

#include <boost/json.hpp>
#include <optional>
#include <vector>

#include "api/bearer_caller.hpp"
#include "api/platform/api_key_json.hpp"
#include "api/platform/api_key_permission.hpp"
#include "api/platform/api_key_service.hpp"
#include "api/rest/metadata_list.hpp"
#include "api/rest/query_string.hpp"
#include "api/rest/rest_body.hpp"
#include "api/rest/rest_caller.hpp"
#include "api/rest/rest_error.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::platform {

namespace {

namespace json = boost::json;
using rest::body_object;
using rest::json_response;
using rest::rest_error;

constexpr std::string_view prefix = "/rest/metadata/apiKeys";
constexpr std::string_view alias_prefix = "/rest/apiKeys";  // deprecated: bare answers

bool is_alias(std::string_view path) {
  return path.substr(0, alias_prefix.size()) == alias_prefix;
}

// The segments after the prefix ("", "{id}", "{id}/revoke"), or nullopt for another path.
std::optional<std::vector<std::string>> segments_after_prefix(std::string_view path) {
  std::string_view rest;
  if (path.substr(0, prefix.size()) == prefix) {
    rest = path.substr(prefix.size());
  } else if (is_alias(path)) {
    rest = path.substr(alias_prefix.size());
  } else {
    return std::nullopt;
  }
  if (!rest.empty() && rest.front() != '/') return std::nullopt;
  std::vector<std::string> out;
  while (!rest.empty()) {
    if (rest.front() == '/') {
      rest.remove_prefix(1);
      continue;
    }
    auto slash = rest.find('/');
    out.emplace_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  return out;
}

rest_error forbidden(std::string code, std::string message) {
  return rest_error{.status = 403, .error = std::move(code), .messages = {std::move(message)}};
}

rest_error not_found(std::string_view id) {
  return rest_error{.status = 404,
                    .error = "NotFoundException",
                    .messages = {"API Key with id " + std::string(id) + " not found"}};
}

rest_error no_route(const http::request& req) {
  return rest_error{.status = 404,
                    .error = "NotFoundException",
                    .messages = {"Cannot " + req.method + " " + req.path}};
}

rest_error from_service(const api_key_error& e) {
  using k = api_key_error::kind;
  switch (e.what) {
    case k::not_found:
      return rest_error{.status = 404, .error = "NotFoundException", .messages = {e.message}};
    case k::revoked:
      return rest_error{.status = 403, .error = "ForbiddenException", .messages = {e.message}};
    case k::expired:
    case k::bad_input:
      return rest::bad_request(e.message);
    case k::database:
      break;
  }
  return rest_error{
      .status = 500, .error = "InternalServerErrorException", .messages = {e.message}};
}

// One key in {data: {<key>: ...}} with `status`, or 404 when there is none.
api_key_done answer_one(http::responder done, std::string id, std::string key, unsigned status,
                        bool id_only = false) {
  return [done, id, key, status, id_only](api_key_outcome r) {
    if (auto* e = std::get_if<api_key_error>(&r)) return done(rest::to_response(from_service(*e)));
    auto& row = std::get<0>(r);
    if (!row) return done(rest::to_response(not_found(id)));
    json::value item =
        id_only ? json::value(json::object{{"id", row->id}}) : json::value(api_key_json(*row));
    done(json_response(status, json::object{{"data", json::object{{key, std::move(item)}}}}));
  };
}

// ?limit (default 60, at most 200), ?starting_after / ?ending_before: cursors are key ids.
void answer_list(const http::request& req, const std::vector<api_key_row>& rows,
                 const http::responder& done) {
  auto page = rest::parse_page_request(rest::query_string(req.query), rest::api_key_limits);
  if (auto* e = std::get_if<rest_error>(&page)) return done(rest::to_response(*e));
  json::array items;
  for (const auto& row : rows) items.push_back(api_key_json(row));
  auto out = rest::page_envelope("apiKeys", items, std::get<rest::page_request>(page));
  if (auto* e = std::get_if<rest_error>(&out)) return done(rest::to_response(*e));
  done(json_response(200, std::move(std::get<json::object>(out))));
}

// The deprecated alias answers what the envelope holds: the array, or the one key.
http::responder unwrapped(http::responder done) {
  return [done = std::move(done)](http::response res) {
    boost::system::error_code ec;
    auto v = res.status < 300 ? json::parse(res.body, ec) : json::value();
    const json::value* data = !ec && v.is_object() ? v.as_object().if_contains("data") : nullptr;
    if (data && data->is_object() && data->as_object().size() == 1)
      res.body = json::serialize(data->as_object().begin()->value());
    done(std::move(res));
  };
}

void route(const api_key_rest_services& s, const http::request& req,
           const std::vector<std::string>& segments, const std::string& workspace,
           const http::responder& done) {
  auto& pool = *s.pool;
  const std::string& m = req.method;
  if (segments.empty()) {
    if (m == "GET") {
      return list_api_keys(pool, workspace,
                           [req, done](std::variant<std::vector<api_key_row>, api_key_error> r) {
                             if (auto* e = std::get_if<api_key_error>(&r))
                               return done(rest::to_response(from_service(*e)));
                             answer_list(req, std::get<0>(r), done);
                           });
    }
    if (m == "POST") {
      auto body = body_object(req.body);
      if (auto* e = std::get_if<rest_error>(&body)) return done(rest::to_response(*e));
      return create_api_key(pool, workspace, std::get<json::object>(body),
                            answer_one(done, "", "createOneApiKey", 201));
    }
    return done(rest::to_response(no_route(req)));
  }
  const std::string& id = segments[0];
  bool revoke = segments.size() == 2 && segments[1] == "revoke" && m == "POST";
  if (segments.size() > 2 || (segments.size() == 2 && !revoke))
    return done(rest::to_response(no_route(req)));
  if (!storage::query::is_uuid(id)) {
    return done(
        rest::to_response(rest::bad_request("invalid input syntax for type uuid: \"" + id + "\"")));
  }
  if (revoke) return revoke_api_key(pool, workspace, id, answer_one(done, id, "revokeApiKey", 200));
  if (m == "GET") return get_api_key(pool, workspace, id, answer_one(done, id, "apiKey", 200));
  if (m == "PATCH" || m == "PUT") {
    auto body = body_object(req.body);
    if (auto* e = std::get_if<rest_error>(&body)) return done(rest::to_response(*e));
    auto input = std::get<json::object>(body);
    input.erase("id");
    return update_api_key(pool, workspace, id, input, answer_one(done, id, "updateOneApiKey", 200));
  }
  if (m == "DELETE")
    return revoke_api_key(pool, workspace, id, answer_one(done, id, "deleteOneApiKey", 200, true));
  done(rest::to_response(no_route(req)));
}

}  // namespace

bool is_api_key_rest_path(std::string_view path) {
  return segments_after_prefix(path).has_value();
}

const char* api_key_route_label(std::string_view path) {
  auto segments = segments_after_prefix(path);
  bool alias = is_alias(path);
  if (!segments || segments->empty()) return alias ? "/rest/apiKeys" : "/rest/metadata/apiKeys";
  if (segments->size() == 1) return alias ? "/rest/apiKeys/{id}" : "/rest/metadata/apiKeys/{id}";
  return alias ? "/rest/apiKeys/{id}/revoke" : "/rest/metadata/apiKeys/{id}/revoke";
}

void serve_api_key_rest(const api_key_rest_services& services, http::request req,
                        http::responder done) {
  // The same guards, in the same order, as the other REST routes.
  auto caller = rest::rest_caller(req, *services.tokens);
  if (auto* refused = std::get_if<rest_error>(&caller)) return done(rest::to_response(*refused));
  const auto& who = std::get<actors::caller>(caller);
  // The workspace is known here: what is left to refuse is the caller's right to manage.
  if (api_key_permission(who)) {
    return done(rest::to_response(
        forbidden("ForbiddenException", "Entity performing the request does not have permission")));
  }
  if (!services.pool) return done(http::error_response(503, "The REST API has no database pool"));
  auto segments = segments_after_prefix(req.path);
  if (!segments) return done(rest::to_response(no_route(req)));
  if (is_alias(req.path)) done = unwrapped(std::move(done));
  route(services, req, *segments, *who.workspace_id, done);
}

}  // namespace cohort::api::platform

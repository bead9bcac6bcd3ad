#include "api/webhooks/webhook_rest.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <optional>
#include <vector>

#include "api/bearer_caller.hpp"
#include "api/rest/rest_body.hpp"
#include "api/rest/rest_caller.hpp"
#include "api/rest/rest_error.hpp"
#include "api/webhooks/webhook_input.hpp"
#include "api/webhooks/webhook_json.hpp"
#include "api/webhooks/webhook_permission.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/webhooks/delivery_repository.hpp"
#include "storage/webhooks/webhook_repository.hpp"

namespace cohort::api::webhooks {

namespace {

namespace json = boost::json;
namespace wh = storage::webhooks;
using rest::body_object;
using rest::json_response;
using rest::rest_error;

constexpr std::string_view metadata_prefix = "/rest/metadata/webhooks";
constexpr std::string_view alias_prefix = "/rest/webhooks";

// The path segments after the prefix ("", "{id}", "{id}/deliveries").
std::optional<std::vector<std::string_view>> segments_after_prefix(std::string_view path) {
  std::string_view rest;
  if (path.substr(0, metadata_prefix.size()) == metadata_prefix) {
    rest = path.substr(metadata_prefix.size());
  } else if (path.substr(0, alias_prefix.size()) == alias_prefix) {
    rest = path.substr(alias_prefix.size());
  } else {
    return std::nullopt;
  }
  if (!rest.empty() && rest.front() != '/') return std::nullopt;
  std::vector<std::string_view> out;
  while (!rest.empty()) {
    if (rest.front() == '/') {
      rest.remove_prefix(1);
      continue;
    }
    auto slash = rest.find('/');
    out.push_back(rest.substr(0, slash));
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
                    .messages = {"Webhook with id " + std::string(id) + " not found"}};
}

rest_error no_route(const http::request& req) {
  return rest_error{.status = 404,
                    .error = "NotFoundException",
                    .messages = {"Cannot " + req.method + " " + req.path}};
}

rest_error database_failure(const storage::pg::error_info& e) {
  return rest_error{
      .status = 500, .error = "InternalServerErrorException", .messages = {e.message}};
}

rest_error input_failure(const webhook_input_error& e) {
  return rest::bad_request(e.message);
}

int limit_of(std::string_view query) {
  int limit = 50;
  for (std::size_t at = 0; at <= query.size();) {
    auto end = query.find('&', at);
    std::string_view pair = query.substr(at, end == std::string_view::npos ? end : end - at);
    if (pair.substr(0, 6) == "limit=") {
      std::string_view v = pair.substr(6);
      int n = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec == std::errc{} && p == v.data() + v.size() && n > 0) limit = std::min(n, 500);
    }
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return limit;
}

// Answers one webhook row (or 404 when there is none) with `status`.
wh::webhook_callback answer_row(http::responder done, std::string id, unsigned status,
                                bool answer_true = false) {
  return [done, id, status, answer_true](wh::db_result<wh::webhook_row> r) {
    if (!r.ok()) return done(rest::to_response(database_failure(*r.error)));
    if (!r.value) return done(rest::to_response(not_found(id)));
    done(json_response(status,
                       answer_true ? json::value(true) : json::value(webhook_json(*r.value))));
  };
}

void route(const webhook_rest_services& s, const http::request& req,
           const std::vector<std::string_view>& segments, const std::string& workspace,
           const http::responder& done) {
  auto& pool = *s.pool;
  const std::string& m = req.method;
  if (segments.empty()) {
    if (m == "GET") {
      return wh::list_webhooks(pool, workspace,
                               [done](wh::db_result<std::vector<wh::webhook_row>> r) {
                                 if (!r.ok())
                                   return done(rest::to_response(database_failure(*r.error)));
                                 json::array items;
                                 for (const auto& row : *r.value)
                                   items.push_back(webhook_json(row));
                                 done(json_response(200, items));
                               });
    }
    if (m == "POST") {
      auto body = body_object(req.body);
      if (auto* e = std::get_if<rest_error>(&body)) return done(rest::to_response(*e));
      auto input = read_new_webhook(std::get<json::object>(body), workspace, true);
      if (auto* e = std::get_if<webhook_input_error>(&input))
        return done(rest::to_response(input_failure(*e)));
      return wh::insert_webhook(pool, std::move(std::get<wh::new_webhook>(input)),
                                answer_row(done, "", 201));
    }
    return done(rest::to_response(no_route(req)));
  }
  std::string id(segments[0]);
  bool deliveries = segments.size() == 2 && segments[1] == "deliveries" && m == "GET";
  if (segments.size() > 2 || (segments.size() == 2 && !deliveries))
    return done(rest::to_response(no_route(req)));
  if (!storage::query::is_uuid(id)) {
    // What PostgreSQL answers Twenty's query, which its REST filter turns into a 400.
    return done(
        rest::to_response(rest::bad_request("invalid input syntax for type uuid: \"" + id + "\"")));
  }
  if (deliveries) {
    int limit = limit_of(req.query);
    auto p = s.pool;
    return wh::find_webhook(
        pool, workspace, id, [p, workspace, id, limit, done](wh::db_result<wh::webhook_row> r) {
          if (!r.ok()) return done(rest::to_response(database_failure(*r.error)));
          if (!r.value) return done(rest::to_response(not_found(id)));
          wh::list_deliveries(*p, workspace, id, limit,
                              [done](wh::db_result<std::vector<wh::delivery_log_row>> log) {
                                if (!log.ok())
                                  return done(rest::to_response(database_failure(*log.error)));
                                json::array items;
                                for (const auto& row : *log.value)
                                  items.push_back(delivery_json(row));
                                done(json_response(200, items));
                              });
        });
  }
  if (m == "GET") return wh::find_webhook(pool, workspace, id, answer_row(done, id, 200));
  if (m == "PATCH" || m == "PUT") {
    auto body = body_object(req.body);
    if (auto* e = std::get_if<rest_error>(&body)) return done(rest::to_response(*e));
    auto input = read_webhook_update(std::get<json::object>(body));
    if (auto* e = std::get_if<webhook_input_error>(&input))
      return done(rest::to_response(input_failure(*e)));
    return wh::update_webhook(pool, workspace, id, std::move(std::get<wh::webhook_update>(input)),
                              answer_row(done, id, 200));
  }
  if (m == "DELETE")
    return wh::soft_delete_webhook(pool, workspace, id, answer_row(done, id, 200, true));
  done(rest::to_response(no_route(req)));
}

}  // namespace

bool is_webhook_rest_path(std::string_view path) {
  return segments_after_prefix(path).has_value();
}

const char* webhook_route_label(std::string_view path) {
  auto segments = segments_after_prefix(path);
  bool alias = path.substr(0, metadata_prefix.size()) != metadata_prefix;
  if (!segments || segments->empty()) return alias ? "/rest/webhooks" : "/rest/metadata/webhooks";
  if (segments->size() == 1) return alias ? "/rest/webhooks/{id}" : "/rest/metadata/webhooks/{id}";
  return alias ? "/rest/webhooks/{id}/deliveries" : "/rest/metadata/webhooks/{id}/deliveries";
}

void serve_webhook_rest(const webhook_rest_services& services, http::request req,
                        http::responder done) {
  // The same guards, in the same order, as the records REST API (api/rest/rest_endpoint.cpp).
  auto caller = rest::rest_caller(req, *services.tokens);
  if (auto* refused = std::get_if<rest_error>(&caller)) return done(rest::to_response(*refused));
  const auto& who = std::get<actors::caller>(caller);
  // The workspace is known here: what is left to refuse is the caller's right to manage.
  if (webhook_permission(who)) {
    return done(rest::to_response(
        forbidden("ForbiddenException", "Entity performing the request does not have permission")));
  }
  if (!services.pool) return done(http::error_response(503, "The REST API has no database pool"));
  auto segments = segments_after_prefix(req.path);
  if (!segments) return done(rest::to_response(no_route(req)));
  route(services, req, *segments, *who.workspace_id, done);
}

}  // namespace cohort::api::webhooks

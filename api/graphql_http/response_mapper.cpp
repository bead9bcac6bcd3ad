// Status codes follow graphql-yoga: errors it marks as "spec" (parse, validation) are 400 only for
// application/graphql-response+json; its operation check (before validation) is 400 and 405
// whatever the media type; variable coercion errors carry HTTP status 400 in both.
#include "api/graphql_http/response_mapper.hpp"

#include <algorithm>
#include <boost/json.hpp>

namespace cohort::api::graphql_http {

namespace json = boost::json;
using graphql::service::run_result;
using graphql::service::run_status;

namespace {

std::string single_error(std::string_view message) {
  json::object error{{"message", message}};
  return json::serialize(json::object{{"errors", json::array{std::move(error)}}});
}

// graphql-js's `Variable "$x" got invalid value <inspect>[ at "x.path"]; <inner>`: the inner
// message, found past the first "; " outside a quoted string of the inspected value.
std::string inner_message(std::string_view message) {
  constexpr std::string_view prefix = "Variable \"$";
  constexpr std::string_view marker = "got invalid value ";
  if (!message.starts_with(prefix)) return std::string(message);
  auto start = message.find(marker);
  if (start == std::string_view::npos) return std::string(message);
  bool quoted = false;
  for (std::size_t i = start + marker.size(); i + 1 < message.size(); ++i) {
    char c = message[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';' && message[i + 1] == ' ') {
      return std::string(message.substr(i + 2));
    }
  }
  return std::string(message);
}

}  // namespace

std::string twenty_variable_errors(std::string_view body, const http_options& options) {
  json::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) return std::string(body);
  auto* errors = parsed.as_object().if_contains("errors");
  if (errors == nullptr || !errors->is_array()) return std::string(body);
  json::array rewritten;
  for (const auto& e : errors->as_array()) {
    const auto* message = e.is_object() ? e.as_object().if_contains("message") : nullptr;
    std::string text = message && message->is_string() ? inner_message(message->as_string())
                                                       : std::string("Unknown error");
    const auto& known = options.validation_error_messages;
    bool validation = std::find(known.begin(), known.end(), text) != known.end();
    json::object http_status{{"status", 400}};
    json::object extensions;
    // Key order as Twenty's hook leaves it: a ValidationError's own code comes first.
    if (validation) {
      extensions["code"] = "GRAPHQL_VALIDATION_FAILED";
      extensions["http"] = std::move(http_status);
    } else {
      extensions["http"] = std::move(http_status);
      extensions["code"] = "BAD_USER_INPUT";
    }
    extensions["userFriendlyMessage"] = "An error occurred.";
    rewritten.push_back(json::object{{"message", text}, {"extensions", std::move(extensions)}});
  }
  return json::serialize(json::object{{"errors", std::move(rewritten)}});
}

mapped_result map_result(run_result result, response_media media, const http_options& options) {
  mapped_result out;
  unsigned spec_status = media == response_media::json ? 200 : 400;
  switch (result.status) {
    case run_status::executed:
      out.status = 200;
      out.body = std::move(result.body);
      break;
    case run_status::parse_failed:
    case run_status::validation_failed:
      out.status = spec_status;
      out.body = std::move(result.body);
      break;
    case run_status::operation_unresolved:
      out.status = 400;
      out.body = single_error("Could not determine what operation to execute.");
      break;
    case run_status::operation_not_allowed:
      out.status = 405;
      out.body =
          single_error(result.operation == graphql::language::operation_type::mutation
                           ? "Can only perform a mutation operation from a POST request."
                           : "Can only perform a " +
                                 std::string(graphql::language::to_string(result.operation.value_or(
                                     graphql::language::operation_type::query))) +
                                 " operation from a POST request.");
      out.headers.emplace_back("Allow", "POST");
      break;
    case run_status::variables_invalid:
      out.status = 400;
      out.body = options.twenty_variable_errors ? twenty_variable_errors(result.body, options)
                                                : std::move(result.body);
      break;
  }
  return out;
}

http::response error_response(response_media media, unsigned status, std::string_view message,
                              const json::object& extensions) {
  json::object error{{"message", message}};
  if (!extensions.empty()) error["extensions"] = extensions;
  http::response res;
  res.status = status;
  res.content_type = content_type_of(media);
  res.body = json::serialize(json::object{{"errors", json::array{std::move(error)}}});
  return res;
}

http::response to_response(run_result result, response_media media, const http_options& options) {
  auto mapped = map_result(std::move(result), media, options);
  http::response res;
  res.status = mapped.status;
  res.content_type = content_type_of(media);
  res.body = std::move(mapped.body);
  res.headers = std::move(mapped.headers);
  return res;
}

}  // namespace cohort::api::graphql_http

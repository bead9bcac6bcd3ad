// graphql-yoga's checks, in its order: method, content type, then the parameters (unexpected
// keys, query, variables, extensions). A malformed JSON body never reaches Yoga in Twenty: Express
// refuses it first with NestJS's error shape, which is what we answer too.
#include "api/graphql_http/request_parser.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/graphql_http/json_body_error.hpp"
#include "graphql/service/utf8_text.hpp"
#include "graphql/utilities/js_values.hpp"

namespace cohort::api::graphql_http {

namespace json = boost::json;
using graphql::service::graphql_params;

namespace {

const http::header_list& allow_get_post() {
  static const http::header_list headers = {{"Allow", "GET, POST"}};
  return headers;
}

// JavaScript's typeof, with "null" and "array" told apart (graphql-yoga's extendedTypeof).
std::string_view extended_typeof(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
    case json::kind::string:
      return "string";
    case json::kind::bool_:
      return "boolean";
    default:
      return "number";
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding ('+' is a space); bad escapes stay as they are.
std::string form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// The first value of each GraphQL parameter in a query string (URLSearchParams.get).
struct url_params {
  std::optional<std::string> query, operation_name, variables, extensions;
};

url_params parse_url_params(std::string_view text) {
  url_params out;
  while (!text.empty()) {
    auto amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    auto eq = pair.find('=');
    std::string key = form_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "" : form_decode(pair.substr(eq + 1));
    // URLSearchParams decodes percent-escapes as UTF-8 with replacement.
    if (auto repaired = graphql::service::repair_utf8(value)) value = std::move(*repaired);
    std::optional<std::string>* slot = key == "query"           ? &out.query
                                       : key == "operationName" ? &out.operation_name
                                       : key == "variables"     ? &out.variables
                                       : key == "extensions"    ? &out.extensions
                                                                : nullptr;
    if (slot != nullptr && !*slot) *slot = std::move(value);
  }
  return out;
}

json::parse_options lenient_depth() {
  json::parse_options o;
  o.max_depth = 4096;  // JSON.parse has no depth limit; the body size limit bounds it
  return o;
}

using params_outcome = std::variant<graphql_params, http::response>;

// `variables` or `extensions`: absent or null is empty, an object is taken, anything else is
// refused.
std::optional<http::response> take_object(response_media media, const json::value* v,
                                          std::string_view name, json::object& out) {
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_object()) {
    return request_error(media, 400,
                         "Expected \"" + std::string(name) +
                             "\" param to be empty or an object, but given " +
                             std::string(extended_typeof(*v)) + ".",
                         false, allow_get_post());
  }
  out = v->as_object();
  return std::nullopt;
}

params_outcome params_from_object(response_media media, const json::value& body) {
  if (!body.is_object()) {
    return request_error(
        media, 400,
        "Expected params to be an object but given " + std::string(extended_typeof(body)) + ".",
        false, allow_get_post());
  }
  const auto& obj = body.as_object();
  for (const auto& [key, value] : obj) {
    if (value.is_null()) continue;
    if (key != "query" && key != "variables" && key != "operationName" && key != "extensions") {
      return request_error(
          media, 400, "Unexpected parameter \"" + std::string(key) + "\" in the request body.");
    }
  }
  graphql_params params;
  const auto* query = obj.if_contains("query");
  if (query == nullptr || query->is_null()) {
    return request_error(media, 400, "Must provide query string.", true, allow_get_post());
  }
  if (!query->is_string()) {
    return request_error(media, 400,
                         "Expected \"query\" param to be a string, but given " +
                             std::string(extended_typeof(*query)) + ".",
                         false, allow_get_post());
  }
  params.query = query->as_string();
  if (auto refused =
          take_object(media, obj.if_contains("variables"), "variables", params.variables))
    return std::move(*refused);
  if (auto refused =
          take_object(media, obj.if_contains("extensions"), "extensions", params.extensions))
    return std::move(*refused);
  if (const auto* name = obj.if_contains("operationName"); name && !name->is_null()) {
    // graphql-yoga looks a non-string name up and finds no operation.
    if (!name->is_string()) {
      return request_error(media, 400, "Could not determine what operation to execute.");
    }
    params.operation_name = std::string(name->as_string());
  }
  return params;
}

params_outcome params_from_url(response_media media, const url_params& url) {
  if (!url.query || url.query->empty()) {
    return request_error(media, 400, "Must provide query string.", true, allow_get_post());
  }
  graphql_params params;
  params.query = *url.query;
  if (url.operation_name && !url.operation_name->empty())
    params.operation_name = *url.operation_name;
  auto decode = [&](const std::optional<std::string>& text, std::string_view name,
                    std::string_view invalid, json::object& out) -> std::optional<http::response> {
    if (!text || text->empty()) return std::nullopt;
    json::error_code ec;
    json::value v = json::parse(*text, ec, {}, lenient_depth());
    if (ec) return request_error(media, 400, invalid);
    return take_object(media, &v, name, out);
  };
  if (auto refused =
          decode(url.variables, "variables", "Variables are invalid JSON.", params.variables))
    return std::move(*refused);
  if (auto refused =
          decode(url.extensions, "extensions", "Extensions are invalid JSON.", params.extensions))
    return std::move(*refused);
  return params;
}

}  // namespace

http::response request_error(response_media media, unsigned status, std::string_view message,
                             bool spec, http::header_list headers) {
  http::response res;
  res.status = spec && media == response_media::json ? 200 : status;
  res.content_type = content_type_of(media);
  res.body = "{\"errors\":[{\"message\":" + graphql::utilities::json_stringify(message) + "}]}";
  res.headers = std::move(headers);
  return res;
}

parse_outcome parse_request(const http::request& request, const http_options& options) {
  bool get = request.method == "GET";
  if (!get && request.method != "POST") {
    return request_error(response_media::json, 405, "GraphQL only supports GET and POST requests.",
                         false, allow_get_post());
  }
  body_kind kind = get ? body_kind::form : classify_body(request.header("content-type"));
  if (kind == body_kind::unsupported) {
    http::response res;
    res.status = 415;
    res.content_type.clear();
    return res;
  }
  auto media = negotiate(request.header("accept"));
  if (!media) {
    http::response res;
    res.status = 406;
    res.content_type.clear();
    return res;
  }

  graphql_request out;
  out.media = *media;
  out.from_get = get;
  auto take = [&](params_outcome params) -> std::optional<http::response> {
    if (auto* refused = std::get_if<http::response>(&params)) return std::move(*refused);
    out.operations.push_back(std::get<graphql_params>(std::move(params)));
    return std::nullopt;
  };

  if (get || kind == body_kind::form) {
    auto refused =
        take(params_from_url(*media, parse_url_params(get ? request.query : request.body)));
    if (refused) return std::move(*refused);
    return out;
  }
  // Node decodes the body as UTF-8 with replacement before anything reads it.
  auto repaired = graphql::service::repair_utf8(request.body);
  const std::string& body_text = repaired ? *repaired : request.body;
  if (kind == body_kind::graphql) {
    graphql_params params;
    params.query = body_text;
    out.operations.push_back(std::move(params));
    return out;
  }

  if (body_text.empty()) return request_error(*media, 400, "POST body sent invalid JSON.");
  if (auto message = json_body_error(body_text)) return http::error_response(400, *message);
  json::error_code ec;
  json::value body = json::parse(body_text, ec, {}, lenient_depth());
  if (ec) return http::error_response(400, "Request body is not valid JSON: " + ec.message());

  if (body.is_array()) {
    const auto& items = body.as_array();
    if (!options.batching) return request_error(*media, 400, "Batching is not supported.");
    if (items.empty()) return request_error(*media, 400, "Received an empty list in the batch.");
    if (items.size() > options.max_batch) {
      return request_error(*media, 413,
                           "Batching is limited to " + std::to_string(options.max_batch) +
                               " operations per request.");
    }
    out.batch = true;
    for (const auto& item : items) {
      if (auto refused = take(params_from_object(*media, item))) return std::move(*refused);
    }
    return out;
  }
  if (auto refused = take(params_from_object(*media, body))) return std::move(*refused);
  return out;
}

}  // namespace cohort::api::graphql_http

// Fuzz target: api/graphql_http's request parsing on any body (as a JSON POST, a form POST and a
// GET query string), and the JSON error scanner against Boost.JSON: a text Boost.JSON accepts
// must be one the scanner finds no error in (the scanner words JSON.parse's errors; Boost.JSON is
// stricter, never looser: it also refuses invalid UTF-8 and numbers out of range).
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "api/graphql_http/json_body_error.hpp"
#include "api/graphql_http/request_parser.hpp"

namespace gh = cohort::api::graphql_http;
namespace http = cohort::api::http;
namespace json = boost::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);

  json::error_code ec;
  json::parse_options deep;
  deep.max_depth = 100000;
  (void)json::parse(text, ec, {}, deep);
  auto scanned = gh::json_parse_error(text);
  if (!ec && scanned) {
    std::fprintf(stderr, "Boost.JSON accepts what the scanner refuses (%s):\n%s\n",
                 scanned->c_str(), text.c_str());
    std::abort();
  }
  (void)gh::json_body_error(text);

  gh::http_options options;
  options.batching = size % 2 == 0;
  for (const char* content_type : {"application/json", "application/x-www-form-urlencoded"}) {
    http::request req;
    req.method = "POST";
    req.target = req.path = "/graphql";
    req.headers.emplace_back("content-type", content_type);
    req.headers.emplace_back("accept", "application/graphql-response+json, application/json");
    req.body = text;
    auto outcome = gh::parse_request(req, options);
    if (auto* res = std::get_if<http::response>(&outcome)) {
      if (res->status < 200 || res->status >= 500) std::abort();
      json::error_code body_ec;
      if (!res->body.empty()) (void)json::parse(res->body, body_ec);
      if (body_ec) {
        std::fprintf(stderr, "response body is not JSON: %s\n", res->body.c_str());
        std::abort();
      }
    }
  }
  http::request get;
  get.method = "GET";
  get.path = "/graphql";
  get.query = text;
  get.target = "/graphql?" + text;
  (void)gh::parse_request(get, options);
  return 0;
}

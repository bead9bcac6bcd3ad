#include "api/rest/rest_body.hpp"

#include <boost/json.hpp>

namespace cohort::api::rest {

namespace json = boost::json;

std::variant<json::object, rest_error> body_object(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec) return bad_request("The request body is not valid JSON: " + ec.message());
  if (!v.is_object()) return bad_request("The request body must be a JSON object");
  return std::move(v.as_object());
}

http::response json_response(unsigned status, const json::value& body) {
  http::response res;
  res.status = status;
  res.body = json::serialize(body);
  return res;
}

}  // namespace cohort::api::rest

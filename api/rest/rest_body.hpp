// The JSON in and out of the /rest/metadata handlers (objects and fields, views, API keys,
// webhooks): a request body read as one JSON object (an empty body is {}), and a JSON answer.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string_view>
#include <variant>

#include "api/http/message.hpp"
#include "api/rest/rest_error.hpp"

namespace cohort::api::rest {

// 400 "The request body is not valid JSON: ..." / "The request body must be a JSON object".
std::variant<boost::json::object, rest_error> body_object(std::string_view body);

http::response json_response(unsigned status, const boost::json::value& body);

}  // namespace cohort::api::rest

// What a REST call answers when it fails, in the shape Twenty's REST exception filter writes:
// {"statusCode":400,"error":"BadRequestException","messages":["..."]}. Every mistake a client can
// make in a URL or body is such a value; nothing in api/rest throws for them.
#pragma once

#include <string>
#include <vector>

#include "api/http/message.hpp"

namespace cohort::api::rest {

struct rest_error {
  unsigned status = 400;
  std::string error = "BadRequestException";  // the exception name Twenty puts in `error`
  std::vector<std::string> messages;

  bool operator==(const rest_error&) const = default;
};

// 400 BadRequestException with one message.
rest_error bad_request(std::string message);

http::response to_response(const rest_error& error);

}  // namespace cohort::api::rest

#include "api/rest/rest_error.hpp"

#include <boost/json.hpp>

namespace cohort::api::rest {

rest_error bad_request(std::string message) {
  return rest_error{
      .status = 400, .error = "BadRequestException", .messages = {std::move(message)}};
}

http::response to_response(const rest_error& error) {
  boost::json::array messages;
  for (const auto& m : error.messages) messages.emplace_back(m);
  http::response res;
  res.status = error.status;
  res.body = boost::json::serialize(boost::json::object{
      {"statusCode", error.status}, {"error", error.error}, {"messages", std::move(messages)}});
  return res;
}

}  // namespace cohort::api::rest

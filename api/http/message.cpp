#include "api/http/message.hpp"

#include <boost/beast/http/status.hpp>
#include <boost/json.hpp>

namespace cohort::api::http {

namespace {

bool iequals_lower(std::string_view lower, std::string_view name) {
  if (lower.size() != name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (lower[i] != c) return false;
  }
  return true;
}

}  // namespace

const std::string* request::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals_lower(key, name)) return &value;
  return nullptr;
}

std::string_view reason_phrase(unsigned status) {
  auto text = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  return {text.data(), text.size()};
}

response error_response(unsigned status, std::string_view message) {
  boost::json::object body;
  body["statusCode"] = status;
  body["message"] = message;
  body["error"] = reason_phrase(status);
  response res;
  res.status = status;
  res.body = boost::json::serialize(body);
  return res;
}

}  // namespace cohort::api::http

#include "api/graphql_http/media.hpp"

#include <algorithm>
#include <cctype>

namespace cohort::api::graphql_http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The media type of one header entry, lower-cased, without parameters.
std::string essence(std::string_view entry) {
  auto semi = entry.find(';');
  if (semi != std::string_view::npos) entry = entry.substr(0, semi);
  std::string out(trim(entry));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<response_media> negotiate(const std::string* accept) {
  if (accept == nullptr || trim(*accept).empty()) return response_media::json;
  std::string_view rest = *accept;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string type = essence(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (type == "application/graphql-response+json") return response_media::graphql_response_json;
    if (type == "application/json" || type == "application/*" || type == "*/*") {
      return response_media::json;
    }
  }
  return std::nullopt;
}

const std::string& content_type_of(response_media media) {
  static const std::string json = "application/json; charset=utf-8";
  static const std::string graphql_response = "application/graphql-response+json; charset=utf-8";
  return media == response_media::json ? json : graphql_response;
}

body_kind classify_body(const std::string* content_type) {
  if (content_type == nullptr) return body_kind::unsupported;
  std::string type = essence(*content_type);
  if (type == "application/json" || type == "application/graphql-response+json") {
    return body_kind::json;
  }
  if (type == "application/graphql") return body_kind::graphql;
  if (type == "application/x-www-form-urlencoded") return body_kind::form;
  return body_kind::unsupported;
}

}  // namespace cohort::api::graphql_http

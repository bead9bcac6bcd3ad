// Media types of GraphQL over HTTP: which response type an Accept header asks for (as
// graphql-yoga chooses it: the first acceptable entry in the header's order, q ignored), and
// what kind of body a request's Content-Type announces.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::graphql_http {

enum class response_media {
  json,                   // application/json: the legacy mapping, request errors mostly 200
  graphql_response_json,  // application/graphql-response+json: 4xx for request errors
};

// nullptr (no Accept header) and */* choose application/json; nullopt when nothing listed is
// acceptable (answer 406).
std::optional<response_media> negotiate(const std::string* accept);

// "application/json; charset=utf-8" or "application/graphql-response+json; charset=utf-8".
const std::string& content_type_of(response_media media);

enum class body_kind {
  json,         // application/json (any charset parameter)
  graphql,      // application/graphql: the body is the query text
  form,         // application/x-www-form-urlencoded: query parameters in the body
  unsupported,  // none or anything else (answer 415)
};

body_kind classify_body(const std::string* content_type);

}  // namespace cohort::api::graphql_http

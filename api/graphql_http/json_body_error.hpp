// The message Twenty's HTTP stack gives a malformed JSON request body: Express's body-parser in
// strict mode (only an object or array may start the body) over Node 22's JSON.parse, whose
// messages name the offending token with some context or its position ("Unexpected token 't',
// "this is not json" is not valid JSON", "Expected ',' or '}' after property value in JSON at
// position 7 (line 1 column 8)"). Positions count bytes (V8 counts UTF-16 units: equal for ASCII).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::graphql_http {

// nullopt when the text is valid strict JSON (top level an object or an array).
std::optional<std::string> json_body_error(std::string_view body);

// JSON.parse's message alone (no strict-mode rule); nullopt when the text parses.
std::optional<std::string> json_parse_error(std::string_view text);

}  // namespace cohort::api::graphql_http

// What the request gate needs to know of a GraphQL request without running it: the response
// keys of its root fields (a throttled request answers each with null, as Twenty does) and the
// e-mail of a sign-in attempt (failed sign-ins are throttled per e-mail). The document is parsed
// only when asked; a body that does not parse yields nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::api::rate_limit {

// The root fields' response keys of the operation the body selects (operationName, or the only
// one); empty when the body or the document does not parse, or fragments hide them.
std::vector<std::string> root_response_keys(std::string_view body);

// The lower-cased `email` argument of a signIn or getLoginTokenFromCredentials root field
// (literal or variable); nullopt for any other request. Cheap for requests naming neither.
std::optional<std::string> sign_in_email(std::string_view body);

}  // namespace cohort::api::rate_limit

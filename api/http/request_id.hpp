// Request ids: taken from the client's X-Request-Id when it is safe to log and echo, else made
// here (a random UUID v4), so one id follows a request through logs, actors and the response.
#pragma once

#include <string>
#include <string_view>

namespace cohort::api::http {

// 1..128 characters of [A-Za-z0-9-_.:@/+=]: nothing that could forge a log line or a header.
bool is_sane_request_id(std::string_view id);

// A random UUID v4 in lower-case text.
std::string generate_request_id();

}  // namespace cohort::api::http

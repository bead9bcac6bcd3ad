// Internal: the status line and header block of an answer, written straight into one string
// (cheaper than Beast's field serializer, and the place where handler-supplied header names and
// values are checked so that a CR/LF in them cannot split the response).
#pragma once

#include <string>
#include <string_view>

namespace cohort::api::http::detail {

// "HTTP/1.1 404 Not Found\r\n"
void append_status_line(std::string& out, unsigned status);

// "Name: value\r\n"; false (and nothing appended) when the name is not an RFC 9110 token or the
// value holds CR, LF or NUL.
bool append_field(std::string& out, std::string_view name, std::string_view value);

// The Date header value, formatted once per second per thread.
std::string_view http_date();

}  // namespace cohort::api::http::detail

// One access-log line per answered request, through spdlog: text for people, JSON (one object
// per line) when LOG_FORMAT=json.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "config/settings.hpp"

namespace cohort::api::http {

struct access_entry {
  std::string_view method;
  std::string_view path;
  unsigned status = 0;
  std::size_t bytes = 0;  // response bytes written (header and body)
  std::chrono::microseconds duration{0};
  std::string_view request_id;
  std::string_view remote_address;
};

// `GET /rest/people 200 1234B 567us id=<request id> remote=127.0.0.1`, or
// {"msg":"http request","method":"GET",...,"duration_us":567,...}.
std::string format_access_line(const access_entry& entry, config::log_format format);

// Writes the line at info level to spdlog's default logger.
void log_access(const access_entry& entry, config::log_format format);

}  // namespace cohort::api::http

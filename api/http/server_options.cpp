#include "api/http/server_options.hpp"

namespace cohort::api::http {

server_options from_settings(const config::settings& settings) {
  server_options options;
  options.port = settings.node_port;
  options.io_threads = settings.http_threads > 0 ? static_cast<unsigned>(settings.http_threads) : 1;
  options.max_header_bytes = settings.http_max_header_bytes;
  options.max_body_bytes = settings.http_max_body_bytes;
  options.read_timeout = settings.http_read_timeout;
  options.idle_timeout = settings.http_idle_timeout;
  options.frontend_url = settings.frontend_url;
  options.log_format = settings.log_format;
  return options;
}

}  // namespace cohort::api::http

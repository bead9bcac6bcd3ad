// How the HTTP server listens, limits and logs. Plain values: the runtime fills them from
// config::settings (see from_settings) and tests set them directly.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/settings.hpp"

namespace cohort::api::http {

struct server_options {
  std::string address = "0.0.0.0";
  std::uint16_t port = 3000;  // 0: the system picks one (see server::port())
  unsigned io_threads = 1;    // threads running the server's io_context

  std::size_t max_header_bytes = 16 * 1024;        // request line + fields; above: 431
  std::size_t max_body_bytes = 10 * 1024 * 1024;   // above: 413
  std::chrono::milliseconds read_timeout{30'000};  // first byte to last byte of a request: 408
  std::chrono::milliseconds idle_timeout{5'000};   // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{30'000};

  // Origin browsers may call from (CORS). Empty: any origin ("*"), like Twenty.
  std::string frontend_url;
  int cors_max_age_seconds = 7200;

  bool access_log = true;  // one spdlog line per request
  config::log_format log_format = config::log_format::text;

  // Path the server itself answers with the Prometheus text of its metrics registry; empty: none.
  std::string metrics_path = "/metrics";
};

server_options from_settings(const config::settings& settings);

}  // namespace cohort::api::http

// The http(s) URLs outbound requests go to (webhook targets): parsed into scheme, host, port and
// request target, and written back in the normal form a WHATWG URL parser gives them (lower-case
// scheme and host, default port dropped, "/" for an empty path), as Twenty stores targetUrl.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::http {

struct outbound_url {
  std::string scheme;    // "http" or "https" (others are parsed but not sendable)
  std::string userinfo;  // "user:pass" or empty
  std::string host;      // lower case; an IPv6 literal without brackets
  bool ipv6_literal = false;
  std::uint16_t port = 0;  // the scheme's default when the URL has none
  bool explicit_port = false;
  std::string target;    // path and query, at least "/"
  std::string fragment;  // without '#'

  bool sendable() const { return scheme == "http" || scheme == "https"; }
  // The Host header: host, bracketed when IPv6, with the port when not the default.
  std::string host_header() const;
  std::string normalized() const;
};

// nullopt when the text is not an absolute URL with a host (for http and https).
std::optional<outbound_url> parse_outbound_url(std::string_view text);

}  // namespace cohort::api::http

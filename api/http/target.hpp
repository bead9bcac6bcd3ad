// Splitting a request target into its decoded path and raw query (RFC 9112 §3.2): origin-form
// "/a%20b?x=1", absolute-form "http://host/a?x=1" (proxies), and "*" for OPTIONS.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::http {

struct split_target {
  std::string path;   // percent-decoded; '+' stays '+'
  std::string query;  // raw, without '?'
};

// nullopt when the target is not one of the forms above or decodes to a NUL byte.
std::optional<split_target> parse_target(std::string_view target);

// Percent-decoding; malformed escapes are kept as they are. nullopt if the result holds a NUL.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace cohort::api::http

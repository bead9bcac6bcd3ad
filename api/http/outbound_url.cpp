#include "api/http/outbound_url.hpp"

#include <cctype>
#include <charconv>

namespace cohort::api::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::uint16_t default_port(std::string_view scheme) {
  if (scheme == "http") return 80;
  if (scheme == "https") return 443;
  return 0;
}

// Percent-encodes what a URL parser encodes in a path or query: controls, space, non-ASCII and
// the few characters that cannot appear raw.
std::string encode_target(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool valid_host_char(unsigned char c) {
  // WHATWG's forbidden host code points, plus controls and non-ASCII (no IDNA here).
  if (c <= 0x20 || c >= 0x7f) return false;
  switch (c) {
    case '#':
    case '%':
    case '/':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '^':
    case '|':
      return false;
    default:
      return true;
  }
}

}  // namespace

std::string outbound_url::host_header() const {
  std::string out = ipv6_literal ? "[" + host + "]" : host;
  if (explicit_port) {
    out += ':';
    out += std::to_string(port);
  }
  return out;
}

std::string outbound_url::normalized() const {
  std::string out = scheme + "://";
  if (!userinfo.empty()) out += userinfo + "@";
  out += host_header() + target;
  if (!fragment.empty()) out += "#" + fragment;
  return out;
}

std::optional<outbound_url> parse_outbound_url(std::string_view text) {
  // Leading and trailing C0 controls and spaces are ignored, as by the URL standard.
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view scheme = text.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(scheme[0]))) return std::nullopt;
  for (char c : scheme) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return std::nullopt;
  }
  outbound_url url;
  url.scheme = lower(scheme);
  std::string_view rest = text.substr(colon + 1);
  // Special schemes accept any number of slashes (and backslashes) before the authority.
  while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
  auto authority_end = rest.find_first_of("/?#\\");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view tail =
      authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    url.userinfo = std::string(authority.substr(0, at));
    authority = authority.substr(at + 1);
  }
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port = after.substr(1);
    }
    url.ipv6_literal = true;
    for (char c : host) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.')
        return std::nullopt;
    }
  } else if (auto c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  if (host.empty()) return std::nullopt;
  if (!url.ipv6_literal) {
    for (unsigned char c : host) {
      if (!valid_host_char(c)) return std::nullopt;
    }
  }
  url.host = lower(host);
  url.port = default_port(url.scheme);
  if (!port.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value > 65535) return std::nullopt;
    if (value != url.port) {
      url.port = static_cast<std::uint16_t>(value);
      url.explicit_port = true;
    }
  }
  std::string_view target = tail;
  if (auto hash = tail.find('#'); hash != std::string_view::npos) {
    url.fragment = encode_target(tail.substr(hash + 1));
    target = tail.substr(0, hash);
  }
  std::string path(target);
  // Special schemes read a backslash in the path (not the query) as a slash.
  for (std::size_t i = 0; i < path.size() && path[i] != '?'; ++i) {
    if (path[i] == '\\') path[i] = '/';
  }
  if (path.empty() || path.front() == '?') path.insert(path.begin(), '/');
  url.target = encode_target(path);
  return url;
}

}  // namespace cohort::api::http

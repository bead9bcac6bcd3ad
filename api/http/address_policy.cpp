#include "api/http/address_policy.hpp"

#include <arpa/inet.h>

namespace cohort::api::http {

namespace {

address_kind classify_v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  if (a == 0) return address_kind::unspecified;
  if (a == 127) return address_kind::loopback;
  if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168))
    return address_kind::private_network;
  if (a == 169 && b == 254) return address_kind::link_local;
  if (a == 100 && b == 100 && c == 100 && d == 200) return address_kind::cloud_metadata;
  if (a == 100 && (b & 0xc0) == 64) return address_kind::shared_cgnat;
  if (a >= 224 && a <= 239) return address_kind::multicast;
  if (a >= 240) return address_kind::reserved;  // includes 255.255.255.255
  if ((a == 192 && b == 0 && (c == 0 || c == 2)) || (a == 198 && (b & 0xfe) == 18) ||
      (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113))
    return address_kind::reserved;
  return address_kind::public_internet;
}

bool all_zero(const std::array<std::uint8_t, 16>& b, int from, int to) {
  for (int i = from; i < to; ++i) {
    if (b[i] != 0) return false;
  }
  return true;
}

address_kind classify_embedded(const std::array<std::uint8_t, 16>& b, int at) {
  return classify_v4(b[at], b[at + 1], b[at + 2], b[at + 3]);
}

address_kind classify_v6(const std::array<std::uint8_t, 16>& b) {
  if (all_zero(b, 0, 16)) return address_kind::unspecified;
  if (all_zero(b, 0, 15) && b[15] == 1) return address_kind::loopback;
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (SIIT translated).
  if (all_zero(b, 0, 10) && b[10] == 0xff && b[11] == 0xff) return classify_embedded(b, 12);
  if (all_zero(b, 0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
    return classify_embedded(b, 12);
  // ::a.b.c.d (deprecated IPv4-compatible); Linux routes ::127.0.0.1 nowhere, but judge it by
  // the IPv4 address as a client library might translate it.
  if (all_zero(b, 0, 12)) return classify_embedded(b, 12);
  // 64:ff9b::/96, the well-known NAT64 prefix: a gateway connects to the embedded address.
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && all_zero(b, 4, 12))
    return classify_embedded(b, 12);
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
    return address_kind::private_network;  // 64:ff9b:1::/48, local-use NAT64
  if (b[0] == 0x20 && b[1] == 0x02) return classify_embedded(b, 2);  // 6to4
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
    return address_kind::reserved;  // Teredo: the embedded address is obfuscated
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
    return address_kind::reserved;                                       // documentation
  if (b[0] == 0x01 && all_zero(b, 1, 8)) return address_kind::reserved;  // 100::/64 discard
  if (b[0] == 0xfd && b[1] == 0x00 && b[2] == 0x0e && b[3] == 0xc2 && all_zero(b, 4, 14) &&
      b[14] == 0x02 && b[15] == 0x54)
    return address_kind::cloud_metadata;  // fd00:ec2::254
  if ((b[0] & 0xfe) == 0xfc) return address_kind::unique_local;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return address_kind::link_local;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return address_kind::private_network;  // site-local
  if (b[0] == 0xff) return address_kind::multicast;
  return address_kind::public_internet;
}

}  // namespace

std::optional<ip_address> parse_ip_address(std::string_view text) {
  std::string s(text);
  ip_address out;
  if (inet_pton(AF_INET, s.c_str(), out.bytes.data()) == 1) return out;
  out.v6 = true;
  if (inet_pton(AF_INET6, s.c_str(), out.bytes.data()) == 1) return out;
  return std::nullopt;
}

std::string to_string(const ip_address& address) {
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(address.v6 ? AF_INET6 : AF_INET, address.bytes.data(), buf, sizeof buf);
  return buf;
}

address_kind classify(const ip_address& address) {
  const auto& b = address.bytes;
  return address.v6 ? classify_v6(b) : classify_v4(b[0], b[1], b[2], b[3]);
}

bool address_allowed(address_kind kind, bool allow_private) {
  switch (kind) {
    case address_kind::public_internet:
      return true;
    case address_kind::private_network:
    case address_kind::loopback:
    case address_kind::unique_local:
    case address_kind::shared_cgnat:
      return allow_private;
    default:
      return false;
  }
}

std::string_view describe(address_kind kind) {
  switch (kind) {
    case address_kind::public_internet:
      return "a public address";
    case address_kind::private_network:
      return "a private network address";
    case address_kind::loopback:
      return "a loopback address";
    case address_kind::unique_local:
      return "a unique-local address";
    case address_kind::shared_cgnat:
      return "a shared (CGNAT) address";
    case address_kind::link_local:
      return "a link-local address";
    case address_kind::cloud_metadata:
      return "a cloud metadata address";
    case address_kind::multicast:
      return "a multicast address";
    case address_kind::unspecified:
      return "an unspecified address";
    case address_kind::reserved:
      return "a reserved address";
  }
  return "an unknown address";
}

}  // namespace cohort::api::http

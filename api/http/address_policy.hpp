// Which network addresses an outbound request (a webhook delivery) may connect to: the SSRF guard.
// Every address a host name resolves to is classified; IPv4 addresses wrapped in IPv6 (mapped
// ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4
// address inside (GHSA-wm7q-rvq3-x8q9, GHSA-vrcj-hv2q-c58m). Pure: no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::http {

enum class address_kind {
  public_internet,
  private_network,  // 10/8, 172.16/12, 192.168/16, fec0::/10, 64:ff9b:1::/48
  loopback,         // 127/8, ::1
  unique_local,     // fc00::/7
  shared_cgnat,     // 100.64/10
  link_local,       // 169.254/16, fe80::/10 (cloud metadata endpoints live here)
  cloud_metadata,   // fd00:ec2::254 (AWS IPv6), 100.100.100.200 (Alibaba)
  multicast,        // 224/4, ff00::/8
  unspecified,      // 0/8, ::
  reserved,         // documentation, benchmarking, 240/4, broadcast, Teredo, discard-only
};

struct ip_address {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 uses the first 4
};

// Parses a numeric IPv4 (dotted quad) or IPv6 address (without brackets or zone).
std::optional<ip_address> parse_ip_address(std::string_view text);
std::string to_string(const ip_address& address);

address_kind classify(const ip_address& address);

// allow_private (ALLOW_PRIVATE_NETWORK_TARGETS) admits private, loopback, unique-local and CGNAT
// targets; link-local and metadata addresses, multicast, unspecified and reserved ones never are.
bool address_allowed(address_kind kind, bool allow_private);

// "a private network address", "a link-local address", ... for refusal messages.
std::string_view describe(address_kind kind);

}  // namespace cohort::api::http

// The SSRF guard's classification of resolved addresses, IPv4 wrapped in IPv6 included
// (GHSA-wm7q-rvq3-x8q9, GHSA-vrcj-hv2q-c58m), and what ALLOW_PRIVATE_NETWORK_TARGETS admits.
#include <gtest/gtest.h>

#include "api/http/address_policy.hpp"

using namespace cohort::api::http;

namespace {

address_kind kind_of(const char* text) {
  auto address = parse_ip_address(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address ? classify(*address) : address_kind::reserved;
}

bool allowed(const char* text, bool allow_private) {
  return address_allowed(kind_of(text), allow_private);
}

}  // namespace

TEST(AddressPolicy, PublicAddressesAreAllowed) {
  for (const char* a : {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111",
                        "2a00:1450:4007:80f::200e"}) {
    EXPECT_EQ(kind_of(a), address_kind::public_internet) << a;
    EXPECT_TRUE(allowed(a, false)) << a;
  }
}

TEST(AddressPolicy, PrivateRangesAreClassified) {
  EXPECT_EQ(kind_of("10.0.0.1"), address_kind::private_network);
  EXPECT_EQ(kind_of("10.255.255.255"), address_kind::private_network);
  EXPECT_EQ(kind_of("172.16.0.1"), address_kind::private_network);
  EXPECT_EQ(kind_of("172.31.255.254"), address_kind::private_network);
  EXPECT_EQ(kind_of("172.32.0.1"), address_kind::public_internet);
  EXPECT_EQ(kind_of("172.15.255.255"), address_kind::public_internet);
  EXPECT_EQ(kind_of("192.168.1.1"), address_kind::private_network);
  EXPECT_EQ(kind_of("127.0.0.1"), address_kind::loopback);
  EXPECT_EQ(kind_of("127.255.0.9"), address_kind::loopback);
  EXPECT_EQ(kind_of("::1"), address_kind::loopback);
  EXPECT_EQ(kind_of("100.64.0.1"), address_kind::shared_cgnat);
  EXPECT_EQ(kind_of("100.127.255.255"), address_kind::shared_cgnat);
  EXPECT_EQ(kind_of("100.128.0.1"), address_kind::public_internet);
  EXPECT_EQ(kind_of("fd12:3456::1"), address_kind::unique_local);
  EXPECT_EQ(kind_of("fc00::1"), address_kind::unique_local);
  EXPECT_EQ(kind_of("fec0::1"), address_kind::private_network);
}

TEST(AddressPolicy, LinkLocalMetadataMulticastUnspecifiedAndReserved) {
  EXPECT_EQ(kind_of("169.254.169.254"), address_kind::link_local);
  EXPECT_EQ(kind_of("fe80::1"), address_kind::link_local);
  EXPECT_EQ(kind_of("febf::1"), address_kind::link_local);
  EXPECT_EQ(kind_of("fd00:ec2::254"), address_kind::cloud_metadata);
  EXPECT_EQ(kind_of("100.100.100.200"), address_kind::cloud_metadata);
  EXPECT_EQ(kind_of("224.0.0.1"), address_kind::multicast);
  EXPECT_EQ(kind_of("ff02::1"), address_kind::multicast);
  EXPECT_EQ(kind_of("0.0.0.0"), address_kind::unspecified);
  EXPECT_EQ(kind_of("0.1.2.3"), address_kind::unspecified);
  EXPECT_EQ(kind_of("::"), address_kind::unspecified);
  EXPECT_EQ(kind_of("255.255.255.255"), address_kind::reserved);
  EXPECT_EQ(kind_of("240.0.0.1"), address_kind::reserved);
  EXPECT_EQ(kind_of("192.0.2.1"), address_kind::reserved);
  EXPECT_EQ(kind_of("198.18.0.1"), address_kind::reserved);
  EXPECT_EQ(kind_of("2001:db8::1"), address_kind::reserved);
  EXPECT_EQ(kind_of("2001:0:4136:e378:8000:63bf:3fff:fdd2"), address_kind::reserved);  // Teredo
}

TEST(AddressPolicy, Ipv4InsideIpv6IsJudgedByTheIpv4Address) {
  EXPECT_EQ(kind_of("::ffff:127.0.0.1"), address_kind::loopback);
  EXPECT_EQ(kind_of("::ffff:7f00:1"), address_kind::loopback);
  EXPECT_EQ(kind_of("::ffff:10.0.0.1"), address_kind::private_network);
  EXPECT_EQ(kind_of("::ffff:169.254.169.254"), address_kind::link_local);
  EXPECT_EQ(kind_of("::ffff:8.8.8.8"), address_kind::public_internet);
  EXPECT_EQ(kind_of("::127.0.0.1"), address_kind::loopback);               // IPv4-compatible
  EXPECT_EQ(kind_of("::a9fe:a9fe"), address_kind::link_local);             // ::169.254.169.254
  EXPECT_EQ(kind_of("::ffff:0:10.1.2.3"), address_kind::private_network);  // SIIT
  EXPECT_EQ(kind_of("64:ff9b::127.0.0.1"), address_kind::loopback);        // NAT64
  EXPECT_EQ(kind_of("64:ff9b::8.8.8.8"), address_kind::public_internet);
  EXPECT_EQ(kind_of("2002:7f00:1::"), address_kind::loopback);  // 6to4 of 127.0.0.1
  EXPECT_EQ(kind_of("2002:a9fe:a9fe::1"), address_kind::link_local);
}

TEST(AddressPolicy, WithoutTheSettingOnlyPublicAddressesPass) {
  for (const char* a : {"10.1.2.3", "127.0.0.1", "::1", "::ffff:127.0.0.1", "192.168.0.10",
                        "fd00::1", "100.64.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1"}) {
    EXPECT_FALSE(allowed(a, false)) << a;
  }
}

TEST(AddressPolicy, TheSettingAdmitsPrivateAndLoopbackButNeverMetadataAddresses) {
  for (const char* a : {"10.1.2.3", "127.0.0.1", "::1", "::ffff:127.0.0.1", "192.168.0.10",
                        "fd00::1", "100.64.1.1"}) {
    EXPECT_TRUE(allowed(a, true)) << a;
  }
  for (const char* a : {"169.254.169.254", "::ffff:169.254.169.254", "fe80::1", "fd00:ec2::254",
                        "0.0.0.0", "::", "ff02::1", "255.255.255.255"}) {
    EXPECT_FALSE(allowed(a, true)) << a;
  }
}

TEST(AddressPolicy, ParsesOnlyNumericAddresses) {
  EXPECT_FALSE(parse_ip_address("localhost").has_value());
  EXPECT_FALSE(parse_ip_address("[::1]").has_value());
  EXPECT_FALSE(parse_ip_address("1.2.3").has_value());
  EXPECT_EQ(to_string(*parse_ip_address("::ffff:7f00:1")), "::ffff:127.0.0.1");
  EXPECT_EQ(to_string(*parse_ip_address("10.0.0.1")), "10.0.0.1");
}

#include <gtest/gtest.h>

#include "storage/redis/redis_url.hpp"

using cohort::storage::redis::parse_redis_url;

TEST(RedisUrl, HostPortAndDefaults) {
  auto ep = parse_redis_url("redis://cache.internal:6380");
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->host, "cache.internal");
  EXPECT_EQ(ep->port, 6380);
  EXPECT_EQ(ep->db, 0);
  EXPECT_EQ(parse_redis_url("redis://localhost")->port, 6379);
}

TEST(RedisUrl, CredentialsAndDatabase) {
  auto ep = parse_redis_url("redis://app:s3cr:et@10.0.0.5:6379/3");
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->user, "app");
  EXPECT_EQ(ep->password, "s3cr:et");
  EXPECT_EQ(ep->db, 3);
  auto password_only = parse_redis_url("redis://:pw@h");
  ASSERT_TRUE(password_only);
  EXPECT_EQ(password_only->user, "");
  EXPECT_EQ(password_only->password, "pw");
}

TEST(RedisUrl, UnixSocket) {
  auto ep = parse_redis_url("unix:///run/redis/redis.sock?db=2");
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->socket_path, "/run/redis/redis.sock");
  EXPECT_EQ(ep->db, 2);
  EXPECT_TRUE(ep->host.empty());
}

TEST(RedisUrl, RejectsWhatIsNotARedisUrl) {
  EXPECT_FALSE(parse_redis_url("http://localhost:6379"));
  EXPECT_FALSE(parse_redis_url("redis://"));
  EXPECT_FALSE(parse_redis_url("redis://host:0"));
  EXPECT_FALSE(parse_redis_url("redis://host:99999"));
  EXPECT_FALSE(parse_redis_url("redis://host:12ab"));
  EXPECT_FALSE(parse_redis_url("redis://host/db"));
  EXPECT_FALSE(parse_redis_url("unix://relative.sock"));
}

// With REDIS_URL set, rate-limit buckets live in Redis and are shared by every node: a token
// spreading its requests over two nodes gets API_RATE_LIMITING_LIMIT in all, not per node.
#include <gtest/gtest.h>

#include "fixtures/redis_server.hpp"
#include "two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::cohort_server;
using cohort::testing::redis_server;
using cohort::testing::two_workspaces;

TEST(SharedRateLimits, TwoNodesDrawOnOneBucketPerToken) {
  auto& redis = redis_server::shared();
  two_workspaces e("shared_rate_limits", {{"REDIS_URL", redis.url()},
                                          {"API_RATE_LIMITING_LIMIT", "30"},
                                          {"API_RATE_LIMITING_TTL", "1000"}});
  cohort_server second(
      cohort_server::options{.args = {}, .env = e.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(second.wait_ready(std::chrono::seconds(60))) << second.proc().output();
  const std::uint16_t ports[] = {e.server().port(), second.port()};

  int served = 0;
  unsigned throttled_status = 0;
  for (int i = 0; i < 70 && throttled_status == 0; ++i) {
    auto res = e.call_on(ports[i % 2], "GET", "/rest/people?limit=1", "", e.a.access);
    if (res.status == 200) {
      ++served;
    } else {
      throttled_status = res.status;
      EXPECT_NE(res.get("retry-after"), "<absent>");
    }
  }
  // 30 in all (the workspace's activation spent one), where two separate buckets would give 60.
  EXPECT_EQ(throttled_status, 429u);
  EXPECT_GE(served, 25);
  EXPECT_LE(served, 30);
  for (auto port : ports)
    EXPECT_EQ(e.call_on(port, "GET", "/rest/people?limit=1", "", e.a.access).status, 429u);
  // Another token still has its own allowance on both nodes.
  for (auto port : ports)
    EXPECT_EQ(e.call_on(port, "GET", "/rest/people?limit=1", "", e.b.access).status, 200u);
}

}  // namespace

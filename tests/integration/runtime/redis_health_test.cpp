// REDIS_URL: a configured Redis is checked at start and reported by /healthz/redis.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fixtures/cohort_server.hpp"
#include "fixtures/redis_server.hpp"

using namespace cohort::testing;

TEST(RedisHealth, UpWhileRedisAnswersDownWhenItStops) {
  redis_server redis;
  cohort_server server({.args = {}, .env = {{"REDIS_URL", redis.url()}}, .data_dir = {}});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();

  auto up = server.get("/healthz/redis");
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 200u) << up->body;
  EXPECT_EQ(boost::json::parse(up->body).at("info").at("redis").at("status"), "up");

  redis.stop();
  auto down = server.get("/healthz/redis");
  ASSERT_TRUE(down);
  EXPECT_EQ(down->status, 503u) << down->body;
  auto body = boost::json::parse(down->body);
  EXPECT_EQ(body.at("status"), "error");
  EXPECT_EQ(body.at("error").at("redis").at("status"), "down");
  EXPECT_TRUE(body.at("error").at("redis").as_object().contains("message"));

  redis.start();
  EXPECT_EQ(server.get("/healthz/redis")->status, 200u) << "a recovered Redis is up again";
}

TEST(RedisHealth, WithoutRedisUrlTheSingleNodeNeedsNone) {
  cohort_server server({});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();
  auto r = server.get("/healthz/redis");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200u);
  for (const char* indicator : {"app", "worker"}) {
    auto other = server.get(std::string("/healthz/") + indicator);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 200u) << indicator << ": " << other->body;
  }
}

TEST(RedisHealth, UnreachableRedisUrlStopsStartUp) {
  int port = free_loopback_port();
  auto run = run_cohort({"serve", "--port", std::to_string(free_loopback_port())},
                        {{"REDIS_URL", "redis://127.0.0.1:" + std::to_string(port)}});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("invalid REDIS_URL"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("reachable Redis"), std::string::npos) << run.err;
}

TEST(RedisHealth, MalformedRedisUrlStopsStartUp) {
  auto run = run_cohort({"serve"}, {{"REDIS_URL", "redis://:99999"}});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("invalid REDIS_URL \"redis://:99999\""), std::string::npos) << run.err;
}

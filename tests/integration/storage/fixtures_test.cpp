// The test fixtures themselves: the process helper and the private Redis.
#include <gtest/gtest.h>

#include "fixtures/process.hpp"
#include "fixtures/redis_server.hpp"

using cohort::testing::process;
using cohort::testing::process_options;
using namespace std::chrono_literals;

TEST(ProcessFixture, CapturesOutputAndExitCode) {
  process child(std::vector<std::string>{"sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(child.wait(10s), 3);
  EXPECT_TRUE(child.wait_for_output("err", 5s));
  EXPECT_EQ(child.out(), "out\n");
  EXPECT_EQ(child.err(), "err\n");
}

TEST(ProcessFixture, PassesEnvironmentAndSignals) {
  process_options spec;
  spec.args = {"sh", "-c", "echo value=$COHORT_FIXTURE_VAR; exec sleep 30"};
  spec.env = {{"COHORT_FIXTURE_VAR", "42"}};
  process child(spec);
  EXPECT_TRUE(child.wait_for_output("value=42", 10s)) << child.output();
  EXPECT_TRUE(child.running());
  EXPECT_EQ(child.wait(50ms), std::nullopt);
  EXPECT_EQ(child.stop(SIGTERM, 5s), 128 + SIGTERM);
}

TEST(ProcessFixture, UnknownProgramThrows) {
  EXPECT_THROW(process(std::vector<std::string>{"cohort-no-such-program"}), std::runtime_error);
}

TEST(RedisFixture, AnswersOnItsPortAndSocket) {
  auto& redis = cohort::testing::redis_server::shared();
  process tcp(std::vector<std::string>{"redis-cli", "-p", std::to_string(redis.port()), "PING"});
  EXPECT_EQ(tcp.wait(10s), 0);
  EXPECT_EQ(tcp.out(), "PONG\n");
  process unix_socket(
      std::vector<std::string>{"redis-cli", "-s", redis.unix_socket().string(), "PING"});
  EXPECT_EQ(unix_socket.wait(10s), 0);
  EXPECT_EQ(unix_socket.out(), "PONG\n");
  EXPECT_EQ(redis.url(), "redis://127.0.0.1:" + std::to_string(redis.port()));
}

// The text of GraphQL over SSE (api/subscriptions/sse_format): one `data:` line per line of the
// payload, the complete event, the heartbeat comment, and which Accept headers ask for a stream.
#include <gtest/gtest.h>

#include "api/subscriptions/sse_format.hpp"

namespace {

using namespace cohort::api::subscriptions;

TEST(sse_format, a_result_is_a_next_event_with_one_data_line_per_line) {
  EXPECT_EQ(sse_next(R"({"data":{}})"), "event: next\ndata: {\"data\":{}}\n\n");
  EXPECT_EQ(sse_next("{\n}"), "event: next\ndata: {\ndata: }\n\n");
}

TEST(sse_format, complete_and_heartbeat) {
  EXPECT_EQ(sse_complete(), "event: complete\ndata:\n\n");
  EXPECT_EQ(sse_heartbeat(), ":\n\n");
}

TEST(sse_format, accept_headers_that_ask_for_a_stream) {
  std::string sse = "text/event-stream";
  std::string listed = "application/json, Text/Event-Stream;q=0.9";
  std::string json = "application/json";
  EXPECT_TRUE(accepts_event_stream(&sse));
  EXPECT_TRUE(accepts_event_stream(&listed));
  EXPECT_FALSE(accepts_event_stream(&json));
  EXPECT_FALSE(accepts_event_stream(nullptr));
}

}  // namespace

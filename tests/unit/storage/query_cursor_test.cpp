// Cursor encoding as Twenty writes it (base64 of compact JSON) and decoding of recorded cursors
// and of garbage.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/query/cursor.hpp"

namespace sq = cohort::storage::query;

TEST(QueryCursor, Base64RoundTripsEveryLength) {
  for (std::string text : {"", "a", "ab", "abc", "abcd", "{\"id\":\"é\"}"}) {
    auto encoded = sq::base64_encode(text);
    EXPECT_EQ(encoded.size() % 4, 0u);
    EXPECT_EQ(sq::base64_decode(encoded), text);
  }
  EXPECT_EQ(sq::base64_encode("{\"id\":1}"), "eyJpZCI6MX0=");
  EXPECT_FALSE(sq::base64_decode("not base64!"));
}

TEST(QueryCursor, EncodesLikeTheRecordedTwentyCursors) {
  // From spec/twenty-golden/records-graphql.jsonl: people ordered by name.firstName.
  boost::json::object values;
  values["name"] = boost::json::object{{"firstName", "Alice"}, {"lastName", "Martin"}};
  values["id"] = "6c472bcd-91bf-4f04-b254-99a159d96553";
  EXPECT_EQ(
      sq::encode_cursor(values),
      "eyJuYW1lIjp7ImZpcnN0TmFtZSI6IkFsaWNlIiwibGFzdE5hbWUiOiJNYXJ0aW4ifSwiaWQiOiI2YzQ3MmJjZC05"
      "MWJmLTRmMDQtYjI1NC05OWExNTlkOTY1NTMifQ==");
  auto decoded = sq::decode_cursor(
      "eyJwb3NpdGlvbiI6LTQsImlkIjoiYWRjZWNlYWEtOGU2OS00ZWNhLWFjMTgtNjE2YTNhYTUxOGE1In0=");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->at("position"), -4);
  EXPECT_EQ(decoded->at("id"), "adceceaa-8e69-4eca-ac18-616a3aa518a5");
  EXPECT_FALSE(sq::decode_cursor("garbage"));
  EXPECT_FALSE(sq::decode_cursor(sq::base64_encode("[1,2]")));  // JSON, but not an object
}

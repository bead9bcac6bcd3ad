// Cursor encoding as Twenty writes it (base64 of compact JSON), decoding of recorded cursors and
// of garbage, and the keyset errors a client sees for cursors that do not fit the order.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "model/standard/standard_objects.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/cursor.hpp"

namespace sq = cohort::storage::query;
namespace model = cohort::model;

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

namespace {

const model::workspace_model& standard_model() {
  static const model::workspace_model m(
      "20202020-1c25-4d02-bf25-6aeccf7ea419", "workspace_test", 1,
      std::vector<model::object_metadata>(model::standard::standard_objects().begin(),
                                          model::standard::standard_objects().end()));
  return m;
}

model::record_query people_after(std::string cursor, std::string_view order) {
  model::record_query q;
  q.object = "person";
  q.connection.page.after = std::move(cursor);
  q.connection.page.first = 2;
  q.connection.page.order_by = boost::json::parse(order).as_array();
  model::connection_selection::item edges;
  edges.k = model::connection_selection::item::kind::edges;
  edges.key = "edges";
  edges.edge_keys.push_back(
      {model::connection_selection::item::edge_key::kind::cursor, "cursor", ""});
  q.connection.items.push_back(edges);
  return q;
}

}  // namespace

TEST(QueryCursor, CursorValuesAreBoundAndMissingKeysRefused) {
  boost::json::object values{{"position", 3}, {"id", "2ab1f331-fdd8-4722-86eb-ce03158558a9"}};
  auto compiled =
      sq::compile(people_after(sq::encode_cursor(values), R"([{"position": "AscNullsFirst"}])"),
                  standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::compiled_statement>(compiled));
  const auto& statement = std::get<sq::compiled_statement>(compiled);
  EXPECT_EQ(statement.sql.find("2ab1f331"), std::string::npos);  // values never in the text
  EXPECT_NE(std::find(statement.params.begin(), statement.params.end(),
                      std::optional<std::string>("2ab1f331-fdd8-4722-86eb-ce03158558a9")),
            statement.params.end());

  auto missing = sq::compile(
      people_after(sq::encode_cursor(values), R"([{"city": "AscNullsFirst"}])"), standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::record_error>(missing));
  EXPECT_EQ(std::get<sq::record_error>(missing).message, "Invalid cursor");
  auto garbage = sq::compile(people_after("garbage", "[]"), standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::record_error>(garbage));
  EXPECT_EQ(std::get<sq::record_error>(garbage),
            (sq::record_error{"BAD_USER_INPUT", "Invalid cursor: garbage", "INVALID_CURSOR",
                              "An error occurred."}));
}

// storage/query/json_text: the SQL that writes JSON text must give json_build_object's bytes:
// "k" : v members joined by ", " (by "," between json_object_sql's 50-member parts), keys escaped
// as PostgreSQL's escape_json does, literal pieces merged into one SQL literal.
#include "storage/query/json_text.hpp"

#include <gtest/gtest.h>

#include "storage/query/sql_text.hpp"

namespace sq = cohort::storage::query;

TEST(QueryJsonText, KeysEscapeAsPostgresDoes) {
  EXPECT_EQ(sq::json_string("name"), "\"name\"");
  EXPECT_EQ(sq::json_string("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  EXPECT_EQ(sq::json_string("\b\f\r"), "\"\\b\\f\\r\"");
  EXPECT_EQ(sq::json_string("é✓"), "\"é✓\"");
}

TEST(QueryJsonText, LiteralPiecesMergeAroundExpressions) {
  sq::json_text value;
  value.sql("x");
  std::vector<std::pair<std::string, sq::json_text>> members;
  members.emplace_back("__typename", sq::json_text().raw("\"Person\""));
  members.emplace_back("id", value);
  EXPECT_EQ(sq::json_object_text(members).expression(),
            "'{\"__typename\" : \"Person\", \"id\" : ' || x || '}'");
  EXPECT_EQ(sq::json_object_text({}).expression(), "'{}'::text");
  members.pop_back();
  EXPECT_EQ(sq::json_object_text(members).expression(), "'{\"__typename\" : \"Person\"}'::text");
}

TEST(QueryJsonText, WideObjectsJoinTheirFiftyMemberPartsWithABareComma) {
  std::vector<std::pair<std::string, sq::json_text>> members;
  for (int i = 0; i < 101; ++i) {
    members.emplace_back(sq::numbered("k", i), sq::json_text().raw(std::to_string(i)));
  }
  const std::string sql = sq::json_object_text(members).expression();
  EXPECT_NE(sql.find("\"k48\" : 48, \"k49\" : 49,\"k50\" : 50, \"k51\""), std::string::npos);
  EXPECT_NE(sql.find("\"k99\" : 99,\"k100\" : 100}"), std::string::npos);
}

TEST(QueryJsonText, ValuesQuoteOnlyWhatNeedsNoEscaping) {
  using cohort::model::field_type;
  EXPECT_EQ(sq::value_json_text(field_type::uuid, "t0.\"id\""),
            "COALESCE('\"' || t0.\"id\" || '\"', 'null')");
  EXPECT_EQ(sq::value_json_text(field_type::text, "t0.\"city\""),
            "COALESCE(to_json(t0.\"city\")::text, 'null')");
}

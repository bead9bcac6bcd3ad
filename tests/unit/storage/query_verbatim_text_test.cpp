// compact_verbatim: PostgreSQL's spaced json text becomes the response writer's compact text,
// strings untouched (escapes and spaces inside them kept), and the per-answer checks refuse what
// the GraphQL scalars would not write as it is.
#include <gtest/gtest.h>

#include <string>

#include "storage/query/verbatim_text.hpp"

namespace {

using cohort::model::verbatim_answer;
using cohort::storage::query::compact_verbatim;

bool uuid_rule(std::string_view s) {
  return s[14] >= '1' && s[14] <= '8';  // a stand-in for the UUID scalar's rule
}

std::string compacted(std::string_view text, const verbatim_answer& checks = {}) {
  std::string out = "left over";
  EXPECT_TRUE(compact_verbatim(text, out, checks)) << text;
  return out;
}

bool refused(std::string_view text, const verbatim_answer& checks = {}) {
  std::string out;
  return !compact_verbatim(text, out, checks);
}

TEST(QueryVerbatimText, RemovesPostgresSpacingOutsideStrings) {
  EXPECT_EQ(compacted(R"({"edges" : [{"node" : {"id" : "a b", "n" : 12}}, )"
                      "\n "
                      R"({"node" : null}], "more" : true, "x" : false})"),
            R"({"edges":[{"node":{"id":"a b","n":12}},{"node":null}],"more":true,"x":false})");
  EXPECT_EQ(compacted(R"(["x \" , y", "back\\", "\u00e9 \n"])"),
            R"(["x \" , y","back\\","\u00e9 \n"])");
  EXPECT_EQ(compacted("{}"), "{}");
  EXPECT_EQ(compacted(""), "");
}

TEST(QueryVerbatimText, NoNullsRefusesAnyNullOutsideStrings) {
  verbatim_answer checks;
  checks.no_nulls = true;
  EXPECT_EQ(compacted(R"({"a" : "null", "n" : 1})", checks), R"({"a":"null","n":1})");
  EXPECT_TRUE(refused(R"({"a" : "x", "b" : null})", checks));
}

TEST(QueryVerbatimText, UuidShapedStringsMustPassTheScalarsRule) {
  verbatim_answer checks;
  checks.valid_uuid = uuid_rule;
  EXPECT_EQ(compacted(R"({"id" : "0db9fceb-3cc8-424c-9474-74ab172bea1f"})", checks),
            R"({"id":"0db9fceb-3cc8-424c-9474-74ab172bea1f"})");
  EXPECT_TRUE(refused(R"({"id" : "0db9fceb-3cc8-024c-9474-74ab172bea1f"})", checks));
  // Without the check, any string goes.
  EXPECT_EQ(compacted(R"({"id" : "0db9fceb-3cc8-024c-9474-74ab172bea1f"})"),
            R"({"id":"0db9fceb-3cc8-024c-9474-74ab172bea1f"})");
}

TEST(QueryVerbatimText, DateTimesPastYear9999AreRefused) {
  verbatim_answer checks;
  checks.check_date_times = true;
  EXPECT_EQ(compacted(R"({"at" : "2026-12-07T23:50:49.589Z", "zip" : "75001-1234"})", checks),
            R"({"at":"2026-12-07T23:50:49.589Z","zip":"75001-1234"})");
  EXPECT_TRUE(refused(R"({"at" : "10000-01-01T00:00:00.000Z"})", checks));
}

TEST(QueryVerbatimText, UnterminatedStringIsRefused) {
  EXPECT_TRUE(refused(R"({"a" : "x)", {}));
}

}  // namespace

// Malformed JSON bodies get the message Twenty's Express (body-parser, strict) and Node 22's
// JSON.parse give them. The expected texts were taken from Node's JSON.parse (the position part
// with Node 22's "(line L column C)"), and the golden "non-JSON body" exchange.
#include <gtest/gtest.h>

#include "api/graphql_http/json_body_error.hpp"
#include "graphql/service/utf8_text.hpp"

namespace {

using cohort::api::graphql_http::json_body_error;
using cohort::api::graphql_http::json_parse_error;

TEST(GraphqlHttpJsonError, ValidJsonHasNoError) {
  EXPECT_EQ(
      json_parse_error(R"({"query":"{ a }","variables":{"x":[1,-2.5e3,true,null,"\u00e9"]}})"),
      std::nullopt);
  EXPECT_EQ(json_body_error(" [ {} ] "), std::nullopt);
  // Deep nesting is scanned without recursion.
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(json_parse_error(deep), std::nullopt);
  EXPECT_EQ(json_parse_error(std::string(100000, '[')), "Unexpected end of JSON input");
}

TEST(GraphqlHttpJsonError, MessagesAsJsonParseWordsThem) {
  struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"", "Unexpected end of JSON input"},
      {"{", "Expected property name or '}' in JSON at position 1 (line 1 column 2)"},
      {R"({"a" "b"})", "Expected ':' after property name in JSON at position 5 (line 1 column 6)"},
      {"[1 2]", "Expected ',' or ']' after array element in JSON at position 3 (line 1 column 4)"},
      {"{1:2}", "Expected property name or '}' in JSON at position 1 (line 1 column 2)"},
      {R"({"a":1 "b":2})",
       "Expected ',' or '}' after property value in JSON at position 7 (line 1 column 8)"},
      {R"({"a":1,})",
       "Expected double-quoted property name in JSON at position 7 (line 1 column 8)"},
      {"[1,]", R"(Unexpected token ']', "[1,]" is not valid JSON)"},
      {"01", "Unexpected number in JSON at position 1 (line 1 column 2)"},
      {"-", "No number after minus sign in JSON at position 1 (line 1 column 2)"},
      {"[1.e]", "Unterminated fractional number in JSON at position 3 (line 1 column 4)"},
      {"1e", "Exponent part is missing a number in JSON at position 2 (line 1 column 3)"},
      {"\"abc", "Unterminated string in JSON at position 4 (line 1 column 5)"},
      {"\"a\x01\"",
       "Bad control character in string literal in JSON at position 2 (line 1 column 3)"},
      {R"("\x")", "Bad escaped character in JSON at position 2 (line 1 column 3)"},
      {R"("\u12g4")", "Bad Unicode escape in JSON at position 5 (line 1 column 6)"},
      {"{} x", "Unexpected non-whitespace character after JSON at position 3 (line 1 column 4)"},
      {R"({"a":tru})", R"(Unexpected token '}', "{"a":tru}" is not valid JSON)"},
      {"[undefined]", R"(Unexpected token 'u', "[undefined]" is not valid JSON)"},
      {"{ \"not a JSON", "Unterminated string in JSON at position 13 (line 1 column 14)"},
      {"[1,2,3,4,5,6,7,8,9,10,11,12,x]",
       R"(Unexpected token 'x', ...",10,11,12,x]" is not valid JSON)"},
      {"[x,2,3,4,5,6,7,8,9,10,11,12]",
       R"(Unexpected token 'x', "[x,2,3,4,5,"... is not valid JSON)"},
      {"[1,2,3,4,5,6,x,8,9,10,11,12]",
       R"(Unexpected token 'x', ..."2,3,4,5,6,x,8,9,10,1"... is not valid JSON)"},
      {"{\"a\":\n  x}", "Unexpected token 'x', \"{\"a\":\n  x}\" is not valid JSON"},
      {"{\"a\":1,\n\"b\" 2}", "Unexpected number in JSON at position 12 (line 2 column 5)"},
      {R"({"a":1,"b"})", R"(Unexpected token '}', "{"a":1,"b"}" is not valid JSON)"},
      {R"({"a"})", "Expected ':' after property name in JSON at position 4 (line 1 column 5)"},
      {R"({"a":{"b" 1}})",
       "Expected ':' after property name in JSON at position 10 (line 1 column 11)"},
      {"\"\\", "Unexpected end of JSON input"},
      {"\"\\u12", "Bad Unicode escape in JSON at position 5 (line 1 column 6)"},
      {"[tr", "Unexpected end of JSON input"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(json_parse_error(c.text).value_or("(valid)"), c.message) << c.text;
  }
}

TEST(GraphqlHttpJsonError, StrictModeAsBodyParser) {
  // The golden "graphql: non-JSON body" exchange.
  EXPECT_EQ(json_body_error("this is not json"),
            R"(Unexpected token 't', "this is not json" is not valid JSON)");
  EXPECT_EQ(json_body_error("5"), R"(Unexpected token '5', "5" is not valid JSON)");
  EXPECT_EQ(json_body_error(R"("query")"), R"(Unexpected token '"', ""query"" is not valid JSON)");
  EXPECT_EQ(json_body_error("  null"), R"(Unexpected token 'n', "  null" is not valid JSON)");
  EXPECT_EQ(json_body_error("   "), "Unexpected end of JSON input");
  // Multi-byte characters stay whole in the token and the context.
  EXPECT_EQ(json_body_error("\xc3\xa9 is not json"),
            "Unexpected token '\xc3\xa9', \"\xc3\xa9 is not json\" is not valid JSON");
  // (Context widths count bytes here, UTF-16 units in V8: only the cut differs.)
  auto cut = json_parse_error("[1,2,3,4,5,6,7,\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9]");
  ASSERT_TRUE(cut.has_value());
  EXPECT_TRUE(cut->starts_with("Unexpected token '\xc3\xa9', ...\"")) << *cut;
  EXPECT_EQ(cohort::graphql::service::repair_utf8(*cut), std::nullopt) << "a character was cut";
  EXPECT_EQ(json_body_error("query { people { id } } and more"),
            R"(Unexpected token 'q', "query { pe"... is not valid JSON)");
  EXPECT_EQ(json_body_error("{\"query\": \"{ a }\""),
            "Expected ',' or '}' after property value in JSON at position 17 (line 1 column 18)");
}

}  // namespace

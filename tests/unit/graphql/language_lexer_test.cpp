// Lexer: every token kind, ignored tokens, string escapes and block strings, and the exact
// graphql-js error messages and positions for malformed input.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "graphql/language/lexer.hpp"

namespace cohort::graphql::language {
namespace {

// Tokens view into the list's storage, so tests keep the whole list alive.
token_list lex(std::string_view source, bool comments = false) {
  auto result = tokenize(source, comments);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : token_list{};
}

// The one token of a source (plus <EOF>), as kind and text.
std::pair<token_kind, std::string> single(std::string_view source) {
  auto list = lex(source);
  EXPECT_EQ(list.tokens.size(), 2u) << source;
  if (list.tokens.empty()) return {token_kind::sof, ""};
  return {list.tokens[0].kind, std::string(list.tokens[0].value)};
}

std::string string_value(std::string_view source) {
  auto result = tokenize(source);
  EXPECT_TRUE(result.ok()) << source << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::string(result.value().tokens[0].value) : std::string();
}

syntax_error lex_error(std::string_view source) {
  auto result = tokenize(source);
  EXPECT_FALSE(result.ok()) << source;
  return result.ok() ? syntax_error{} : result.error();
}

TEST(GraphqlLexer, PunctuatorsHaveTheirKindsAndOffsets) {
  auto list = lex("! $ & ( ) ... : = @ [ ] { | }");
  const auto& tokens = list.tokens;
  std::vector<token_kind> kinds;
  for (const auto& t : tokens) kinds.push_back(t.kind);
  EXPECT_EQ(kinds,
            (std::vector<token_kind>{
                token_kind::bang, token_kind::dollar, token_kind::amp, token_kind::paren_l,
                token_kind::paren_r, token_kind::spread, token_kind::colon, token_kind::equals,
                token_kind::at, token_kind::bracket_l, token_kind::bracket_r, token_kind::brace_l,
                token_kind::pipe, token_kind::brace_r, token_kind::eof}));
  EXPECT_EQ(tokens[5].start, 10u);
  EXPECT_EQ(tokens[5].end, 13u);
  EXPECT_EQ(tokens.back().start, 29u);
}

TEST(GraphqlLexer, NamesAndNumbersKeepTheirText) {
  auto list = lex("  _foo_Bar9 ");
  EXPECT_EQ(list.tokens[0].kind, token_kind::name);
  EXPECT_EQ(list.tokens[0].value, "_foo_Bar9");
  EXPECT_EQ(list.tokens[0].start, 2u);
  EXPECT_EQ(list.tokens[0].end, 11u);

  for (std::string_view text : {"0", "-0", "4", "-4", "9876543210123456789"}) {
    EXPECT_EQ(single(text), std::make_pair(token_kind::int_value, std::string(text)));
  }
  for (std::string_view text : {"4.123", "-4.123", "0.123", "123e4", "123E4", "123e-4", "123e+4",
                                "-1.123e4", "-1.123E-4", "-1.123e+4", "-1.123e4567"}) {
    EXPECT_EQ(single(text), std::make_pair(token_kind::float_value, std::string(text)));
  }
}

TEST(GraphqlLexer, IgnoresWhitespaceCommasCommentsAndByteOrderMarks) {
  EXPECT_EQ(single("\xEF\xBB\xBF,\t\r\n  # comment\r\n,,foo,# trailing"),
            std::make_pair(token_kind::name, std::string("foo")));
  EXPECT_EQ(lex("a\xEF\xBB\xBF"
                "b")
                .tokens.size(),
            3u);
}

TEST(GraphqlLexer, ReportsCommentsWhenAsked) {
  auto list = lex("# one\n{ # two\n}", true);
  const auto& tokens = list.tokens;
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, token_kind::comment);
  EXPECT_EQ(tokens[0].value, " one");
  EXPECT_EQ(tokens[2].kind, token_kind::comment);
  EXPECT_EQ(tokens[2].value, " two");
}

TEST(GraphqlLexer, UnescapesStrings) {
  EXPECT_EQ(string_value(R"("simple")"), "simple");
  EXPECT_EQ(string_value(R"(" white space ")"), " white space ");
  EXPECT_EQ(string_value(R"("quote \"")"), "quote \"");
  EXPECT_EQ(string_value(R"("escaped \n\r\b\t\f")"), "escaped \n\r\b\t\f");
  EXPECT_EQ(string_value(R"("slashes \\ \/")"), "slashes \\ /");
  EXPECT_EQ(string_value(R"("unicode \u1234\u5678\u90AB\uCDEF")"),
            "unicode \u1234\u5678\u90AB\uCDEF");
  EXPECT_EQ(string_value(R"("\u{1234}\u{00000041}")"), "\u1234A");
  EXPECT_EQ(string_value(R"("\u{1F600}")"), "\U0001F600");
  EXPECT_EQ(string_value(R"("\uD83D\uDE00")"), "\U0001F600");
  EXPECT_EQ(string_value(R"("\u{10FFFF}")"), "\U0010FFFF");
  EXPECT_EQ(string_value("\"h\xC3\xA9llo \xF0\x9F\x98\x80\""), "h\xC3\xA9llo \xF0\x9F\x98\x80");
  EXPECT_EQ(string_value(std::string_view("\"a\0b\"", 5)), std::string("a\0b", 3));
}

TEST(GraphqlLexer, StringsWithoutEscapesPointIntoTheSource) {
  auto result = tokenize(R"(  "plain text"  )");
  ASSERT_TRUE(result.ok());
  const auto& t = result->tokens[0];
  EXPECT_EQ(t.value.data(), result->source.data() + 3);
}

TEST(GraphqlLexer, DedentsBlockStrings) {
  EXPECT_EQ(string_value(R"("""simple""")"), "simple");
  EXPECT_EQ(string_value(R"(""" white space """)"), " white space ");
  EXPECT_EQ(string_value(R"("""contains " quote""")"), "contains \" quote");
  EXPECT_EQ(string_value(R"("""contains \""" triple quote""")"), "contains \"\"\" triple quote");
  EXPECT_EQ(string_value("\"\"\"multi\nline\"\"\""), "multi\nline");
  EXPECT_EQ(string_value("\"\"\"multi\rline\r\nnormalized\"\"\""), "multi\nline\nnormalized");
  EXPECT_EQ(string_value(R"("""unescaped \n\r\b\t\f\u1234""")"), R"(unescaped \n\r\b\t\f\u1234)");
  EXPECT_EQ(string_value(R"("""slashes \\ \/""")"), R"(slashes \\ \/)");
  EXPECT_EQ(string_value(
                "\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\""),
            "spans\n  multiple\n    lines");
  EXPECT_EQ(string_value("\"\"\"  first\n    second\n      third\"\"\""),
            "  first\nsecond\n  third");
  EXPECT_EQ(string_value("\"\"\"   \n  \t  \n\"\"\""), "");
  EXPECT_EQ(string_value("\"\"\"\t\tx\"\"\""), "\t\tx");
}

TEST(GraphqlLexer, RejectsUnexpectedCharactersLikeGraphqlJs) {
  EXPECT_EQ(lex_error("?").message, "Syntax Error: Unexpected character: \"?\".");
  EXPECT_EQ(lex_error("..").message, "Syntax Error: Unexpected character: \".\".");
  EXPECT_EQ(lex_error("'x'").message,
            "Syntax Error: Unexpected single quote character ('), did you mean to use a double "
            "quote (\")?");
  EXPECT_EQ(lex_error("\xC3\xA9").message, "Syntax Error: Unexpected character: U+00E9.");
  EXPECT_EQ(lex_error("\xF0\x9F\x98\x80").message, "Syntax Error: Unexpected character: U+1F600.");
  EXPECT_EQ(lex_error(std::string_view("\0", 1)).message,
            "Syntax Error: Unexpected character: U+0000.");
  EXPECT_EQ(lex_error("\x07").message, "Syntax Error: Unexpected character: U+0007.");
}

TEST(GraphqlLexer, RejectsSurrogatesAndBrokenUtf8AsInvalidCharacters) {
  // A lone surrogate encoded as UTF-8 bytes, as graphql-js sees a lone UTF-16 surrogate.
  EXPECT_EQ(lex_error("\xED\xA0\x80").message, "Syntax Error: Invalid character: U+D800.");
  EXPECT_EQ(lex_error("\"a\xED\xB0\x80\"").message,
            "Syntax Error: Invalid character within String: U+DC00.");
  EXPECT_EQ(lex_error("\"\"\"a\xED\xA0\x80\"\"\"").message,
            "Syntax Error: Invalid character within String: U+D800.");
  EXPECT_EQ(lex_error("\xFF").message, "Syntax Error: Invalid character: byte 0xFF.");
  EXPECT_EQ(lex_error("\"\xC3(\"").message,
            "Syntax Error: Invalid character within String: byte 0xC3.");
  EXPECT_EQ(lex_error("\xC0\xAF").message, "Syntax Error: Invalid character: byte 0xC0.");
  // A comment ends before such a character, which then fails as a token.
  auto e = lex_error("# ok \xFF");
  EXPECT_EQ(e.message, "Syntax Error: Invalid character: byte 0xFF.");
  EXPECT_EQ(e.offset, 5u);
}

TEST(GraphqlLexer, ReportsStringErrorsAtTheOffendingCharacter) {
  auto e = lex_error("\"no end");
  EXPECT_EQ(e.message, "Syntax Error: Unterminated string.");
  EXPECT_EQ(e.location, (source_location{1, 8}));
  e = lex_error("\"multi\nline\"");
  EXPECT_EQ(e.message, "Syntax Error: Unterminated string.");
  EXPECT_EQ(e.location, (source_location{1, 7}));
  EXPECT_EQ(lex_error(R"("bad \z esc")").message,
            R"(Syntax Error: Invalid character escape sequence: "\z".)");
  EXPECT_EQ(lex_error(R"("bad \u1 esc")").message,
            R"(Syntax Error: Invalid Unicode escape sequence: "\u1 es".)");
  EXPECT_EQ(lex_error(R"("bad \u{} esc")").message,
            R"(Syntax Error: Invalid Unicode escape sequence: "\u{}".)");
  EXPECT_EQ(lex_error(R"("\u{110000}")").message,
            R"(Syntax Error: Invalid Unicode escape sequence: "\u{110000}".)");
  EXPECT_EQ(lex_error(R"("\u{FFFFFFFF}")").message,
            R"(Syntax Error: Invalid Unicode escape sequence: "\u{FFFFFFFF".)");
  EXPECT_EQ(lex_error(R"("\uDEAD")").message,
            R"(Syntax Error: Invalid Unicode escape sequence: "\uDEAD".)");
  EXPECT_EQ(lex_error(R"("\uD83D\u0041")").message,
            R"(Syntax Error: Invalid Unicode escape sequence: "\uD83D".)");
  e = lex_error("\"\"\"no end");
  EXPECT_EQ(e.message, "Syntax Error: Unterminated string.");
  EXPECT_EQ(e.offset, 9u);
}

TEST(GraphqlLexer, ReportsNumberErrorsAtTheOffendingCharacter) {
  struct expectation {
    std::string_view source;
    std::string_view message;
    std::uint32_t column;
  };
  for (const auto& [source, message, column] : std::vector<expectation>{
           {"00", "Invalid number, unexpected digit after 0: \"0\".", 2},
           {"01", "Invalid number, unexpected digit after 0: \"1\".", 2},
           {"+1", "Unexpected character: \"+\".", 1},
           {"1.", "Invalid number, expected digit but got: <EOF>.", 3},
           {"1e", "Invalid number, expected digit but got: <EOF>.", 3},
           {".123", "Unexpected character: \".\".", 1},
           {"1.A", "Invalid number, expected digit but got: \"A\".", 3},
           {"-A", "Invalid number, expected digit but got: \"A\".", 2},
           {"1.0e", "Invalid number, expected digit but got: <EOF>.", 5},
           {"1.0eA", "Invalid number, expected digit but got: \"A\".", 5},
           {"1.0e\"", "Invalid number, expected digit but got: '\"'.", 5},
           {"1.2e3e", "Invalid number, expected digit but got: \"e\".", 6},
           {"1.2e3.4", "Invalid number, expected digit but got: \".\".", 6},
           {"1.23.4", "Invalid number, expected digit but got: \".\".", 5},
           {"0xF1", "Invalid number, expected digit but got: \"x\".", 2},
           {"0b10", "Invalid number, expected digit but got: \"b\".", 2},
           {"123abc", "Invalid number, expected digit but got: \"a\".", 4},
           {"1_234", "Invalid number, expected digit but got: \"_\".", 2},
           {"1\xC3\x9F", "Unexpected character: U+00DF.", 2},
       }) {
    auto e = lex_error(source);
    EXPECT_EQ(e.message, "Syntax Error: " + std::string(message)) << source;
    EXPECT_EQ(e.location, (source_location{1, column})) << source;
  }
}

TEST(GraphqlLexer, CountsColumnsInUtf16UnitsAndLinesAtEveryBreak) {
  // é is one UTF-16 unit, 😀 two; \r, \n and \r\n each end one line.
  EXPECT_EQ(lex_error("\"\xC3\xA9\" ?").location, (source_location{1, 5}));
  EXPECT_EQ(lex_error("\"\xF0\x9F\x98\x80\" ?").location, (source_location{1, 6}));
  EXPECT_EQ(lex_error("a\r\nb\rc\nd\n\n  ?").location, (source_location{6, 3}));
  EXPECT_EQ(lex_error("\"\"\"\r\n\r\n\"\"\" ?").location, (source_location{3, 5}));
}

}  // namespace
}  // namespace cohort::graphql::language

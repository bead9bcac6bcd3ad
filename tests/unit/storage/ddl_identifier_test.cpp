#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "storage/ddl/identifier.hpp"

namespace ddl = cohort::storage::ddl;

TEST(DdlIdentifier, QuotesValidMetadataNames) {
  EXPECT_EQ(ddl::quote_identifier("person"), "\"person\"");
  EXPECT_EQ(ddl::quote_identifier("nameFirstName"), "\"nameFirstName\"");
  EXPECT_EQ(ddl::quote_identifier("_myCustomObject"), "\"_myCustomObject\"");
  EXPECT_EQ(ddl::qualified_name("workspace_1wgvd1injqtife6y4rvfbu3h5", "company"),
            "\"workspace_1wgvd1injqtife6y4rvfbu3h5\".\"company\"");
  EXPECT_TRUE(ddl::is_valid_identifier(std::string(63, 'a')));
}

TEST(DdlIdentifier, RefusesSqlLookingAndMalformedNames) {
  for (const char* bad : {"", "1abc", "name\"; DROP TABLE person; --", "a b", "a-b", "a.b",
                          "person\"", "x'y", "na\xc3\xafve", "semi;colon", "tab\tname"}) {
    EXPECT_FALSE(ddl::is_valid_identifier(bad)) << bad;
    EXPECT_FALSE(ddl::try_quote_identifier(bad).has_value()) << bad;
    EXPECT_THROW(ddl::quote_identifier(bad), ddl::ddl_error) << bad;
  }
  EXPECT_FALSE(ddl::is_valid_identifier(std::string(64, 'a')));
  EXPECT_THROW(ddl::qualified_name("ok", "not ok"), ddl::ddl_error);
}

TEST(DdlIdentifier, QuotesLiteralsByDoublingQuotes) {
  EXPECT_EQ(ddl::quote_literal("NEW"), "'NEW'");
  EXPECT_EQ(ddl::quote_literal("it's"), "'it''s'");
  EXPECT_EQ(ddl::quote_literal("'); DROP TABLE x; --"), "'''); DROP TABLE x; --'");
  EXPECT_THROW(ddl::quote_literal(std::string("a\0b", 3)), ddl::ddl_error);
}

namespace {
std::optional<std::string> render(const char* json) {
  return ddl::render_default(boost::json::parse(json));
}
}  // namespace

TEST(DdlIdentifier, RendersDefaultsInTwentySpelling) {
  EXPECT_EQ(render(R"("'NEW'")"), "'NEW'");
  EXPECT_EQ(render(R"("''")"), "''");
  EXPECT_EQ(render(R"("'it''s'")"), "'it''s'");
  EXPECT_EQ(render(R"("now")"), "now()");
  EXPECT_EQ(render(R"("uuid")"), "gen_random_uuid()");
  EXPECT_EQ(render("0"), "0");
  EXPECT_EQ(render("-7"), "-7");
  EXPECT_EQ(render("1.5"), "1.5");
  EXPECT_EQ(render("true"), "true");
  EXPECT_EQ(render("false"), "false");
  EXPECT_EQ(render("null"), std::nullopt);
  EXPECT_EQ(render(R"(["'A'","'B'"])"), "ARRAY['A', 'B']");
  EXPECT_EQ(render("[]"), "'{}'");
}

TEST(DdlIdentifier, RefusesDefaultsThatAreNotLiterals) {
  // An unquoted string or a literal with a stray quote would splice SQL; both are refused.
  for (const char* bad : {R"("NEW")", R"("'a'; DROP TABLE x; --'")", R"("'a' || current_user")",
                          R"("now(); DROP")", R"({"a":1})", R"("'")"}) {
    EXPECT_THROW(render(bad), ddl::ddl_error) << bad;
  }
}

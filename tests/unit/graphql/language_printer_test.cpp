// Printer: graphql-js's canonical layout for every construct, and print(parse(x)) as a fixed
// point: printing what it printed gives the same text.
#include <gtest/gtest.h>

#include <string>

#include "graphql/language/block_string.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/language/printer.hpp"

namespace cohort::graphql::language {
namespace {

std::string reprint(std::string_view source) {
  auto doc = parse(source, parse_options::trusted());
  EXPECT_TRUE(doc.ok()) << source << "\n" << (doc.ok() ? "" : doc.error().message);
  return doc.ok() ? print(*doc) : std::string();
}

TEST(GraphqlPrinter, PrintsQueriesInCanonicalForm) {
  EXPECT_EQ(reprint("query { id, name }"), "{\n  id\n  name\n}");
  EXPECT_EQ(reprint("query Q { a }"), "query Q {\n  a\n}");
  EXPECT_EQ(reprint("query @d { a }"), "query @d {\n  a\n}");
  EXPECT_EQ(reprint("query ($a: Int) { a }"), "query ($a: Int) {\n  a\n}");
  EXPECT_EQ(reprint("mutation { a }"), "mutation {\n  a\n}");
  EXPECT_EQ(reprint("{ a: b(c: 1, d: [1,2], e: {f: $g}) @h(i: null) { j } }"),
            "{\n  a: b(c: 1, d: [1, 2], e: {f: $g}) @h(i: null) {\n    j\n  }\n}");
  EXPECT_EQ(reprint("{ ...F @d ... on T { a } ... @e { b } }"),
            "{\n  ...F @d\n  ... on T {\n    a\n  }\n  ... @e {\n    b\n  }\n}");
  EXPECT_EQ(reprint("fragment F on T @d { a }"), "fragment F on T @d {\n  a\n}");
  EXPECT_EQ(reprint("query Q($a: [Int!]! = [1] @d, $b: E = A) { a }"),
            "query Q($a: [Int!]! = [1] @d, $b: E = A) {\n  a\n}");
  EXPECT_EQ(reprint("{ a } { b }"), "{\n  a\n}\n\n{\n  b\n}");
}

TEST(GraphqlPrinter, WrapsArgumentsPastEightyColumns) {
  EXPECT_EQ(reprint("{ field(argumentNumberOne: \"a fairly long value\", argumentNumberTwo: "
                    "\"another long value\") }"),
            "{\n  field(\n    argumentNumberOne: \"a fairly long value\"\n    argumentNumberTwo: "
            "\"another long value\"\n  )\n}");
  // Directive arguments never wrap.
  std::string directive =
      "@d(argumentNumberOne: \"a fairly long value\", argumentNumberTwo: "
      "\"another long value\")";
  EXPECT_EQ(reprint("{ f " + directive + " }"), "{\n  f " + directive + "\n}");
}

TEST(GraphqlPrinter, PutsDescribedVariablesOnTheirOwnLines) {
  EXPECT_EQ(reprint("query (\"d\" $a: Int, $b: Int) { a }"),
            "query (\n\"d\"\n$a: Int\n$b: Int\n) {\n  a\n}");
}

TEST(GraphqlPrinter, PrintsStringsWithGraphqlJsEscapes) {
  EXPECT_EQ(print_string("plain"), "\"plain\"");
  EXPECT_EQ(print_string("q\"b\\n\nt\tc\x01\x7F"), R"("q\"b\\n\nt\tc\u0001\u007F")");
  EXPECT_EQ(print_string("\xC2\x85 \xC2\xA0 \xC3\xA9"), "\"\\u0085 \xC2\xA0 \xC3\xA9\"");
  EXPECT_EQ(print_string(std::string_view("\0\b\f\r\x0B", 5)), R"("\u0000\b\f\r\u000B")");
}

TEST(GraphqlPrinter, PrintsBlockStringsLikeGraphqlJs) {
  EXPECT_EQ(print_block_string(""), R"("""""")");
  EXPECT_EQ(print_block_string("one line"), R"("""one line""")");
  EXPECT_EQ(print_block_string(" leading space"), R"(""" leading space""")");
  EXPECT_EQ(print_block_string("two\nlines"), "\"\"\"\ntwo\nlines\n\"\"\"");
  EXPECT_EQ(print_block_string("  indented\n  lines"), "\"\"\"\n  indented\n  lines\n\"\"\"");
  EXPECT_EQ(print_block_string("ends with \""), "\"\"\"\nends with \"\n\"\"\"");
  EXPECT_EQ(print_block_string("ends with \\"), "\"\"\"\nends with \\\n\"\"\"");
  EXPECT_EQ(print_block_string("has \"\"\" inside"), R"("""has \""" inside""")");
  EXPECT_EQ(print_block_string(std::string(71, 'x')),
            "\"\"\"\n" + std::string(71, 'x') + "\n\"\"\"");
  EXPECT_EQ(print_block_string("two\nlines", true), "\"\"\"two\nlines\"\"\"");
  EXPECT_TRUE(is_printable_as_block_string("a\n  b"));
  EXPECT_FALSE(is_printable_as_block_string("\na"));
  EXPECT_FALSE(is_printable_as_block_string("a\n"));
  EXPECT_FALSE(is_printable_as_block_string("  a\n  b"));
  EXPECT_FALSE(is_printable_as_block_string("a\rb"));
}

TEST(GraphqlPrinter, IndentsBlockStringsWithTheirBlock) {
  EXPECT_EQ(reprint("{ a { b(c: \"\"\"\n  x\n  y\n\"\"\") } }"),
            "{\n  a {\n    b(c: \"\"\"\n    x\n    y\n    \"\"\")\n  }\n}");
}

TEST(GraphqlPrinter, PrintsTypeSystemDefinitions) {
  EXPECT_EQ(reprint(R"(
"""The schema"""
schema @a { query: Q mutation: M }
"Scalar" scalar S @b
type T implements I & J @c { "f" f("x" x: Int = 1 @d): [T!]! g(y: Int): Int }
interface I implements J { f: Int }
union U @e = A | B
enum E { A @deprecated "b" B }
input In @f { a: Int = 1 b: [In] }
directive @g(a: Int) repeatable on FIELD | OBJECT
extend schema @h
extend type T { h: Int }
extend union U = C
)"),
            R"("""The schema"""
schema @a {
  query: Q
  mutation: M
}

"Scalar"
scalar S @b

type T implements I & J @c {
  "f"
  f(
    "x"
    x: Int = 1 @d
  ): [T!]!
  g(y: Int): Int
}

interface I implements J {
  f: Int
}

union U @e = A | B

enum E {
  A @deprecated
  "b"
  B
}

input In @f {
  a: Int = 1
  b: [In]
}

directive @g(a: Int) repeatable on FIELD | OBJECT

extend schema @h

extend type T {
  h: Int
}

extend union U = C)");
}

TEST(GraphqlPrinter, PrintingIsAFixedPoint) {
  for (std::string_view source : {
           "query Q($a: Int = 1) @d { a: b(c: [1, {d: \"e\"}]) { ...F ... on T { g } } }",
           "fragment F on T { a(b: \"\"\"\n  block\n    indented\n\"\"\") }",
           "{ f(a: \"\\u00e9\\n\\\"\", b: 1.5e-3, c: -0, d: null, e: true, f: ENUM) }",
           "type T { f(a: Int, \"\"\"d\"\"\" b: Int): Int } scalar S directive @d on FIELD",
           "{ f(aVeryLongArgumentName: \"aVeryLongValue\", anotherLongArgumentName: 12345678) }",
       }) {
    std::string once = reprint(source);
    EXPECT_EQ(reprint(once), once) << source;
  }
}

TEST(GraphqlPrinter, PrintsAnyNode) {
  auto value = parse_value("{a: [1, \"x\"], b: $v}");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(print(value->root()), "{a: [1, \"x\"], b: $v}");
  auto type = parse_type("[ Int ! ] !");
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(print(type->root()), "[Int!]!");
}

}  // namespace
}  // namespace cohort::graphql::language

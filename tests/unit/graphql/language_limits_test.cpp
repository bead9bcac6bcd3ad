// Limits: the token budget and the nesting guard refuse hostile documents with a clean syntax
// error, whatever the nesting (100k `[` or `{`), and the deepest allowed document parses,
// prints and walks on a small thread stack.
#include <gtest/gtest.h>
#include <pthread.h>

#include <functional>
#include <string>

#include "graphql/language/parser.hpp"
#include "graphql/language/printer.hpp"
#include "graphql/language/visitor.hpp"

namespace cohort::graphql::language {
namespace {

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// `depth` nested selection sets: { a { a { ... } } }
std::string nested_selections(std::size_t depth) {
  return repeat("{ a ", depth) + repeat("}", depth);
}

std::string error_of(std::string_view source, const parse_options& options = {}) {
  auto result = parse(source, options);
  return result.ok() ? "parsed" : result.error().message;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t small_stack_bytes = 8 << 20;  // sanitizers multiply frame sizes
#else
constexpr std::size_t small_stack_bytes = 1 << 20;  // the deepest document needs about 400 KiB
#endif

// Runs f on a thread with a small stack, as a guard that recursion stays shallow.
void on_small_stack(std::size_t stack_bytes, const std::function<void()>& f) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, stack_bytes);
  pthread_t thread;
  auto* task = new std::function<void()>(f);
  auto run = [](void* arg) -> void* {
    auto* fn = static_cast<std::function<void()>*>(arg);
    (*fn)();
    delete fn;
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attributes, run, task), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
}

TEST(GraphqlLimits, RefusesDocumentsPastTheTokenBudget) {
  // `{` + n names + `}` is n + 2 tokens.
  std::string at_limit = "{" + repeat(" a", 14998) + " }";
  EXPECT_EQ(error_of(at_limit), "parsed");
  std::string over = "{" + repeat(" a", 14999) + " }";
  auto result = parse(over);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "Syntax Error: Document contains more that 15000 tokens. Parsing aborted.");
  EXPECT_EQ(result.error().offset, over.size() - 1);

  parse_options options;
  options.max_tokens = 0;
  EXPECT_EQ(error_of(over, options), "parsed");
  options.max_tokens = 3;
  EXPECT_EQ(error_of("# comments are free\n{ a # really\n}", options), "parsed");
  EXPECT_EQ(error_of("{ a b }", options),
            "Syntax Error: Document contains more that 3 tokens. Parsing aborted.");
}

TEST(GraphqlLimits, CountsTokensLikeGraphqlJs) {
  auto doc = parse("query Q($a: Int = 1) { f(x: [1, 2]) @d }  # comment");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->token_count(), 23u);
}

TEST(GraphqlLimits, RefusesDeepSelectionSetsAtTheConfiguredDepth) {
  parse_options options;
  options.max_depth = 3;
  EXPECT_EQ(error_of(nested_selections(3), options), "parsed");
  auto result = parse(nested_selections(4), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "Syntax Error: Document nesting exceeds 3 levels. Parsing aborted.");
  EXPECT_EQ(result.error().location, (source_location{1, 13}));
}

TEST(GraphqlLimits, DefaultDepthAllowsTypicalQueriesAndRefusesDeeperOnes) {
  EXPECT_EQ(error_of(nested_selections(128)), "parsed");
  EXPECT_EQ(error_of(nested_selections(129)),
            "Syntax Error: Document nesting exceeds 128 levels. Parsing aborted.");
  // Values and list types count too, on top of the selection sets around them.
  EXPECT_EQ(error_of("{ f(a: " + repeat("[", 200) + ") }"),
            "Syntax Error: Document nesting exceeds 128 levels. Parsing aborted.");
  EXPECT_EQ(error_of("query Q($a: " + repeat("[", 200) + "Int" + repeat("]", 200) + ") { a }"),
            "Syntax Error: Document nesting exceeds 128 levels. Parsing aborted.");
}

TEST(GraphqlLimits, HundredThousandNestedBracketsFailCleanly) {
  const std::size_t n = 100000;
  // Even with every limit lifted as far as it goes, nesting stops at max_depth_limit.
  parse_options lifted;
  lifted.max_tokens = 0;
  lifted.max_depth = 1000000;
  std::string depth_message = "Syntax Error: Document nesting exceeds " +
                              std::to_string(parse_options::max_depth_limit) +
                              " levels. Parsing aborted.";
  for (const parse_options& options : {parse_options{}, lifted}) {
    std::string expected =
        options.max_depth == 128
            ? "Syntax Error: Document nesting exceeds 128 levels. Parsing aborted."
            : depth_message;
    EXPECT_EQ(error_of("{ f(a: " + repeat("[", n) + ") }", options), expected);
    EXPECT_EQ(error_of("{ f(a: " + repeat("{a: ", n) + ") }", options), expected);
    EXPECT_EQ(error_of(repeat("{ a ", n), options), expected);
    EXPECT_EQ(error_of("query Q($v: " + repeat("[", n) + ") { a }", options), expected);
    auto value = parse_value(repeat("[", n), options);
    ASSERT_FALSE(value.ok());
    EXPECT_EQ(value.error().message, expected);
    auto type = parse_type(repeat("[", n), options);
    ASSERT_FALSE(type.ok());
    EXPECT_EQ(type.error().message, expected);
  }
  // A run of bare braces is a syntax error at the second brace, not a deep recursion.
  EXPECT_EQ(error_of(repeat("{", n)), "Syntax Error: Expected Name, found \"{\".");
}

TEST(GraphqlLimits, DeepestAllowedDocumentParsesPrintsAndWalksOnASmallStack) {
  const std::size_t depth = parse_options::max_depth_limit;
  std::string source = "query Q($v: " + repeat("[", depth) + "Int" + repeat("]", depth) +
                       ") { f(a: " + repeat("[", depth - 1) + repeat("]", depth - 1) + ") " +
                       nested_selections(depth - 1) + " }";
  std::string error;
  bool parsed = false;
  std::size_t fields = 0;
  std::size_t printed = 0;
  on_small_stack(small_stack_bytes, [&] {
    auto doc = parse(source, parse_options::trusted());
    parsed = doc.ok();
    if (!parsed) {
      error = doc.error().message;
      return;
    }
    struct counter {
      std::size_t n = 0;
      void enter(const field_node&) { ++n; }
    } count;
    visit(doc->root(), count);
    fields = count.n;
    printed = print(*doc).size();
  });
  EXPECT_TRUE(parsed) << error;
  EXPECT_EQ(fields, depth);
  EXPECT_GT(printed, depth * depth);  // indentation grows with depth
}

}  // namespace
}  // namespace cohort::graphql::language

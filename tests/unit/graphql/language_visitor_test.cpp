// Visitor: graphql-js visit order, typed enter/leave overloads, skip and stop.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graphql/language/parser.hpp"
#include "graphql/language/visitor.hpp"

namespace cohort::graphql::language {
namespace {

struct recorder {
  std::vector<std::string> events;
  void enter(const node& n) { events.push_back("enter " + std::string(kind_name(n.kind))); }
  void leave(const node& n) { events.push_back("leave " + std::string(kind_name(n.kind))); }
};

TEST(GraphqlVisitor, VisitsInGraphqlJsOrder) {
  auto doc = parse("{ a(x: 1) @d b }");
  ASSERT_TRUE(doc.ok());
  recorder r;
  EXPECT_TRUE(visit(doc->root(), r));
  EXPECT_EQ(r.events, (std::vector<std::string>{
                          "enter Document",
                          "enter OperationDefinition",
                          "enter SelectionSet",
                          "enter Field",
                          "enter Name",
                          "leave Name",
                          "enter Argument",
                          "enter Name",
                          "leave Name",
                          "enter IntValue",
                          "leave IntValue",
                          "leave Argument",
                          "enter Directive",
                          "enter Name",
                          "leave Name",
                          "leave Directive",
                          "leave Field",
                          "enter Field",
                          "enter Name",
                          "leave Name",
                          "leave Field",
                          "leave SelectionSet",
                          "leave OperationDefinition",
                          "leave Document",
                      }));
}

TEST(GraphqlVisitor, CallsTheMostSpecificOverload) {
  struct collector {
    std::vector<std::string> fields;
    std::vector<std::string> variables;
    int others = 0;
    void enter(const field_node& f) { fields.emplace_back(f.response_key()); }
    void enter(const variable_node& v) { variables.emplace_back(v.name.value); }
    void enter(const node&) { ++others; }
  } c;
  auto doc = parse("query Q($id: ID) { a: user(id: $id) { name } ...F } fragment F on T { x }");
  ASSERT_TRUE(doc.ok());
  visit(doc->root(), c);
  EXPECT_EQ(c.fields, (std::vector<std::string>{"a", "name", "x"}));
  EXPECT_EQ(c.variables, (std::vector<std::string>{"id", "id"}));
  EXPECT_GT(c.others, 10);
}

TEST(GraphqlVisitor, SkipLeavesOutChildrenAndStopEndsTheWalk) {
  auto doc = parse("{ a { b } c { d } e }");
  ASSERT_TRUE(doc.ok());
  struct skipper {
    std::vector<std::string> names;
    visit_action enter(const field_node& f) {
      names.emplace_back(f.name.value);
      if (f.name.value == "a") return visit_action::skip;
      if (f.name.value == "d") return visit_action::stop;
      return visit_action::proceed;
    }
  } s;
  EXPECT_FALSE(visit(doc->root(), s));
  EXPECT_EQ(s.names, (std::vector<std::string>{"a", "c", "d"}));
}

TEST(GraphqlVisitor, ForEachChildListsDirectChildren) {
  auto doc = parse("type T implements I @d { f: Int }");
  ASSERT_TRUE(doc.ok());
  std::vector<node_kind> kinds;
  for_each_child(*doc->definitions()[0], [&](const node& child) {
    kinds.push_back(child.kind);
    return true;
  });
  EXPECT_EQ(kinds, (std::vector<node_kind>{node_kind::name, node_kind::named_type,
                                           node_kind::directive, node_kind::field_definition}));
}

}  // namespace
}  // namespace cohort::graphql::language

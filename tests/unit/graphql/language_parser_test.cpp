// Parser: the AST it builds for each construct (kinds, names, values, locations), the
// non-throwing API, parse_value / parse_type, and graphql-js's error messages and locations.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "graphql/language/directive_location.hpp"
#include "graphql/language/parser.hpp"

namespace cohort::graphql::language {
namespace {

document parse_ok(std::string_view source) {
  auto result = parse(source);
  EXPECT_TRUE(result.ok()) << source << "\n" << (result.ok() ? "" : result.error().message);
  if (!result.ok()) return std::move(parse("{ failed }")).value();
  return std::move(result).value();
}

syntax_error parse_error(std::string_view source, const parse_options& options = {}) {
  auto result = parse(source, options);
  EXPECT_FALSE(result.ok()) << source;
  return result.ok() ? syntax_error{} : result.error();
}

template <class T>
const T& definition(const document& doc, std::uint32_t i = 0) {
  EXPECT_LT(i, doc.definitions().size());
  return as<T>(*doc.definitions()[i]);
}

const field_node& field(const selection_set_node& set, std::uint32_t i) {
  return as<field_node>(*set.selections[i]);
}

TEST(GraphqlParser, ParsesTheShorthandQuery) {
  auto doc = parse_ok("{ a }");
  ASSERT_EQ(doc.definitions().size(), 1u);
  const auto& op = definition<operation_definition_node>(doc);
  EXPECT_EQ(op.operation, operation_type::query);
  EXPECT_TRUE(op.name.empty());
  EXPECT_EQ(op.description, nullptr);
  ASSERT_EQ(op.selection_set->selections.size(), 1u);
  EXPECT_EQ(field(*op.selection_set, 0).name.value, "a");
  EXPECT_EQ(doc.root().loc.start, 0u);
  EXPECT_EQ(doc.root().loc.end, 5u);
  EXPECT_EQ(doc.token_count(), 3u);
}

TEST(GraphqlParser, ParsesOperationsWithVariablesDefaultsAndDirectives) {
  auto doc = parse_ok(R"(mutation Save($id: ID!, $tags: [String!] = ["a"] @dir, $n: Int = 3) @op {
    save(id: $id) { id }
  })");
  const auto& op = definition<operation_definition_node>(doc);
  EXPECT_EQ(op.operation, operation_type::mutation);
  EXPECT_EQ(op.name.value, "Save");
  ASSERT_EQ(op.variable_definitions.size(), 3u);

  const auto& id = op.variable_definitions[0];
  EXPECT_EQ(id.variable.name.value, "id");
  const auto& id_type = as<non_null_type_node>(*id.type);
  EXPECT_EQ(as<named_type_node>(*id_type.type).name.value, "ID");
  EXPECT_EQ(id.default_value, nullptr);

  const auto& tags = op.variable_definitions[1];
  const auto& list_type = as<list_type_node>(*tags.type);
  EXPECT_EQ(list_type.type->kind, node_kind::non_null_type);
  const auto& default_list = as<list_value_node>(*tags.default_value);
  ASSERT_EQ(default_list.values.size(), 1u);
  EXPECT_EQ(as<string_value_node>(*default_list.values[0]).value, "a");
  ASSERT_EQ(tags.directives.size(), 1u);
  EXPECT_EQ(tags.directives[0].name.value, "dir");

  EXPECT_EQ(as<int_value_node>(*op.variable_definitions[2].default_value).value, "3");
  ASSERT_EQ(op.directives.size(), 1u);
  EXPECT_EQ(op.directives[0].name.value, "op");

  const auto& save = field(*op.selection_set, 0);
  ASSERT_EQ(save.arguments.size(), 1u);
  EXPECT_EQ(save.arguments[0].name.value, "id");
  EXPECT_EQ(as<variable_node>(*save.arguments[0].value).name.value, "id");
}

TEST(GraphqlParser, ParsesAliasesArgumentsAndEveryValueKind) {
  auto doc = parse_ok(
      R"({ pic: picture(i: -12, f: 1.5e3, s: "x\ny", b: """ block """, t: true, n: null,
           e: RED, l: [1, [2]], o: {k: {j: $v}}) @include(if: $show) })");
  const auto& pic = field(*definition<operation_definition_node>(doc).selection_set, 0);
  EXPECT_EQ(pic.alias.value, "pic");
  EXPECT_EQ(pic.name.value, "picture");
  EXPECT_EQ(pic.response_key(), "pic");
  EXPECT_EQ(pic.selection_set, nullptr);
  const auto& args = pic.arguments;
  ASSERT_EQ(args.size(), 9u);
  EXPECT_EQ(as<int_value_node>(*args[0].value).value, "-12");
  EXPECT_EQ(as<float_value_node>(*args[1].value).value, "1.5e3");
  EXPECT_EQ(as<string_value_node>(*args[2].value).value, "x\ny");
  EXPECT_FALSE(as<string_value_node>(*args[2].value).block);
  EXPECT_EQ(as<string_value_node>(*args[3].value).value, " block ");
  EXPECT_TRUE(as<string_value_node>(*args[3].value).block);
  EXPECT_TRUE(as<boolean_value_node>(*args[4].value).value);
  EXPECT_EQ(args[5].value->kind, node_kind::null_value);
  EXPECT_EQ(as<enum_value_node>(*args[6].value).value, "RED");
  const auto& list = as<list_value_node>(*args[7].value);
  EXPECT_EQ(as<list_value_node>(*list.values[1]).values.size(), 1u);
  const auto& object = as<object_value_node>(*args[8].value);
  EXPECT_EQ(object.fields[0].name.value, "k");
  const auto& inner = as<object_value_node>(*object.fields[0].value);
  EXPECT_EQ(as<variable_node>(*inner.fields[0].value).name.value, "v");
  ASSERT_EQ(pic.directives.size(), 1u);
  EXPECT_EQ(pic.directives[0].arguments[0].name.value, "if");
}

TEST(GraphqlParser, ParsesFragmentsSpreadsAndInlineFragments) {
  auto doc = parse_ok(R"(
    query { node { ...UserFields @skip(if: false) ... on User { id } ... @defer { name } } }
    fragment UserFields on User @frag { id }
  )");
  const auto& node = field(*definition<operation_definition_node>(doc).selection_set, 0);
  const auto& selections = node.selection_set->selections;
  ASSERT_EQ(selections.size(), 3u);
  const auto& spread = as<fragment_spread_node>(*selections[0]);
  EXPECT_EQ(spread.name.value, "UserFields");
  EXPECT_EQ(spread.directives.size(), 1u);
  const auto& typed = as<inline_fragment_node>(*selections[1]);
  ASSERT_NE(typed.type_condition, nullptr);
  EXPECT_EQ(typed.type_condition->name.value, "User");
  const auto& untyped = as<inline_fragment_node>(*selections[2]);
  EXPECT_EQ(untyped.type_condition, nullptr);
  EXPECT_EQ(untyped.directives[0].name.value, "defer");

  const auto& fragment = definition<fragment_definition_node>(doc, 1);
  EXPECT_EQ(fragment.name.value, "UserFields");
  EXPECT_EQ(fragment.type_condition->name.value, "User");
  EXPECT_EQ(fragment.directives[0].name.value, "frag");
}

TEST(GraphqlParser, AcceptsKeywordsAsNames) {
  auto doc = parse_ok("query query { on fragment: subscription(true: false) ... on on { type } }");
  const auto& op = definition<operation_definition_node>(doc);
  EXPECT_EQ(op.name.value, "query");
  EXPECT_EQ(field(*op.selection_set, 0).name.value, "on");
  EXPECT_EQ(field(*op.selection_set, 1).alias.value, "fragment");
  EXPECT_EQ(as<inline_fragment_node>(*op.selection_set->selections[2]).type_condition->name.value,
            "on");
}

TEST(GraphqlParser, ParsesDescriptionsOnExecutableDefinitions) {
  auto doc =
      parse_ok(R"("Loads" query Q("The id" $id: ID) { a } """Frag""" fragment F on T { a })");
  const auto& op = definition<operation_definition_node>(doc);
  ASSERT_NE(op.description, nullptr);
  EXPECT_EQ(op.description->value, "Loads");
  ASSERT_NE(op.variable_definitions[0].description, nullptr);
  EXPECT_EQ(op.variable_definitions[0].description->value, "The id");
  const auto& fragment = definition<fragment_definition_node>(doc, 1);
  EXPECT_TRUE(fragment.description->block);
  EXPECT_EQ(fragment.loc.start, fragment.description->loc.start);
}

TEST(GraphqlParser, ParsesTypeSystemDefinitions) {
  auto doc = parse_ok(R"(
    schema @s { query: Q mutation: M }
    "A scalar" scalar Date @specifiedBy(url: "u")
    type User implements Node & Entity @key { id: ID! friends(first: Int = 10 @d): [User] }
    interface Node implements Entity { id: ID! }
    union Result @u = | User | Error
    enum Color { "red" RED GREEN @deprecated }
    input Filter { eq: String = "x" in: [String!] }
    """Directive""" directive @auth(role: String) repeatable on FIELD_DEFINITION | OBJECT
  )");
  ASSERT_EQ(doc.definitions().size(), 8u);
  const auto& schema = definition<schema_definition_node>(doc, 0);
  EXPECT_EQ(schema.operation_types[1].operation, operation_type::mutation);
  EXPECT_EQ(schema.operation_types[1].type.name.value, "M");
  EXPECT_EQ(definition<scalar_type_definition_node>(doc, 1).description->value, "A scalar");

  const auto& user = definition<object_type_definition_node>(doc, 2);
  EXPECT_EQ(user.interfaces.size(), 2u);
  EXPECT_EQ(user.interfaces[1].name.value, "Entity");
  const auto& friends = user.fields[1];
  EXPECT_EQ(friends.arguments[0].name.value, "first");
  EXPECT_EQ(as<int_value_node>(*friends.arguments[0].default_value).value, "10");
  EXPECT_EQ(friends.arguments[0].directives[0].name.value, "d");
  EXPECT_EQ(friends.type->kind, node_kind::list_type);

  EXPECT_EQ(definition<interface_type_definition_node>(doc, 3).interfaces[0].name.value, "Entity");
  const auto& result = definition<union_type_definition_node>(doc, 4);
  EXPECT_EQ(result.types.size(), 2u);
  EXPECT_EQ(result.directives[0].name.value, "u");
  const auto& color = definition<enum_type_definition_node>(doc, 5);
  EXPECT_EQ(color.values[0].description->value, "red");
  EXPECT_EQ(color.values[1].directives[0].name.value, "deprecated");
  const auto& filter = definition<input_object_type_definition_node>(doc, 6);
  EXPECT_EQ(filter.fields[1].name.value, "in");
  const auto& auth = definition<directive_definition_node>(doc, 7);
  EXPECT_TRUE(auth.repeatable);
  ASSERT_EQ(auth.locations.size(), 2u);
  EXPECT_EQ(parse_directive_location(auth.locations[0].value),
            directive_location::field_definition);
  EXPECT_EQ(parse_directive_location(auth.locations[1].value), directive_location::object);
}

TEST(GraphqlParser, ParsesTypeSystemExtensions) {
  auto doc = parse_ok(R"(
    extend schema @a { subscription: S }
    extend scalar Date @b
    extend type User implements Named { name: String }
    extend interface Node @c
    extend union Result = Other
    extend enum Color { BLUE }
    extend input Filter { ne: String }
  )");
  std::vector<node_kind> kinds;
  for (const auto* d : doc.definitions()) kinds.push_back(d->kind);
  EXPECT_EQ(kinds, (std::vector<node_kind>{
                       node_kind::schema_extension, node_kind::scalar_type_extension,
                       node_kind::object_type_extension, node_kind::interface_type_extension,
                       node_kind::union_type_extension, node_kind::enum_type_extension,
                       node_kind::input_object_type_extension}));
  for (const auto* d : doc.definitions()) EXPECT_TRUE(is_type_system_extension(d->kind));
  EXPECT_EQ(definition<object_type_extension_node>(doc, 2).description, nullptr);
  EXPECT_EQ(definition<object_type_extension_node>(doc, 2).fields[0].name.value, "name");
}

TEST(GraphqlParser, RecordsLocationsOfEveryNode) {
  auto doc = parse_ok("query Q {\n  alias: field(arg: [1, 2]) {\n    sub\n  }\n}\n");
  const auto& op = definition<operation_definition_node>(doc);
  EXPECT_EQ(op.loc.start, 0u);
  EXPECT_EQ(op.loc.end, 53u);  // the closing brace; the final line break is not part of it
  const auto& f = field(*op.selection_set, 0);
  EXPECT_EQ(doc.text(f), "alias: field(arg: [1, 2]) {\n    sub\n  }");
  EXPECT_EQ(doc.locate(f), (source_location{2, 3}));
  EXPECT_EQ(doc.text(f.name), "field");
  EXPECT_EQ(doc.text(f.arguments[0]), "arg: [1, 2]");
  EXPECT_EQ(doc.text(*f.arguments[0].value), "[1, 2]");
  const auto& sub = field(*f.selection_set, 0);
  EXPECT_EQ(doc.locate(sub), (source_location{3, 5}));
  EXPECT_EQ(doc.root().loc.end, 54u);
}

TEST(GraphqlParser, LocatorAgreesWithLocateOnEveryOffset) {
  std::string source = "query Q {\r\n  a\r  b(x: \"\xC3\xA9\xF0\x9F\x98\x80\")\n\n  c }";
  source_locator locator(source);
  for (std::uint32_t offset = 0; offset <= source.size(); ++offset) {
    if (offset > 0 && source[offset - 1] == '\r' && source[offset] == '\n') continue;
    EXPECT_EQ(locator.locate(offset), locate(source, offset)) << offset;
  }
  EXPECT_EQ(locator.locate(static_cast<std::uint32_t>(source.size())), (source_location{5, 6}));
}

TEST(GraphqlParser, ParsesStandaloneValuesAndTypes) {
  auto value = parse_value(R"({a: [1, "two", $three]})");
  ASSERT_TRUE(value.ok());
  const auto& object = as<object_value_node>(value->root());
  EXPECT_EQ(as<list_value_node>(*object.fields[0].value).values.size(), 3u);

  auto constant = parse_const_value("[1, $v]");
  ASSERT_FALSE(constant.ok());
  EXPECT_EQ(constant.error().message,
            R"(Syntax Error: Unexpected variable "$v" in constant value.)");
  EXPECT_EQ(constant.error().location, (source_location{1, 5}));

  auto type = parse_type("[[Int!]]!");
  ASSERT_TRUE(type.ok());
  const auto& outer = as<non_null_type_node>(type->root());
  const auto& list = as<list_type_node>(*outer.type);
  EXPECT_EQ(as<list_type_node>(*list.type).type->kind, node_kind::non_null_type);

  auto trailing = parse_type("Int Float");
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.error().message, R"(Syntax Error: Expected <EOF>, found Name "Float".)");
}

TEST(GraphqlParser, ReportsErrorsExactlyAsGraphqlJs) {
  struct expectation {
    std::string_view source;
    std::string_view message;
    source_location location;
  };
  for (const auto& [source, message, location] : std::vector<expectation>{
           // Recorded from Twenty 1.6.0 (spec/twenty-golden/errors.jsonl).
           {"query { people(first: 2) { edges { node { id } }",
            "Syntax Error: Expected Name, found <EOF>.",
            {1, 49}},
           {"", "Syntax Error: Unexpected <EOF>.", {1, 1}},
           {"{ a } }", "Syntax Error: Unexpected \"}\".", {1, 7}},
           {"{ ...MissingOn }\nfragment MissingOn Type",
            "Syntax Error: Expected \"on\", found Name \"Type\".",
            {2, 20}},
           {"{ field: {} }", "Syntax Error: Expected Name, found \"{\".", {1, 10}},
           {"notAnOperation Foo { field }",
            "Syntax Error: Unexpected Name \"notAnOperation\".",
            {1, 1}},
           {"...", "Syntax Error: Unexpected \"...\".", {1, 1}},
           {"{ \"\"", "Syntax Error: Expected Name, found String \"\".", {1, 3}},
           {"query Foo($x: Complex = { a: { b: [ $var ] } }) { field }",
            "Syntax Error: Unexpected variable \"$var\" in constant value.",
            {1, 37}},
           {"fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", {1, 10}},
           {"{ ...on }", "Syntax Error: Expected Name, found \"}\".", {1, 9}},
           {"\"desc\" { a }",
            "Syntax Error: Unexpected description, descriptions are not supported on shorthand "
            "queries.",
            {1, 1}},
           {"\"desc\" extend type T @a",
            "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.",
            {1, 1}},
           {"extend scalar Hello", "Syntax Error: Unexpected <EOF>.", {1, 20}},
           {"enum Hello { true }",
            "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.",
            {1, 14}},
           {"directive @foo on FIELD | INCORRECT_LOCATION",
            "Syntax Error: Unexpected Name \"INCORRECT_LOCATION\".",
            {1, 27}},
           {"type Hello { world(foo: Int = $x): String }",
            "Syntax Error: Unexpected variable \"$x\" in constant value.",
            {1, 31}},
           {"{ f(a: 1.5.3) }",
            "Syntax Error: Invalid number, expected digit but got: \".\".",
            {1, 11}},
       }) {
    auto e = parse_error(source);
    EXPECT_EQ(e.message, message) << source;
    EXPECT_EQ(e.location, location) << source;
  }
}

TEST(GraphqlParser, SharesOneDocumentAcrossThreads) {
  auto doc = std::make_shared<const document>(parse_ok("query Q { a { b c } }"));
  std::vector<std::thread> threads;
  std::vector<std::string> names(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([doc, &names, i] {
      const auto& op = as<operation_definition_node>(*doc->definitions()[0]);
      names[i] = std::string(field(*field(*op.selection_set, 0).selection_set, 1).name.value);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(names, std::vector<std::string>(4, "c"));
}

TEST(GraphqlParser, MovedDocumentsKeepTheirNodesValid) {
  auto doc = parse_ok("{ short }");
  document moved = std::move(doc);
  const auto& op = as<operation_definition_node>(*moved.definitions()[0]);
  EXPECT_EQ(field(*op.selection_set, 0).name.value, "short");
  EXPECT_EQ(moved.source(), "{ short }");
  EXPECT_GT(moved.memory_bytes(), moved.source().size());
}

}  // namespace
}  // namespace cohort::graphql::language

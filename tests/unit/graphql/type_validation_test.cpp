// Schema validation: each type-system rule of graphql-js's validateSchema (and the construction
// checks graphql-js throws) reported with graphql-js's message, several ways per rule, and valid
// schemas accepted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"

namespace {

using namespace cohort::graphql::type;
using ::testing::ElementsAre;

// Builds a schema whose Query has one field `f: String`, plus what `define` adds.
std::vector<std::string> errors_of(const std::function<void(schema_builder&)>& define,
                                   bool with_query = true) {
  schema_builder b;
  if (with_query) b.add_object("Query").field("f", "String");
  define(b);
  auto result = std::move(b).build();
  EXPECT_EQ(result.schema == nullptr, !result.errors.empty());
  return result.errors;
}

TEST(TypeValidation, AcceptsAValidSchema) {
  auto errors = errors_of([](schema_builder& b) {
    b.add_interface("Node").field("id", "ID!");
    b.add_object("User").implements("Node").field("id", "ID!");
    b.add_union("U").member("User");
    b.add_enum("E").value("A");
    b.add_input_object("I").field("a", "Int");
  });
  EXPECT_TRUE(errors.empty());
}

TEST(TypeValidation, RootTypes) {
  EXPECT_THAT(errors_of([](schema_builder&) {}, false),
              ElementsAre("Query root type must be provided."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) { b.add_input_object("Query").field("a", "Int"); }, false),
      ElementsAre("Query root type must be Object type, it cannot be Query."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) { b.add_enum("Mutation").value("A"); }),
      ElementsAre("Mutation root type must be Object type if provided, it cannot be Mutation."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) {
        b.add_scalar("Sub");
        b.subscription("Sub");
      }),
      ElementsAre("Subscription root type must be Object type if provided, it cannot be Sub."));
  // Explicit roots with other names are fine; without default names a lone "Query" is no root.
  schema_builder b;
  b.add_object("Root").field("f", "String");
  b.query("Root");
  EXPECT_TRUE(std::move(b).build());
  schema_builder c;
  c.add_object("Query").field("f", "String");
  c.default_root_names(false);
  EXPECT_THAT(std::move(c).build().errors, ElementsAre("Query root type must be provided."));
}

TEST(TypeValidation, ReservedNames) {
  const std::string reserved =
      " must not begin with \"__\", which is reserved by GraphQL introspection.";
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("__Bad").field("f", "String"); }),
              ElementsAre("Name \"__Bad\"" + reserved));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_object("T").field("__f", "String").arg("__a", "Int");
              }),
              ElementsAre("Name \"__f\"" + reserved, "Name \"__a\"" + reserved));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_enum("E").value("__V"); }),
              ElementsAre("Name \"__V\"" + reserved));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_input_object("I").field("__x", "Int"); }),
              ElementsAre("Name \"__x\"" + reserved));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_directive("__d").on(directive_location::field).arg("__a", "Int");
              }),
              ElementsAre("Name \"__d\"" + reserved, "Name \"__a\"" + reserved));
}

TEST(TypeValidation, NameSyntax) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("Bad-Name").field("f", "String"); }),
              ElementsAre("Names must only contain [_a-zA-Z0-9] but \"Bad-Name\" does not."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("T").field("1f", "String"); }),
              ElementsAre("Names must start with [_a-zA-Z] but \"1f\" does not."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_input_object("I").field("", "Int"); }),
              ElementsAre("Expected name to be a non-empty string."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_enum("E").value("true"); }),
              ElementsAre("Enum values cannot be named: true"));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_enum("E").value("null"); }),
              ElementsAre("Enum values cannot be named: null"));
}

TEST(TypeValidation, UnknownAndDuplicateTypes) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("T").field("f", "[Missing!]"); }),
              ElementsAre("Unknown type: \"Missing\"."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) { b.add_object("T").implements("Nope").field("f", "Int"); }),
      ElementsAre("Unknown type: \"Nope\"."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_union("U").member("Nobody"); }),
              ElementsAre("Unknown type: \"Nobody\"."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("T").field("f", "[Int"); }),
              ElementsAre("Invalid type reference: \"[Int\"."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) {
        b.add_object("T").field("f", "Int");
        b.add_enum("T").value("A");
      }),
      ElementsAre(
          "Schema must contain uniquely named types but contains multiple types named \"T\"."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("__Type").field("f", "Int"); }),
              ElementsAre("Schema must contain uniquely named types but contains multiple types "
                          "named \"__Type\"."));
}

TEST(TypeValidation, DuplicateMembers) {
  EXPECT_THAT(errors_of([](schema_builder& b) {
                auto& t = b.add_object("T");
                t.field("a", "Int");
                t.field("a", "String");
              }),
              ElementsAre("Field \"T.a\" can only be defined once."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                auto& f = b.add_object("T").field("f", "Int");
                f.arg("x", "Int");
                f.arg("x", "Int");
              }),
              ElementsAre("Argument \"T.f(x:)\" can only be defined once."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                auto& e = b.add_enum("E");
                for (int i = 0; i < 10; ++i) {
                  std::string name = "V";
                  name += std::to_string(i);
                  e.value(name);
                }
                e.value("V3");
              }),
              ElementsAre("Enum value \"E.V3\" can only be defined once."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                auto& i = b.add_input_object("I");
                i.field("a", "Int");
                i.field("a", "Int");
              }),
              ElementsAre("Field \"I.a\" can only be defined once."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_directive("d").on(directive_location::field);
                b.add_directive("d").on(directive_location::field);
              }),
              ElementsAre("There can be only one directive named \"@d\"."));
}

TEST(TypeValidation, FieldsAndTheirTypes) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_object("Empty"); }),
              ElementsAre("Type Empty must define one or more fields."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_interface("EmptyI"); }),
              ElementsAre("Type EmptyI must define one or more fields."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_input_object("In").field("a", "Int");
                b.add_object("T").field("f", "[In!]");
              }),
              ElementsAre("The type of T.f must be Output Type but got: [In!]."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) { b.add_object("T").field("f", "Int").arg("a", "Query!"); }),
      ElementsAre("The type of T.f(a:) must be Input Type but got: Query!."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_object("T").field("f", "Int").arg("a", "Int!").deprecate();
              }),
              ElementsAre("Required argument T.f(a:) cannot be deprecated."));
  // A non-null argument with a default is not required, so it may be deprecated.
  EXPECT_TRUE(errors_of([](schema_builder& b) {
                b.add_object("T").field("f", "Int").arg("a", "Int!").default_to(1).deprecate();
              }).empty());
}

TEST(TypeValidation, InputObjects) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_input_object("In"); }),
              ElementsAre("Input Object type In must define one or more fields."));
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_input_object("In").field("q", "Query"); }),
              ElementsAre("The type of In.q must be Input Type but got: Query."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_input_object("In").field("a", "String!").deprecate("old");
              }),
              ElementsAre("Required input field In.a cannot be deprecated."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                auto& in = b.add_input_object("In").set_one_of();
                in.field("a", "String!");
                in.field("b", "Int").default_to(3);
              }),
              ElementsAre("OneOf input field In.a must be nullable.",
                          "OneOf input field In.b cannot have a default value."));
}

TEST(TypeValidation, InputObjectCircularReferences) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_input_object("A").field("self", "A!"); }),
              ElementsAre("Cannot reference Input Object \"A\" within itself through a series of "
                          "non-null fields: \"self\"."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_input_object("A").field("b", "B!");
                b.add_input_object("B").field("c", "C!");
                b.add_input_object("C").field("a", "A!");
              }),
              ElementsAre("Cannot reference Input Object \"A\" within itself through a series of "
                          "non-null fields: \"b.c.a\"."));
  // Nullable fields and lists break the cycle.
  EXPECT_TRUE(errors_of([](schema_builder& b) {
                auto& a = b.add_input_object("A");
                a.field("maybe", "A");
                a.field("many", "[A!]!");
              }).empty());
}

TEST(TypeValidation, UnionMembers) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_union("U"); }),
              ElementsAre("Union type U must define one or more member types."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_object("A").field("f", "Int");
                b.add_union("U").member("A").member("A");
              }),
              ElementsAre("Union type U can only include type A once."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_interface("I").field("f", "Int");
                b.add_union("U").member("I").member("String");
              }),
              ElementsAre("Union type U can only include Object types, it cannot include I.",
                          "Union type U can only include Object types, it cannot include String."));
}

TEST(TypeValidation, EnumsNeedValues) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_enum("E"); }),
              ElementsAre("Enum type E must define one or more values."));
}

TEST(TypeValidation, InterfaceImplementation) {
  auto with_node = [](const std::function<void(schema_builder&)>& more) {
    return errors_of([&](schema_builder& b) {
      auto& node = b.add_interface("Node");
      node.field("id", "ID!").arg("format", "String");
      more(b);
    });
  };
  EXPECT_THAT(
      with_node([](schema_builder& b) { b.add_object("T").implements("Node").field("x", "Int"); }),
      ElementsAre("Interface field Node.id expected but T does not provide it."));
  EXPECT_THAT(with_node([](schema_builder& b) {
                b.add_object("T").implements("Node").field("id", "String!").arg("format", "String");
              }),
              ElementsAre("Interface field Node.id expects type ID! but T.id is type String!."));
  EXPECT_THAT(
      with_node([](schema_builder& b) { b.add_object("T").implements("Node").field("id", "ID"); }),
      ElementsAre("Interface field Node.id expects type ID! but T.id is type ID.",
                  "Interface field argument Node.id(format:) expected but T.id does not "
                  "provide it."));
  EXPECT_THAT(with_node([](schema_builder& b) {
                b.add_object("T").implements("Node").field("id", "ID!").arg("format", "String!");
              }),
              ElementsAre("Interface field argument Node.id(format:) expects type String but "
                          "T.id(format:) is type String!."));
  EXPECT_THAT(with_node([](schema_builder& b) {
                auto& id = b.add_object("T").implements("Node").field("id", "ID!");
                id.arg("format", "String");
                id.arg("extra", "Int!");
                id.arg("optional", "Int");
              }),
              ElementsAre("Object field T.id includes required argument extra that is missing from "
                          "the Interface field Node.id."));
  EXPECT_THAT(with_node([](schema_builder& b) {
                b.add_object("T")
                    .implements("Node")
                    .implements("Node")
                    .field("id", "ID!")
                    .arg("format", "String");
              }),
              ElementsAre("Type T can only implement Node once."));
  EXPECT_THAT(
      with_node([](schema_builder& b) { b.add_object("T").implements("Query").field("f", "Int"); }),
      ElementsAre("Type T must only implement Interface types, it cannot implement Query."));
}

TEST(TypeValidation, FieldTypesAreCovariant) {
  auto errors = errors_of([](schema_builder& b) {
    b.add_interface("Node").field("id", "ID!");
    auto& named = b.add_interface("Named");
    named.field("self", "Node");
    named.field("list", "[Node]");
    b.add_object("User").implements("Node").field("id", "ID!");
    b.add_union("Any").member("User");
    auto& t = b.add_object("T").implements("Named");
    t.field("self", "User!");     // object implementing the interface, non-null: a subtype
    t.field("list", "[User!]!");  // lists are covariant too
  });
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_THAT(
      errors_of([](schema_builder& b) {
        b.add_interface("Named").field("list", "[String]");
        b.add_object("T").implements("Named").field("list", "String");
      }),
      ElementsAre("Interface field Named.list expects type [String] but T.list is type String."));
}

TEST(TypeValidation, InterfacesImplementingInterfaces) {
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_interface("Node").field("id", "ID!");
                b.add_interface("Resource").implements("Node").field("id", "ID!");
                b.add_object("Image").implements("Resource").field("id", "ID!");
              }),
              ElementsAre("Type Image must implement Node because it is implemented by Resource."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) { b.add_interface("I").implements("I").field("f", "Int"); }),
      ElementsAre("Type I cannot implement itself because it would create a circular "
                  "reference."));
  EXPECT_THAT(
      errors_of([](schema_builder& b) {
        b.add_interface("A").implements("B").field("f", "Int");
        b.add_interface("B").implements("A").field("f", "Int");
      }),
      ElementsAre("Type A cannot implement B because it would create a circular reference.",
                  "Type B cannot implement A because it would create a circular reference."));
}

TEST(TypeValidation, Directives) {
  EXPECT_THAT(errors_of([](schema_builder& b) { b.add_directive("nowhere"); }),
              ElementsAre("Directive @nowhere must include 1 or more locations."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_directive("d").on(directive_location::field).arg("a", "Query");
              }),
              ElementsAre("The type of @d(a:) must be Input Type but got: Query."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                b.add_directive("d").on(directive_location::field).arg("a", "Int!").deprecate();
              }),
              ElementsAre("Required argument @d(a:) cannot be deprecated."));
  EXPECT_THAT(errors_of([](schema_builder& b) {
                auto& d = b.add_directive("d").on(directive_location::field);
                d.arg("a", "Int");
                d.arg("a", "Int");
              }),
              ElementsAre("Argument \"@d(a:)\" can only be defined once."));
}

TEST(TypeValidation, ReportsEveryErrorInGraphqlJsOrder) {
  // Roots first, then directives, then types in type-map order.
  schema_builder b;
  b.add_enum("E");
  b.add_union("U");
  b.add_directive("d");
  auto result = std::move(b).build();
  EXPECT_THAT(result.errors, ElementsAre("Query root type must be provided.",
                                         "Directive @d must include 1 or more locations.",
                                         "Enum type E must define one or more values.",
                                         "Union type U must define one or more member types."));
}

TEST(TypeValidation, AssumeValidSkipsValidationButNotResolution) {
  schema_builder b;
  b.add_enum("E");
  b.add_object("Query").field("e", "E");
  EXPECT_FALSE(schema_builder(std::move(b)).build());
  schema_builder c;
  c.add_enum("E");
  c.add_object("Query").field("e", "E");
  EXPECT_TRUE(std::move(c).build({.assume_valid = true}));
  schema_builder d;
  d.add_object("Query").field("e", "Nope");
  EXPECT_THAT(std::move(d).build({.assume_valid = true}).errors,
              ElementsAre("Unknown type: \"Nope\"."));
}

}  // namespace

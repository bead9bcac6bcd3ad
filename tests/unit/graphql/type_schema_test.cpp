// The built schema as validation and execution use it: graphql-js's type order, O(1) lookups,
// abstract-type queries, type references, meta fields, extension slots, sharing across threads,
// and the build time of a schema the size of a Twenty workspace.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "graphql/type/scalars_extra.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/utilities/type_comparators.hpp"

namespace {

using namespace cohort::graphql;
using namespace cohort::graphql::type;

struct resolver_slot : extension {
  explicit resolver_slot(int id) : id(id) {}
  int id;
};

// prefix + number (GCC 12 warns falsely on "literal" + std::to_string(i)).
std::string numbered(const char* prefix, int i) {
  std::string out(prefix);
  out += std::to_string(i);
  return out;
}

std::shared_ptr<const schema> sample() {
  schema_builder b;
  b.add_object("Query").field("node", "Node").arg("id", "ID!");
  b.add_interface("Node").field("id", "ID!");
  b.add_interface("Named").implements("Node").field("id", "ID!");
  auto& user = b.add_object("User").implements("Named").implements("Node");
  user.field("id", "ID!");
  user.field("name", "String").extend(std::make_shared<resolver_slot>(7));
  b.add_object("Pet").implements("Node").field("id", "ID!");
  b.add_union("Any").member("Pet").member("User");
  b.add_scalar(twenty_scalars::uuid());
  auto built = std::move(b).build();
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors.front());
  return built.schema;
}

std::vector<std::string> type_names(const schema& s) {
  std::vector<std::string> names;
  for (const auto* t : s.types()) names.push_back(t->name());
  return names;
}

TEST(TypeSchema, TypesComeInGraphqlJsCollectionOrder) {
  auto s = sample();
  // Added types keep their order; built-in scalars follow their first user; then the directives'
  // argument types, then the introspection types.
  EXPECT_THAT(
      type_names(*s),
      ::testing::ElementsAre("Query", "ID", "Node", "Named", "User", "String", "Pet", "Any", "UUID",
                             "Boolean", "__Schema", "__Type", "__TypeKind", "__Field",
                             "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"));
  for (std::size_t i = 0; i < s->types().size(); ++i) EXPECT_EQ(s->types()[i]->index(), i);
}

TEST(TypeSchema, LooksUpTypesFieldsAndDirectives) {
  auto s = sample();
  EXPECT_EQ(s->type("User")->kind(), type_kind::object);
  EXPECT_EQ(s->type("Nope"), nullptr);
  EXPECT_EQ(s->query_type(), s->type("Query"));
  EXPECT_EQ(s->mutation_type(), nullptr);
  const auto* user = as_object(s->type("User"));
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->field("name")->type.to_string(), "String");
  EXPECT_EQ(user->field("missing"), nullptr);
  EXPECT_EQ(as_object(s->type("Query"))->field("node")->arg("id")->type.to_string(), "ID!");
  ASSERT_EQ(user->interfaces().size(), 2u);
  EXPECT_EQ(user->interfaces()[0]->name(), "Named");
  EXPECT_NE(s->directive("include"), nullptr);
  EXPECT_NE(s->directive("oneOf"), nullptr);
  EXPECT_EQ(s->directive("nope"), nullptr);
  EXPECT_EQ(s->directives().size(), 5u);
}

TEST(TypeSchema, LooksUpFieldsOfLargeTypes) {
  schema_builder b;
  auto& q = b.add_object("Query");
  for (int i = 0; i < 300; ++i) q.field(numbered("f", i), "Int");
  auto built = std::move(b).build();
  ASSERT_TRUE(built);
  const auto* query = built.schema->query_type();
  for (int i = 0; i < 300; ++i) {
    const auto* f = query->field(numbered("f", i));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->name, numbered("f", i));
  }
  EXPECT_EQ(query->field("f300"), nullptr);
  EXPECT_EQ(query->fields()[0].name, "f0");  // declaration order is kept
}

TEST(TypeSchema, AnswersAbstractTypeQueries) {
  auto s = sample();
  const auto& node = *s->type("Node");
  const auto& any = *s->type("Any");
  const auto& user = *s->type("User");
  const auto& pet = *s->type("Pet");
  const auto& named = *s->type("Named");
  std::vector<std::string> possible;
  for (const auto* t : s->possible_types(node)) possible.push_back(t->name());
  EXPECT_THAT(possible, ::testing::ElementsAre("User", "Pet"));
  EXPECT_TRUE(s->is_sub_type(node, user));
  EXPECT_TRUE(s->is_sub_type(node, named));  // an interface implementing it
  EXPECT_TRUE(s->is_sub_type(any, pet));
  EXPECT_FALSE(s->is_sub_type(named, pet));
  EXPECT_FALSE(s->is_sub_type(user, user));  // not abstract
  EXPECT_EQ(as_interface(&node)->interface_implementations().size(), 1u);
  EXPECT_TRUE(utilities::do_types_overlap(*s, any, named));
  EXPECT_FALSE(utilities::do_types_overlap(*s, pet, named));
  EXPECT_TRUE(
      utilities::is_type_sub_type_of(*s, type_ref::non_null_of(type_ref(&user)), type_ref(&node)));
  EXPECT_FALSE(
      utilities::is_type_sub_type_of(*s, type_ref(&user), type_ref::non_null_of(type_ref(&node))));
}

TEST(TypeSchema, TypeReferencesWrapAndUnwrap) {
  auto s = sample();
  type_ref id(s->type("ID"));
  type_ref t =
      type_ref::non_null_of(type_ref::list_of(type_ref::list_of(type_ref::non_null_of(id))));
  EXPECT_EQ(t.to_string(), "[[ID!]]!");
  EXPECT_TRUE(t.is_non_null());
  EXPECT_EQ(t.of_type().to_string(), "[[ID!]]");
  EXPECT_TRUE(t.of_type().is_list());
  EXPECT_EQ(t.of_type().of_type().to_string(), "[ID!]");
  EXPECT_EQ(t.of_type().of_type().of_type().of_type().to_string(), "ID");
  EXPECT_TRUE(t.of_type().of_type().of_type().of_type().is_named());
  EXPECT_EQ(t.named()->name(), "ID");
  EXPECT_EQ(t.nullable(), t.of_type());
  EXPECT_EQ(type_ref::non_null_of(t), t);
  EXPECT_FALSE(t == t.of_type());
}

TEST(TypeSchema, HasMetaFieldsAndExtensionSlots) {
  auto s = sample();
  EXPECT_EQ(s->schema_meta_field().type.to_string(), "__Schema!");
  EXPECT_EQ(s->type_meta_field().type.to_string(), "__Type");
  EXPECT_EQ(s->type_meta_field().args.at(0).type.to_string(), "String!");
  EXPECT_EQ(s->typename_meta_field().type.to_string(), "String!");
  const auto* slot = as_object(s->type("User"))->field("name")->ext.get();
  ASSERT_NE(slot, nullptr);
  EXPECT_EQ(dynamic_cast<const resolver_slot*>(slot)->id, 7);
  EXPECT_EQ(as_object(s->type("User"))->field("id")->ext, nullptr);
}

TEST(TypeSchema, IsSharedAcrossThreads) {
  auto s = sample();
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([s, &found] {
      for (int i = 0; i < 1000; ++i) {
        if (s->is_sub_type(*s->type("Node"), *s->type("User")) &&
            as_object(s->type("User"))->field("name")) {
          ++found;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(found.load(), 4000);
}

TEST(TypeSchema, BuildsATwentySizedSchemaInMilliseconds) {
  // About the shape of Twenty's workspace schema: 843 types, ~7,500 fields and arguments.
  auto make = [] {
    schema_builder b;
    auto& q = b.add_object("Query");
    for (int i = 0; i < 320; ++i) {
      auto& o = b.add_object(numbered("Obj", i));
      o.describe(numbered("Object number ", i));
      for (int f = 0; f < 20; ++f) {
        o.field(numbered("field", f), f % 3 ? "String" : numbered("[Obj", (i + 1) % 320) + "!]");
      }
      q.field(numbered("obj", i), numbered("Obj", i)).arg("filter", numbered("In", i));
    }
    for (int i = 0; i < 450; ++i) {
      auto& in = b.add_input_object(numbered("In", i));
      for (int f = 0; f < 7; ++f) in.field(numbered("f", f), "Int");
    }
    for (int i = 0; i < 73; ++i) {
      auto& e = b.add_enum(numbered("E", i));
      for (int v = 0; v < 5; ++v) e.value(numbered("V", v));
    }
    return b;
  };
  double best = 1e9;
  std::size_t types = 0;
  for (int run = 0; run < 5; ++run) {
    schema_builder b = make();
    auto start = std::chrono::steady_clock::now();
    auto built = std::move(b).build();
    best = std::min(
        best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count());
    ASSERT_TRUE(built);
    types = built.schema->types().size();
  }
  std::cout << "[ timing   ] schema_builder::build: " << types << " types in " << best << " ms\n";
  EXPECT_GE(types, 850u);
  EXPECT_LT(best, 250.0);  // generous for sanitizer builds; a plain build takes a few ms
}

}  // namespace

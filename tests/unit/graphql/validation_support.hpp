// Shared helpers of the validation unit tests: a small schema in the spirit of graphql-js's
// validation harness and a `check` that parses, validates and renders errors as
// "message @line:col,line:col" strings, so expectations read like graphql-js's test tables.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/validation/validate.hpp"

namespace cohort::graphql::validation::testing {

inline std::shared_ptr<const type::schema> harness_schema() {
  static std::shared_ptr<const type::schema> schema = [] {
    type::schema_builder b;
    b.add_interface("Being").field("name", "String").arg("surname", "Boolean");
    b.add_interface("Pet").implements("Being").field("name", "String").arg("surname", "Boolean");
    auto& command = b.add_enum("DogCommand");
    command.value("SIT");
    command.value("HEEL");
    auto& dog = b.add_object("Dog").implements("Being").implements("Pet");
    dog.field("name", "String").arg("surname", "Boolean");
    dog.field("nickname", "String");
    dog.field("barks", "Boolean");
    dog.field("barkVolume", "Int");
    dog.field("doesKnowCommand", "Boolean").arg("dogCommand", "DogCommand");
    dog.field("isAtLocation", "Boolean").arg("x", "Int");
    dog.field("mother", "Dog");
    auto& cat = b.add_object("Cat").implements("Being").implements("Pet");
    cat.field("name", "String").arg("surname", "Boolean");
    cat.field("meows", "Boolean");
    b.add_union("CatOrDog").member("Cat").member("Dog");
    auto& human = b.add_object("Human").implements("Being");
    human.field("name", "String").arg("surname", "Boolean");
    human.field("pets", "[Pet]");
    human.field("iq", "Int");
    auto& in = b.add_input_object("ComplexInput");
    in.field("requiredField", "Boolean!");
    in.field("intField", "Int");
    in.field("nested", "ComplexInput");
    auto& one_of = b.add_input_object("OneOfInput").set_one_of();
    one_of.field("a", "String");
    one_of.field("b", "Int");
    auto& args = b.add_object("ComplicatedArgs");
    args.field("intArgField", "String").arg("intArg", "Int");
    args.field("nonNullIntArgField", "String").arg("nonNullIntArg", "Int!");
    args.field("stringListArgField", "String").arg("stringListArg", "[String]");
    args.field("complexArgField", "String").arg("complexArg", "ComplexInput");
    args.field("oneOfArgField", "String").arg("oneOfArg", "OneOfInput");
    auto& multi = args.field("multipleReqs", "String");
    multi.arg("req1", "Int!");
    multi.arg("req2", "Int!");
    auto& q = b.add_object("Query");
    q.field("dog", "Dog");
    q.field("cat", "Cat");
    q.field("pet", "Pet");
    q.field("catOrDog", "CatOrDog");
    q.field("human", "Human").arg("id", "ID");
    q.field("complicatedArgs", "ComplicatedArgs");
    q.field("scalar", "String");
    b.add_object("Mutation").field("touch", "Boolean");
    auto& s = b.add_object("Subscription");
    s.field("tick", "Int");
    s.field("dogAdded", "Dog");
    b.add_directive("onField").on(type::directive_location::field);
    b.add_directive("onQuery").on(type::directive_location::query);
    auto built = std::move(b).build();
    return built.schema;
  }();
  return schema;
}

inline std::vector<std::string> render(const std::vector<graphql_error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) {
    std::string line = e.message;
    if (!e.locations.empty()) {
      line += " @";
      for (std::size_t i = 0; i < e.locations.size(); ++i) {
        if (i) line += ",";
        line += std::to_string(e.locations[i].line) + ":" + std::to_string(e.locations[i].column);
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

inline std::vector<std::string> check(std::string_view source,
                                      validate_options options = validate_options::graphql_js(),
                                      const type::schema* schema = nullptr) {
  auto parsed = language::parse(source);
  if (!parsed) return {"syntax: " + parsed.error().message};
  return render(validate(schema ? *schema : *harness_schema(), *parsed, options));
}

}  // namespace cohort::graphql::validation::testing

// Writes what graphql-js checks in check.mjs: for a rich sample schema built here and for the two
// Twenty schemas rebuilt from their recorded introspection results, our introspection JSON and our
// printed SDL, plus a manifest naming the introspection result graphql-js should rebuild from.
// Usage: oracle_graphql_type_driver <output-dir> <shared-dir>
#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "graphql/type/scalars_extra.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/utilities/build_client_schema.hpp"
#include "graphql/utilities/introspection_from_schema.hpp"
#include "graphql/utilities/print_schema.hpp"

namespace json = boost::json;
using namespace cohort::graphql::type;
using namespace cohort::graphql::utilities;

namespace {

// With `expanding_defaults`, a default leaves out input fields that have defaults of their own.
// graphql-js's buildClientSchema fills those in, so that variant is compared after our own
// build_client_schema did the same.
schema_builder rich_schema(bool expanding_defaults) {
  schema_builder b;
  b.description("The oracle's sample schema.\nIt has every kind of type.");
  b.query("Root").mutation("Mutation").subscription("Events");

  b.add_directive("cacheControl")
      .describe("How long a field may be cached.")
      .on(directive_location::field_definition)
      .on(directive_location::object)
      .on(directive_location::interface)
      .arg("maxAge", "Int")
      .default_to(60);
  b.add_directive("tag")
      .set_repeatable()
      .on(directive_location::field)
      .on(directive_location::query)
      .on(directive_location::schema)
      .on(directive_location::scalar)
      .on(directive_location::argument_definition)
      .on(directive_location::union_type)
      .on(directive_location::enum_type)
      .on(directive_location::enum_value)
      .on(directive_location::input_object)
      .on(directive_location::input_field_definition)
      .on(directive_location::variable_definition)
      .on(directive_location::fragment_definition)
      .on(directive_location::fragment_spread)
      .on(directive_location::inline_fragment)
      .on(directive_location::mutation)
      .on(directive_location::subscription)
      .arg("name", "String!")
      .describe("The tag.");
  {
    auto& d = b.add_directive("legacy");
    d.describe("An old directive.").deprecate("Use @tag.").on(directive_location::field);
    d.arg("level", "Int").deprecate();
    d.arg("names", "[String!]").default_to(json::array{"a", "b\"c"});
  }

  b.add_scalar(twenty_scalars::date_time())
      .specified_by("https://scalars.graphql.org/andimarek/date-time");
  b.add_scalar(twenty_scalars::json());
  b.add_scalar("Opaque");

  b.add_interface("Node")
      .describe("An object with an ID.")
      .field("id", "ID!")
      .describe("The globally unique ID.");
  {
    auto& r = b.add_interface("Resource");
    r.implements("Node");
    r.field("id", "ID!");
    r.field("url", "String").arg("absolute", "Boolean").default_to(false);
  }
  {
    auto& img = b.add_object("Image");
    img.describe("  An image, described with leading spaces.")
        .implements("Resource")
        .implements("Node");
    img.field("id", "ID!");
    img.field("url", "String").arg("absolute", "Boolean").default_to(false);
    img.field("width", "Int").deprecate();
    img.field("height", "Int").deprecate("Use `size` instead, \"really\".");
    auto& size = img.field("size", "[[Int!]!]");
    size.describe("Width and height.\n\n  Indented second paragraph.");
    size.arg("unit", "Unit").describe("The unit.").default_to("PIXEL");
    size.arg("scale", "Float").describe("A \"\"\"scale\"\"\" factor").default_to(1.5);
    size.arg("steps", "[Float!]").default_to(json::array{0.000001, 1e21, -0.5, 1e-7, 3});
  }
  {
    auto& user = b.add_object("User");
    user.implements("Node").describe("A user ends with a quote\"");
    user.field("id", "ID!");
    user.field("name", "String!").describe("");
    user.field("avatar", "Image");
    user.field("role", "Role!");
    user.field("friends", "[User!]!")
        .arg("first", "Int")
        .default_to(10)
        .describe("How many.\nAt most 100.");
    user.field("metadata", "JSON").describe("Ends with a backslash \\");
    user.field("born", "DateTime");
    user.field("raw", "Opaque")
        .describe("A description with control characters \x01 and a tab\t, so not a block.");
  }
  b.add_union("SearchResult").describe("Anything a search finds.").member("User").member("Image");
  {
    auto& role = b.add_enum("Role");
    role.describe("What a user may do.");
    role.value("ADMIN").describe("Everything.");
    role.value("MEMBER");
    role.value("GUEST").deprecate("Guests are gone.");
    role.value("LEGACY").deprecate();
  }
  b.add_enum("Unit").value("PIXEL");
  b.add_enum("Unit2").value("CM").internal_value(2);
  {
    auto& filter = b.add_input_object("UserFilter");
    filter.describe("Filters users.");
    filter.field("name", "String").default_to("\u00e9t\u00e9 \"quoted\" \\ \n new line \u0085");
    filter.field("roles", "[Role!]").default_to(json::array{"ADMIN", "MEMBER"});
    filter.field("role", "[Role]").default_to(json::array{"GUEST", nullptr});
    filter.field("ids", "[ID!]").default_to(json::array{"123", "abc", 7});
    filter.field("old", "Boolean").deprecate("Not used.");
    filter.field("and", "[UserFilter!]");
    filter.field("nothing", "String").default_to(nullptr);
    filter.field("since", "DateTime").default_to("2024-01-02T03:04:05.000Z");
    filter.field("unit2", "Unit2").default_to(2);
    filter.field("big", "Float").default_to(-2147483648.0);
  }
  {
    auto& by = b.add_input_object("UserBy").set_one_of();
    by.describe("Exactly one way to find a user.");
    by.field("id", "ID");
    by.field("email", "String").describe("The e-mail address.");
  }
  {
    auto& page = b.add_input_object("Page");
    page.field("first", "Int");
    page.field("after", "String");
    page.field("order", "Order!");
  }
  {
    auto& order = b.add_input_object("Order");
    order.field("field", "String!");
    order.field("ascending", "Boolean");
  }
  {
    auto& root = b.add_object("Root");
    root.describe("The query root.");
    root.field("node", "Node").arg("id", "ID!");
    auto& users = root.field("users", "[User!]!");
    if (expanding_defaults) {
      users.arg("filter", "UserFilter")
          .default_to(json::object{{"name", "x"}, {"roles", json::array{"GUEST"}}});
    } else {
      users.arg("filter", "UserFilter");
    }
    users.arg("page", "Page")
        .default_to(json::object{{"order", json::object{{"field", "name"}, {"ascending", true}}},
                                 {"first", 10}});
    users.arg("legacy", "Boolean").deprecate("Ignored.");
    root.field("user", "User").arg("by", "UserBy!");
    root.field("search", "[SearchResult!]!").arg("text", "String!");
  }
  {
    auto& m = b.add_object("Mutation");
    m.field("rename", "User").arg("name", "String!");
  }
  b.add_object("Events").field("userChanged", "User!");
  return b;
}

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  return static_cast<bool>(out);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " <output-dir> <shared-dir>\n";
    return 2;
  }
  std::string out_dir = argv[1];
  std::string shared = argv[2];
  json::array cases;

  auto emit = [&](const std::string& name, const schema& s, const std::string& source) {
    json::value introspection = introspection_from_schema(s);
    if (!write_file(out_dir + "/" + name + ".json", json::serialize(introspection)) ||
        !write_file(out_dir + "/" + name + ".graphql", print_schema(s))) {
      return false;
    }
    cases.push_back(json::object{{"name", name}, {"source", source}});
    return true;
  };

  auto rich = rich_schema(false).build();
  auto expanding = rich_schema(true).build();
  for (const auto* r : {&rich, &expanding}) {
    for (const auto& e : r->errors) std::cerr << "rich schema: " << e << "\n";
    if (!*r) return 1;
  }
  if (!emit("rich", *rich.schema, out_dir + "/rich.json")) return 1;
  std::string source = out_dir + "/rich-defaults-source.json";
  json::value expanding_json = introspection_from_schema(*expanding.schema);
  if (!write_file(source, json::serialize(expanding_json))) return 1;
  auto rebuilt = build_client_schema(expanding_json);
  for (const auto& e : rebuilt.errors) std::cerr << "rich-defaults: " << e << "\n";
  if (!rebuilt || !emit("rich-defaults", *rebuilt.schema, source)) return 1;

  for (std::string name : {"introspection-metadata", "introspection-graphql"}) {
    std::string path = shared + "/spec/twenty-golden/" + name + ".json";
    json::value golden = json::parse(read_file(path));
    auto built = build_client_schema(golden);
    if (!built) {
      for (const auto& e : built.errors) std::cerr << name << ": " << e << "\n";
      return 1;
    }
    if (!emit(name, *built.schema, path)) return 1;
  }

  if (!write_file(out_dir + "/manifest.json", json::serialize(json::object{{"cases", cases}}))) {
    return 1;
  }
  return 0;
}

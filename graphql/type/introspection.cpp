#include "graphql/type/introspection.hpp"

#include <boost/json.hpp>
#include <utility>

namespace cohort::graphql::type {

namespace {

void add_bool_arg(field_config& f, const char* type) {
  f.arg("includeDeprecated", type).default_to(false);
}

schema_builder::entry make_object(object_config config) {
  return schema_builder::object_entry{std::move(config), false};
}

object_config schema_type() {
  object_config t;
  t.name = "__Schema";
  t.describe(
      "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available "
      "types and directives on the server, as well as the entry points for query, mutation, and "
      "subscription operations.");
  t.field("description", "String");
  t.field("types", "[__Type!]!").describe("A list of all types supported by this server.");
  t.field("queryType", "__Type!").describe("The type that query operations will be rooted at.");
  t.field("mutationType", "__Type")
      .describe(
          "If this server supports mutation, the type that mutation operations will be rooted "
          "at.");
  t.field("subscriptionType", "__Type")
      .describe(
          "If this server support subscription, the type that subscription operations will be "
          "rooted at.");
  auto& directives = t.field("directives", "[__Directive!]!");
  directives.describe("A list of all directives supported by this server.");
  add_bool_arg(directives, "Boolean!");
  return t;
}

object_config directive_type() {
  object_config t;
  t.name = "__Directive";
  t.describe(
      "A Directive provides a way to describe alternate runtime execution and type validation "
      "behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter "
      "GraphQL's execution behavior in ways field arguments will not suffice, such as "
      "conditionally including or skipping a field. Directives provide this by describing "
      "additional information to the executor.");
  t.field("name", "String!");
  t.field("description", "String");
  t.field("isRepeatable", "Boolean!");
  t.field("locations", "[__DirectiveLocation!]!");
  add_bool_arg(t.field("args", "[__InputValue!]!"), "Boolean");
  t.field("isDeprecated", "Boolean!");
  t.field("deprecationReason", "String");
  return t;
}

enum_config directive_location_type() {
  enum_config e;
  e.name = "__DirectiveLocation";
  e.describe(
      "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation "
      "describes one such possible adjacencies.");
  const std::pair<const char*, const char*> values[] = {
      {"QUERY", "Location adjacent to a query operation."},
      {"MUTATION", "Location adjacent to a mutation operation."},
      {"SUBSCRIPTION", "Location adjacent to a subscription operation."},
      {"FIELD", "Location adjacent to a field."},
      {"FRAGMENT_DEFINITION", "Location adjacent to a fragment definition."},
      {"FRAGMENT_SPREAD", "Location adjacent to a fragment spread."},
      {"INLINE_FRAGMENT", "Location adjacent to an inline fragment."},
      {"VARIABLE_DEFINITION", "Location adjacent to a variable definition."},
      {"SCHEMA", "Location adjacent to a schema definition."},
      {"SCALAR", "Location adjacent to a scalar definition."},
      {"OBJECT", "Location adjacent to an object type definition."},
      {"FIELD_DEFINITION", "Location adjacent to a field definition."},
      {"ARGUMENT_DEFINITION", "Location adjacent to an argument definition."},
      {"INTERFACE", "Location adjacent to an interface definition."},
      {"UNION", "Location adjacent to a union definition."},
      {"ENUM", "Location adjacent to an enum definition."},
      {"ENUM_VALUE", "Location adjacent to an enum value definition."},
      {"INPUT_OBJECT", "Location adjacent to an input object type definition."},
      {"INPUT_FIELD_DEFINITION", "Location adjacent to an input object field definition."},
      {"DIRECTIVE_DEFINITION", "Location adjacent to a directive definition."},
  };
  for (const auto& [name, description] : values) e.value(name).describe(description);
  return e;
}

object_config type_type() {
  object_config t;
  t.name = "__Type";
  t.describe(
      "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in "
      "GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, "
      "certain fields describe information about that type. Scalar types provide no information "
      "beyond a name, description and optional `specifiedByURL`, while Enum types provide their "
      "values. Object and Interface types provide the fields they describe. Abstract types, Union "
      "and Interface, provide the Object types possible at runtime. List and NonNull types "
      "compose other types.");
  t.field("kind", "__TypeKind!");
  t.field("name", "String");
  t.field("description", "String");
  t.field("specifiedByURL", "String");
  add_bool_arg(t.field("fields", "[__Field!]"), "Boolean");
  t.field("interfaces", "[__Type!]");
  t.field("possibleTypes", "[__Type!]");
  add_bool_arg(t.field("enumValues", "[__EnumValue!]"), "Boolean");
  add_bool_arg(t.field("inputFields", "[__InputValue!]"), "Boolean");
  t.field("ofType", "__Type");
  t.field("isOneOf", "Boolean");
  return t;
}

object_config field_type() {
  object_config t;
  t.name = "__Field";
  t.describe(
      "Object and Interface types are described by a list of Fields, each of which has a name, "
      "potentially a list of arguments, and a return type.");
  t.field("name", "String!");
  t.field("description", "String");
  add_bool_arg(t.field("args", "[__InputValue!]!"), "Boolean");
  t.field("type", "__Type!");
  t.field("isDeprecated", "Boolean!");
  t.field("deprecationReason", "String");
  return t;
}

object_config input_value_type() {
  object_config t;
  t.name = "__InputValue";
  t.describe(
      "Arguments provided to Fields or Directives and the input fields of an InputObject are "
      "represented as Input Values which describe their type and optionally a default value.");
  t.field("name", "String!");
  t.field("description", "String");
  t.field("type", "__Type!");
  t.field("defaultValue", "String")
      .describe("A GraphQL-formatted string representing the default value for this input value.");
  t.field("isDeprecated", "Boolean!");
  t.field("deprecationReason", "String");
  return t;
}

object_config enum_value_type() {
  object_config t;
  t.name = "__EnumValue";
  t.describe(
      "One possible value for a given Enum. Enum values are unique values, not a placeholder for "
      "a string or numeric value. However an Enum value is returned in a JSON response as a "
      "string.");
  t.field("name", "String!");
  t.field("description", "String");
  t.field("isDeprecated", "Boolean!");
  t.field("deprecationReason", "String");
  return t;
}

enum_config type_kind_type() {
  enum_config e;
  e.name = "__TypeKind";
  e.describe("An enum describing what kind of type a given `__Type` is.");
  e.value("SCALAR").describe("Indicates this type is a scalar.");
  e.value("OBJECT").describe(
      "Indicates this type is an object. `fields` and `interfaces` are valid fields.");
  e.value("INTERFACE")
      .describe(
          "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are "
          "valid fields.");
  e.value("UNION").describe("Indicates this type is a union. `possibleTypes` is a valid field.");
  e.value("ENUM").describe("Indicates this type is an enum. `enumValues` is a valid field.");
  e.value("INPUT_OBJECT")
      .describe("Indicates this type is an input object. `inputFields` is a valid field.");
  e.value("LIST").describe("Indicates this type is a list. `ofType` is a valid field.");
  e.value("NON_NULL").describe("Indicates this type is a non-null. `ofType` is a valid field.");
  return e;
}

}  // namespace

bool is_introspection_type_name(std::string_view name) {
  return name == "__Schema" || name == "__Directive" || name == "__DirectiveLocation" ||
         name == "__Type" || name == "__Field" || name == "__InputValue" || name == "__EnumValue" ||
         name == "__TypeKind";
}

std::vector<schema_builder::entry> introspection_type_entries() {
  std::vector<schema_builder::entry> out;
  out.reserve(8);
  out.push_back(make_object(schema_type()));
  out.push_back(make_object(directive_type()));
  out.emplace_back(directive_location_type());
  out.push_back(make_object(type_type()));
  out.push_back(make_object(field_type()));
  out.push_back(make_object(input_value_type()));
  out.push_back(make_object(enum_value_type()));
  out.emplace_back(type_kind_type());
  return out;
}

std::vector<directive_config> specified_directive_configs() {
  std::vector<directive_config> out(5);
  auto& include = out[0];
  include.name = "include";
  include
      .describe(
          "Directs the executor to include this field or fragment only when the `if` argument is "
          "true.")
      .on(directive_location::field)
      .on(directive_location::fragment_spread)
      .on(directive_location::inline_fragment);
  include.arg("if", "Boolean!").describe("Included when true.");

  auto& skip = out[1];
  skip.name = "skip";
  skip.describe(
          "Directs the executor to skip this field or fragment when the `if` argument is true.")
      .on(directive_location::field)
      .on(directive_location::fragment_spread)
      .on(directive_location::inline_fragment);
  skip.arg("if", "Boolean!").describe("Skipped when true.");

  auto& deprecated = out[2];
  deprecated.name = "deprecated";
  deprecated.describe("Marks an element of a GraphQL schema as no longer supported.")
      .on(directive_location::field_definition)
      .on(directive_location::argument_definition)
      .on(directive_location::input_field_definition)
      .on(directive_location::enum_value)
      .on(directive_location::directive_definition);
  deprecated.arg("reason", "String")
      .describe(
          "Explains why this element was deprecated, usually also including a suggestion for how "
          "to access supported similar data. Formatted using the Markdown syntax, as specified by "
          "[CommonMark](https://commonmark.org/).")
      .default_to(boost::json::string(default_deprecation_reason));

  auto& specified_by = out[3];
  specified_by.name = "specifiedBy";
  specified_by.describe("Exposes a URL that specifies the behavior of this scalar.")
      .on(directive_location::scalar);
  specified_by.arg("url", "String!")
      .describe("The URL that specifies the behavior of this scalar.");

  auto& one_of = out[4];
  one_of.name = "oneOf";
  one_of.describe("Indicates exactly one field must be supplied and this field must not be `null`.")
      .on(directive_location::input_object);
  return out;
}

}  // namespace cohort::graphql::type

#include "graphql/language/ast.hpp"

#include <array>

namespace cohort::graphql::language {

namespace {
constexpr std::array<std::string_view, 43> kind_names = {
    "Name",
    "Document",
    "OperationDefinition",
    "VariableDefinition",
    "SelectionSet",
    "Field",
    "Argument",
    "FragmentSpread",
    "InlineFragment",
    "FragmentDefinition",
    "Variable",
    "IntValue",
    "FloatValue",
    "StringValue",
    "BooleanValue",
    "NullValue",
    "EnumValue",
    "ListValue",
    "ObjectValue",
    "ObjectField",
    "Directive",
    "NamedType",
    "ListType",
    "NonNullType",
    "SchemaDefinition",
    "OperationTypeDefinition",
    "ScalarTypeDefinition",
    "ObjectTypeDefinition",
    "FieldDefinition",
    "InputValueDefinition",
    "InterfaceTypeDefinition",
    "UnionTypeDefinition",
    "EnumTypeDefinition",
    "EnumValueDefinition",
    "InputObjectTypeDefinition",
    "DirectiveDefinition",
    "SchemaExtension",
    "ScalarTypeExtension",
    "ObjectTypeExtension",
    "InterfaceTypeExtension",
    "UnionTypeExtension",
    "EnumTypeExtension",
    "InputObjectTypeExtension",
};
static_assert(kind_names.size() ==
              static_cast<std::size_t>(node_kind::input_object_type_extension) + 1);

bool in_range(node_kind kind, node_kind first, node_kind last) {
  return kind >= first && kind <= last;
}
}  // namespace

std::string_view kind_name(node_kind kind) {
  return kind_names[static_cast<std::size_t>(kind)];
}

std::string_view to_string(operation_type operation) {
  switch (operation) {
    case operation_type::query:
      return "query";
    case operation_type::mutation:
      return "mutation";
    case operation_type::subscription:
      return "subscription";
  }
  return "query";
}

bool is_executable_definition(node_kind kind) {
  return kind == node_kind::operation_definition || kind == node_kind::fragment_definition;
}

bool is_type_system_definition(node_kind kind) {
  switch (kind) {
    case node_kind::schema_definition:
    case node_kind::scalar_type_definition:
    case node_kind::object_type_definition:
    case node_kind::interface_type_definition:
    case node_kind::union_type_definition:
    case node_kind::enum_type_definition:
    case node_kind::input_object_type_definition:
    case node_kind::directive_definition:
      return true;
    default:
      return false;
  }
}

bool is_type_system_extension(node_kind kind) {
  return in_range(kind, node_kind::schema_extension, node_kind::input_object_type_extension);
}

bool is_definition(node_kind kind) {
  return is_executable_definition(kind) || is_type_system_definition(kind) ||
         is_type_system_extension(kind);
}

bool is_selection(node_kind kind) {
  return kind == node_kind::field || kind == node_kind::fragment_spread ||
         kind == node_kind::inline_fragment;
}

bool is_value(node_kind kind) {
  return in_range(kind, node_kind::variable, node_kind::object_value);
}

bool is_type(node_kind kind) {
  return in_range(kind, node_kind::named_type, node_kind::non_null_type);
}

}  // namespace cohort::graphql::language

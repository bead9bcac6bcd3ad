// Type-system definitions and extensions (graphql-js Parser, "Type Definition" sections).
#include "graphql/language/directive_location.hpp"
#include "graphql/language/parser_impl.hpp"

namespace cohort::graphql::language::detail {

bool parser::peek_description() const {
  return peek(token_kind::string_value) || peek(token_kind::block_string);
}

const string_value_node* parser::parse_description() {
  return peek_description() ? parse_string_literal() : nullptr;
}

// nullptr when `keyword` starts no type-system definition.
const definition_node* parser::parse_type_system_definition(std::string_view keyword) {
  if (keyword == "schema") return parse_schema_like<schema_definition_node>(false);
  if (keyword == "scalar") return parse_scalar_like<scalar_type_definition_node>(false);
  if (keyword == "type") return parse_object_like<object_type_definition_node>("type", false);
  if (keyword == "interface") {
    return parse_object_like<interface_type_definition_node>("interface", false);
  }
  if (keyword == "union") return parse_union_like<union_type_definition_node>(false);
  if (keyword == "enum") return parse_enum_like<enum_type_definition_node>(false);
  if (keyword == "input") return parse_input_object_like<input_object_type_definition_node>(false);
  if (keyword == "directive") return parse_directive_definition();
  return nullptr;
}

const definition_node* parser::parse_type_system_extension() {
  token keyword = lexer_.lookahead();
  if (keyword.kind == token_kind::name) {
    std::string_view k = keyword.value;
    if (k == "schema") return parse_schema_like<schema_extension_node>(true);
    if (k == "scalar") return parse_scalar_like<scalar_type_extension_node>(true);
    if (k == "type") return parse_object_like<object_type_extension_node>("type", true);
    if (k == "interface")
      return parse_object_like<interface_type_extension_node>("interface", true);
    if (k == "union") return parse_union_like<union_type_extension_node>(true);
    if (k == "enum") return parse_enum_like<enum_type_extension_node>(true);
    if (k == "input") return parse_input_object_like<input_object_type_extension_node>(true);
  }
  unexpected(keyword);
}

template <class N>
void parser::parse_definition_start(N& n, std::string_view keyword, bool extension) {
  if (extension) {
    expect_keyword("extend");
  } else {
    n.description = parse_description();
  }
  expect_keyword(keyword);
}

template <class N>
const definition_node* parser::parse_schema_like(bool extension) {
  std::uint32_t start = current().start;
  auto* n = make<N>(start);
  parse_definition_start(*n, "schema", extension);
  n->directives = parse_directives(true);
  auto parse_item = [this] { return parse_operation_type_definition(); };
  if (extension) {
    n->operation_types = optional_many(token_kind::brace_l, stacks_.operation_types, parse_item,
                                       token_kind::brace_r);
    if (n->directives.empty() && n->operation_types.empty()) unexpected();
  } else {
    n->operation_types =
        many(token_kind::brace_l, stacks_.operation_types, parse_item, token_kind::brace_r);
  }
  n->loc = loc_from(start);
  return n;
}

operation_type_definition_node parser::parse_operation_type_definition() {
  std::uint32_t start = current().start;
  operation_type_definition_node d;
  d.operation = parse_operation_type();
  expect(token_kind::colon);
  d.type = parse_named_type();
  d.loc = loc_from(start);
  return d;
}

template <class N>
const definition_node* parser::parse_scalar_like(bool extension) {
  std::uint32_t start = current().start;
  auto* n = make<N>(start);
  parse_definition_start(*n, "scalar", extension);
  n->name = parse_name();
  n->directives = parse_directives(true);
  if (extension && n->directives.empty()) unexpected();
  n->loc = loc_from(start);
  return n;
}

template <class N>
const definition_node* parser::parse_object_like(std::string_view keyword, bool extension) {
  std::uint32_t start = current().start;
  auto* n = make<N>(start);
  parse_definition_start(*n, keyword, extension);
  n->name = parse_name();
  n->interfaces = parse_implements_interfaces();
  n->directives = parse_directives(true);
  n->fields = parse_fields_definition();
  if (extension && n->interfaces.empty() && n->directives.empty() && n->fields.empty()) {
    unexpected();
  }
  n->loc = loc_from(start);
  return n;
}

node_span<named_type_node> parser::parse_implements_interfaces() {
  if (!expect_optional_keyword("implements")) return {};
  return delimited_many(token_kind::amp, stacks_.named_types,
                        [this] { return parse_named_type(); });
}

node_span<field_definition_node> parser::parse_fields_definition() {
  return optional_many(
      token_kind::brace_l, stacks_.field_definitions, [this] { return parse_field_definition(); },
      token_kind::brace_r);
}

field_definition_node parser::parse_field_definition() {
  std::uint32_t start = current().start;
  field_definition_node f;
  f.description = parse_description();
  f.name = parse_name();
  f.arguments = parse_argument_defs();
  expect(token_kind::colon);
  f.type = parse_type_reference();
  f.directives = parse_directives(true);
  f.loc = loc_from(start);
  return f;
}

node_span<input_value_definition_node> parser::parse_argument_defs() {
  return optional_many(
      token_kind::paren_l, stacks_.input_values, [this] { return parse_input_value_def(); },
      token_kind::paren_r);
}

input_value_definition_node parser::parse_input_value_def() {
  std::uint32_t start = current().start;
  input_value_definition_node v;
  v.description = parse_description();
  v.name = parse_name();
  expect(token_kind::colon);
  v.type = parse_type_reference();
  if (expect_optional(token_kind::equals)) v.default_value = parse_value_literal(true);
  v.directives = parse_directives(true);
  v.loc = loc_from(start);
  return v;
}

template <class N>
const definition_node* parser::parse_union_like(bool extension) {
  std::uint32_t start = current().start;
  auto* n = make<N>(start);
  parse_definition_start(*n, "union", extension);
  n->name = parse_name();
  n->directives = parse_directives(true);
  n->types = parse_union_member_types();
  if (extension && n->directives.empty() && n->types.empty()) unexpected();
  n->loc = loc_from(start);
  return n;
}

node_span<named_type_node> parser::parse_union_member_types() {
  if (!expect_optional(token_kind::equals)) return {};
  return delimited_many(token_kind::pipe, stacks_.named_types,
                        [this] { return parse_named_type(); });
}

template <class N>
const definition_node* parser::parse_enum_like(bool extension) {
  std::uint32_t start = current().start;
  auto* n = make<N>(start);
  parse_definition_start(*n, "enum", extension);
  n->name = parse_name();
  n->directives = parse_directives(true);
  n->values = parse_enum_values_definition();
  if (extension && n->directives.empty() && n->values.empty()) unexpected();
  n->loc = loc_from(start);
  return n;
}

node_span<enum_value_definition_node> parser::parse_enum_values_definition() {
  return optional_many(
      token_kind::brace_l, stacks_.enum_values, [this] { return parse_enum_value_definition(); },
      token_kind::brace_r);
}

enum_value_definition_node parser::parse_enum_value_definition() {
  std::uint32_t start = current().start;
  enum_value_definition_node v;
  v.description = parse_description();
  v.name = parse_enum_value_name();
  v.directives = parse_directives(true);
  v.loc = loc_from(start);
  return v;
}

name_node parser::parse_enum_value_name() {
  const token& t = current();
  if (t.kind >= token_kind::name &&
      (t.value == "true" || t.value == "false" || t.value == "null")) {
    fail_reserved_enum_value();
  }
  return parse_name();
}

template <class N>
const definition_node* parser::parse_input_object_like(bool extension) {
  std::uint32_t start = current().start;
  auto* n = make<N>(start);
  parse_definition_start(*n, "input", extension);
  n->name = parse_name();
  n->directives = parse_directives(true);
  n->fields = parse_input_fields_definition();
  if (extension && n->directives.empty() && n->fields.empty()) unexpected();
  n->loc = loc_from(start);
  return n;
}

node_span<input_value_definition_node> parser::parse_input_fields_definition() {
  return optional_many(
      token_kind::brace_l, stacks_.input_values, [this] { return parse_input_value_def(); },
      token_kind::brace_r);
}

const definition_node* parser::parse_directive_definition() {
  std::uint32_t start = current().start;
  auto* d = make<directive_definition_node>(start);
  d->description = parse_description();
  expect_keyword("directive");
  expect(token_kind::at);
  d->name = parse_name();
  d->arguments = parse_argument_defs();
  d->repeatable = expect_optional_keyword("repeatable");
  expect_keyword("on");
  d->locations = delimited_many(token_kind::pipe, stacks_.names, [this] {
    name_node name = parse_name();
    if (!parse_directive_location(name.value)) unexpected(name);
    return name;
  });
  d->loc = loc_from(start);
  return d;
}

}  // namespace cohort::graphql::language::detail

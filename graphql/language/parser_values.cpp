// Values, arguments, directives and type references (graphql-js Parser, "Values" to "Types").
#include "graphql/language/parser_impl.hpp"

namespace cohort::graphql::language::detail {

node_span<argument_node> parser::parse_arguments(bool is_const) {
  return optional_many(
      token_kind::paren_l, stacks_.arguments, [this, is_const] { return parse_argument(is_const); },
      token_kind::paren_r);
}

argument_node parser::parse_argument(bool is_const) {
  std::uint32_t start = current().start;
  argument_node a;
  a.name = parse_name();
  expect(token_kind::colon);
  a.value = parse_value_literal(is_const);
  a.loc = loc_from(start);
  return a;
}

const value_node* parser::parse_value_literal(bool is_const) {
  // Fields are read before advancing: graphql-js lexes the next token (and reports its errors)
  // before building the node.
  const token& t = current();
  const std::uint32_t start = t.start;
  const std::uint32_t end = t.end;
  const std::string_view text = t.value;
  switch (t.kind) {
    case token_kind::bracket_l:
      return parse_list(is_const);
    case token_kind::brace_l:
      return parse_object(is_const);
    case token_kind::int_value:
      return scalar_literal<int_value_node>(start, end, text);
    case token_kind::float_value:
      return scalar_literal<float_value_node>(start, end, text);
    case token_kind::string_value:
    case token_kind::block_string:
      return parse_string_literal();
    case token_kind::name:
      if (text == "true" || text == "false") {
        auto* b = scalar_literal<boolean_value_node>(start, end, {});
        b->value = text == "true";
        return b;
      }
      if (text == "null") return scalar_literal<null_value_node>(start, end, {});
      return scalar_literal<enum_value_node>(start, end, text);
    case token_kind::dollar: {
      if (is_const) {
        token dollar = t;
        expect(token_kind::dollar);
        if (current().kind == token_kind::name) fail_variable_in_constant(dollar.start);
        unexpected(dollar);
      }
      auto* v = arena_.make<variable_node>();
      *v = parse_variable();
      return v;
    }
    default:
      unexpected();
  }
}

const value_node* parser::parse_list(bool is_const) {
  std::uint32_t start = current().start;
  depth_guard guard(*this, start);
  auto* list = make<list_value_node>(start);
  list->values = any(
      token_kind::bracket_l, stacks_.values,
      [this, is_const] { return parse_value_literal(is_const); }, token_kind::bracket_r);
  list->loc = loc_from(start);
  return list;
}

const value_node* parser::parse_object(bool is_const) {
  std::uint32_t start = current().start;
  depth_guard guard(*this, start);
  auto* object = make<object_value_node>(start);
  object->fields = any(
      token_kind::brace_l, stacks_.object_fields,
      [this, is_const] { return parse_object_field(is_const); }, token_kind::brace_r);
  object->loc = loc_from(start);
  return object;
}

object_field_node parser::parse_object_field(bool is_const) {
  std::uint32_t start = current().start;
  object_field_node f;
  f.name = parse_name();
  expect(token_kind::colon);
  f.value = parse_value_literal(is_const);
  f.loc = loc_from(start);
  return f;
}

const string_value_node* parser::parse_string_literal() {
  const token& t = current();
  auto* s = make<string_value_node>(t.start);
  s->loc.end = t.end;
  s->value = t.value;
  s->block = t.kind == token_kind::block_string;
  advance();
  return s;
}

node_span<directive_node> parser::parse_directives(bool is_const) {
  std::size_t mark = stacks_.directives.size();
  while (peek(token_kind::at)) {
    directive_node d = parse_directive(is_const);
    stacks_.directives.push_back(d);
  }
  return take(stacks_.directives, mark);
}

directive_node parser::parse_directive(bool is_const) {
  std::uint32_t start = current().start;
  expect(token_kind::at);
  directive_node d;
  d.name = parse_name();
  d.arguments = parse_arguments(is_const);
  d.loc = loc_from(start);
  return d;
}

const type_node* parser::parse_type_reference() {
  std::uint32_t start = current().start;
  const type_node* type;
  if (peek(token_kind::bracket_l)) {
    depth_guard guard(*this, start);
    advance();
    auto* list = make<list_type_node>(start);
    list->type = parse_type_reference();
    expect(token_kind::bracket_r);
    list->loc = loc_from(start);
    type = list;
  } else {
    type = parse_named_type_pointer();
  }
  if (expect_optional(token_kind::bang)) {
    auto* non_null = make<non_null_type_node>(start);
    non_null->type = type;
    non_null->loc = loc_from(start);
    return non_null;
  }
  return type;
}

named_type_node parser::parse_named_type() {
  std::uint32_t start = current().start;
  named_type_node n;
  n.name = parse_name();
  n.loc = loc_from(start);
  return n;
}

const named_type_node* parser::parse_named_type_pointer() {
  auto* n = arena_.make<named_type_node>();
  *n = parse_named_type();
  return n;
}

}  // namespace cohort::graphql::language::detail

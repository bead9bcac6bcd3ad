// Internal: the recursive-descent parser behind parser.hpp, a line-by-line port of graphql-js's
// `Parser` so that every error names the same token at the same place. Children are gathered on
// per-thread scratch stacks and copied once into the arena when their list closes.
#pragma once

#include <string>
#include <vector>

#include "graphql/language/arena.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/language/lexer.hpp"
#include "graphql/language/parser.hpp"

namespace cohort::graphql::language::detail {

struct scratch_stacks {
  std::vector<const definition_node*> definitions;
  std::vector<const selection_node*> selections;
  std::vector<argument_node> arguments;
  std::vector<directive_node> directives;
  std::vector<const value_node*> values;
  std::vector<object_field_node> object_fields;
  std::vector<variable_definition_node> variable_definitions;
  std::vector<named_type_node> named_types;
  std::vector<field_definition_node> field_definitions;
  std::vector<input_value_definition_node> input_values;
  std::vector<enum_value_definition_node> enum_values;
  std::vector<operation_type_definition_node> operation_types;
  std::vector<name_node> names;

  void clear();
};

class parser {
 public:
  // `source` must come from copy_source into `storage`.
  parser(std::string_view source, arena& storage, const parse_options& options);

  const document_node* parse_document();
  const value_node* parse_value_literal(bool is_const);
  const type_node* parse_type_reference();
  void expect_token(token_kind kind) { expect(kind); }
  std::uint32_t token_count() const { return token_count_; }

 private:
  // ---- token helpers (graphql-js names) ----
  const token& current() const { return lexer_.current(); }
  bool peek(token_kind kind) const { return current().kind == kind; }
  void advance();
  void expect(token_kind kind);
  bool expect_optional(token_kind kind);
  void expect_keyword(std::string_view keyword);
  bool expect_optional_keyword(std::string_view keyword);
  [[noreturn]] void unexpected() const { unexpected(current()); }
  // Error reports, kept out of line (see lexer::fail).
  [[noreturn, gnu::cold, gnu::noinline]] void unexpected(const token& t) const;
  [[noreturn, gnu::cold, gnu::noinline]] void unexpected(const name_node& name) const;
  [[noreturn, gnu::cold, gnu::noinline]] void fail_expected(token_kind kind) const;
  [[noreturn, gnu::cold, gnu::noinline]] void fail_expected_keyword(std::string_view keyword) const;
  [[noreturn, gnu::cold, gnu::noinline]] void fail_too_many_tokens() const;
  [[noreturn, gnu::cold, gnu::noinline]] void fail_too_deep(std::uint32_t position) const;
  [[noreturn, gnu::cold, gnu::noinline]] void fail_variable_in_constant(
      std::uint32_t position) const;
  [[noreturn, gnu::cold, gnu::noinline]] void fail_reserved_enum_value() const;
  location loc_from(std::uint32_t start) const { return {start, lexer_.last_end()}; }
  template <class T>
  T* make(std::uint32_t start);  // a node whose location starts at `start`; set loc when done
  template <class T>
  node_span<T> take(std::vector<T>& stack, std::size_t mark);

  // Nesting guard for recursive constructs.
  struct depth_guard {
    depth_guard(parser& p, std::uint32_t position);
    ~depth_guard() { --p.depth_; }
    parser& p;
  };

  // The items of a list whose opening token is consumed, through `close`.
  template <class T, class F>
  node_span<T> items_until(token_kind close, std::vector<T>& stack, F& parse_item,
                           bool at_least_one);
  // `open item+ close` when `open` is present, else nothing.
  template <class T, class F>
  node_span<T> optional_many(token_kind open, std::vector<T>& stack, F parse_item,
                             token_kind close);
  // `open item+ close`.
  template <class T, class F>
  node_span<T> many(token_kind open, std::vector<T>& stack, F parse_item, token_kind close);
  // `open item* close`.
  template <class T, class F>
  node_span<T> any(token_kind open, std::vector<T>& stack, F parse_item, token_kind close);
  // `delimiter? item (delimiter item)*`.
  template <class T, class F>
  node_span<T> delimited_many(token_kind delimiter, std::vector<T>& stack, F parse_item);

  // ---- executable definitions (parser.cpp) ----
  const definition_node* parse_definition();
  const operation_definition_node* parse_operation_definition();
  operation_type parse_operation_type();
  node_span<variable_definition_node> parse_variable_definitions();
  variable_definition_node parse_variable_definition();
  variable_node parse_variable();
  const selection_set_node* parse_selection_set();
  const selection_node* parse_selection();
  const field_node* parse_field();
  const selection_node* parse_fragment();
  const fragment_definition_node* parse_fragment_definition();
  name_node parse_fragment_name();
  name_node parse_name();

  // ---- values, directives, types (parser_values.cpp) ----
  node_span<argument_node> parse_arguments(bool is_const);
  argument_node parse_argument(bool is_const);
  const value_node* parse_list(bool is_const);
  const value_node* parse_object(bool is_const);
  object_field_node parse_object_field(bool is_const);
  const string_value_node* parse_string_literal();
  // An int, float, boolean, null or enum literal: one token, consumed here.
  template <class T>
  T* scalar_literal(std::uint32_t start, std::uint32_t end, std::string_view text) {
    advance();
    T* n = make<T>(start);
    n->loc.end = end;
    if constexpr (requires { n->value = text; }) n->value = text;
    return n;
  }
  node_span<directive_node> parse_directives(bool is_const);
  directive_node parse_directive(bool is_const);
  named_type_node parse_named_type();
  const named_type_node* parse_named_type_pointer();

  // ---- type system (parser_type_system.cpp) ----
  bool peek_description() const;
  const string_value_node* parse_description();
  // A type-system definition (`extension` false, after an optional description) or its
  // extension (after `extend`); N is the node struct both share.
  template <class N>
  const definition_node* parse_schema_like(bool extension);
  template <class N>
  const definition_node* parse_scalar_like(bool extension);
  template <class N>
  const definition_node* parse_object_like(std::string_view keyword, bool extension);
  template <class N>
  const definition_node* parse_union_like(bool extension);
  template <class N>
  const definition_node* parse_enum_like(bool extension);
  template <class N>
  const definition_node* parse_input_object_like(bool extension);
  template <class N>
  void parse_definition_start(N& n, std::string_view keyword, bool extension);
  const definition_node* parse_type_system_definition(std::string_view keyword);
  const definition_node* parse_type_system_extension();
  operation_type_definition_node parse_operation_type_definition();
  node_span<named_type_node> parse_implements_interfaces();
  node_span<field_definition_node> parse_fields_definition();
  field_definition_node parse_field_definition();
  node_span<input_value_definition_node> parse_argument_defs();
  input_value_definition_node parse_input_value_def();
  node_span<named_type_node> parse_union_member_types();
  node_span<enum_value_definition_node> parse_enum_values_definition();
  enum_value_definition_node parse_enum_value_definition();
  name_node parse_enum_value_name();
  node_span<input_value_definition_node> parse_input_fields_definition();
  const definition_node* parse_directive_definition();

  lexer lexer_;
  arena& arena_;
  scratch_stacks& stacks_;
  std::uint32_t max_tokens_;
  std::uint32_t max_depth_;
  std::uint32_t depth_ = 0;
  std::uint32_t token_count_ = 0;
};

template <class T>
T* parser::make(std::uint32_t start) {
  T* n = arena_.make<T>();
  n->loc.start = start;
  return n;
}

template <class T>
node_span<T> parser::take(std::vector<T>& stack, std::size_t mark) {
  std::size_t n = stack.size() - mark;
  const T* items = arena_.copy(stack.data() + mark, n);
  stack.resize(mark);
  return {items, static_cast<std::uint32_t>(n)};
}

template <class T, class F>
node_span<T> parser::items_until(token_kind close, std::vector<T>& stack, F& parse_item,
                                 bool at_least_one) {
  std::size_t mark = stack.size();
  if (at_least_one || !expect_optional(close)) {
    do {
      T item = parse_item();  // before push_back: parse_item pushes its own children first
      stack.push_back(item);
    } while (!expect_optional(close));
  }
  return take(stack, mark);
}

template <class T, class F>
node_span<T> parser::optional_many(token_kind open, std::vector<T>& stack, F parse_item,
                                   token_kind close) {
  if (!expect_optional(open)) return {};
  return items_until(close, stack, parse_item, true);
}

template <class T, class F>
node_span<T> parser::many(token_kind open, std::vector<T>& stack, F parse_item, token_kind close) {
  expect(open);
  return items_until(close, stack, parse_item, true);
}

template <class T, class F>
node_span<T> parser::any(token_kind open, std::vector<T>& stack, F parse_item, token_kind close) {
  expect(open);
  return items_until(close, stack, parse_item, false);
}

template <class T, class F>
node_span<T> parser::delimited_many(token_kind delimiter, std::vector<T>& stack, F parse_item) {
  expect_optional(delimiter);
  std::size_t mark = stack.size();
  do {
    T item = parse_item();
    stack.push_back(item);
  } while (expect_optional(delimiter));
  return take(stack, mark);
}

}  // namespace cohort::graphql::language::detail

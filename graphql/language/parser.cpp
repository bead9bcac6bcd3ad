#include "graphql/language/parser.hpp"

#include <algorithm>
#include <limits>
#include <type_traits>

#include "graphql/language/parser_impl.hpp"

namespace cohort::graphql::language {
namespace detail {

void scratch_stacks::clear() {
  // Empty, keeping capacity for the next parse, unless one huge document inflated a stack.
  auto reset = [](auto& stack) {
    if (stack.capacity() > 65536) {
      std::remove_reference_t<decltype(stack)>().swap(stack);
    } else {
      stack.clear();
    }
  };
  reset(definitions);
  reset(selections);
  reset(arguments);
  reset(directives);
  reset(values);
  reset(object_fields);
  reset(variable_definitions);
  reset(named_types);
  reset(field_definitions);
  reset(input_values);
  reset(enum_values);
  reset(operation_types);
  reset(names);
}

namespace {
// Reused by every parse on a thread, so a parse allocates little beyond its arena.
scratch_stacks& thread_scratch() {
  thread_local scratch_stacks stacks;
  stacks.clear();
  return stacks;
}
}  // namespace

parser::parser(std::string_view source, arena& storage, const parse_options& options)
    : lexer_(source, storage),
      arena_(storage),
      stacks_(thread_scratch()),
      max_tokens_(options.max_tokens),
      max_depth_(std::min(options.max_depth, parse_options::max_depth_limit)) {}

parser::depth_guard::depth_guard(parser& owner, std::uint32_t position) : p(owner) {
  if (++p.depth_ > p.max_depth_) p.fail_too_deep(position);
}

void parser::advance() {
  const token& t = lexer_.advance();
  if (t.kind != token_kind::eof) {
    ++token_count_;
    if (max_tokens_ != 0 && token_count_ > max_tokens_) fail_too_many_tokens();
  }
}

void parser::expect(token_kind kind) {
  if (current().kind != kind) fail_expected(kind);
  advance();
}

bool parser::expect_optional(token_kind kind) {
  if (current().kind != kind) return false;
  advance();
  return true;
}

void parser::expect_keyword(std::string_view keyword) {
  const token& t = current();
  if (t.kind != token_kind::name || t.value != keyword) fail_expected_keyword(keyword);
  advance();
}

bool parser::expect_optional_keyword(std::string_view keyword) {
  const token& t = current();
  if (t.kind != token_kind::name || t.value != keyword) return false;
  advance();
  return true;
}

void parser::unexpected(const token& t) const {
  lexer_.fail(t.start, "Unexpected " + describe(t) + ".");
}

void parser::unexpected(const name_node& name) const {
  lexer_.fail(name.loc.start, "Unexpected Name \"" + std::string(name.value) + "\".");
}

void parser::fail_expected(token_kind kind) const {
  lexer_.fail(current().start,
              "Expected " + describe(kind) + ", found " + describe(current()) + ".");
}

void parser::fail_expected_keyword(std::string_view keyword) const {
  lexer_.fail(current().start,
              "Expected \"" + std::string(keyword) + "\", found " + describe(current()) + ".");
}

void parser::fail_too_many_tokens() const {
  lexer_.fail(current().start, "Document contains more that " + std::to_string(max_tokens_) +
                                   " tokens. Parsing aborted.");
}

void parser::fail_too_deep(std::uint32_t position) const {
  lexer_.fail(position, "Document nesting exceeds " + std::to_string(max_depth_) +
                            " levels. Parsing aborted.");
}

// At `$`, which is followed by the current token.
void parser::fail_variable_in_constant(std::uint32_t position) const {
  lexer_.fail(position,
              "Unexpected variable \"$" + std::string(current().value) + "\" in constant value.");
}

void parser::fail_reserved_enum_value() const {
  lexer_.fail(current().start,
              describe(current()) + " is reserved and cannot be used for an enum value.");
}

name_node parser::parse_name() {
  const token& t = current();
  if (t.kind != token_kind::name) fail_expected(token_kind::name);
  name_node n;
  n.loc = {t.start, t.end};
  n.value = t.value;
  advance();
  return n;
}

const document_node* parser::parse_document() {
  std::uint32_t start = current().start;
  auto* doc = make<document_node>(start);
  doc->definitions = many(
      token_kind::sof, stacks_.definitions, [this] { return parse_definition(); }, token_kind::eof);
  doc->loc = loc_from(start);
  return doc;
}

const definition_node* parser::parse_definition() {
  if (peek(token_kind::brace_l)) return parse_operation_definition();
  // Many definitions begin with a description and require a lookahead.
  bool has_description = peek_description();
  token keyword = has_description ? lexer_.lookahead() : current();
  if (has_description && keyword.kind == token_kind::brace_l) {
    lexer_.fail(current().start,
                "Unexpected description, descriptions are not supported on shorthand queries.");
  }
  if (keyword.kind == token_kind::name) {
    std::string_view k = keyword.value;
    if (const definition_node* d = parse_type_system_definition(k)) return d;
    if (k == "query" || k == "mutation" || k == "subscription") {
      return parse_operation_definition();
    }
    if (k == "fragment") return parse_fragment_definition();
    if (has_description) {
      lexer_.fail(current().start,
                  "Unexpected description, only GraphQL definitions support descriptions.");
    }
    if (k == "extend") return parse_type_system_extension();
  }
  unexpected(keyword);
}

const operation_definition_node* parser::parse_operation_definition() {
  std::uint32_t start = current().start;
  auto* op = make<operation_definition_node>(start);
  if (peek(token_kind::brace_l)) {
    op->selection_set = parse_selection_set();
    op->loc = loc_from(start);
    return op;
  }
  op->description = parse_description();
  op->operation = parse_operation_type();
  if (peek(token_kind::name)) op->name = parse_name();
  op->variable_definitions = parse_variable_definitions();
  op->directives = parse_directives(false);
  op->selection_set = parse_selection_set();
  op->loc = loc_from(start);
  return op;
}

operation_type parser::parse_operation_type() {
  name_node keyword = parse_name();
  if (keyword.value == "query") return operation_type::query;
  if (keyword.value == "mutation") return operation_type::mutation;
  if (keyword.value == "subscription") return operation_type::subscription;
  unexpected(keyword);
}

node_span<variable_definition_node> parser::parse_variable_definitions() {
  return optional_many(
      token_kind::paren_l, stacks_.variable_definitions,
      [this] { return parse_variable_definition(); }, token_kind::paren_r);
}

variable_definition_node parser::parse_variable_definition() {
  std::uint32_t start = current().start;
  variable_definition_node v;
  v.description = parse_description();
  v.variable = parse_variable();
  expect(token_kind::colon);
  v.type = parse_type_reference();
  if (expect_optional(token_kind::equals)) v.default_value = parse_value_literal(true);
  v.directives = parse_directives(true);
  v.loc = loc_from(start);
  return v;
}

variable_node parser::parse_variable() {
  std::uint32_t start = current().start;
  expect(token_kind::dollar);
  variable_node v;
  v.name = parse_name();
  v.loc = loc_from(start);
  return v;
}

const selection_set_node* parser::parse_selection_set() {
  std::uint32_t start = current().start;
  depth_guard guard(*this, start);
  auto* set = make<selection_set_node>(start);
  set->selections = many(
      token_kind::brace_l, stacks_.selections, [this] { return parse_selection(); },
      token_kind::brace_r);
  set->loc = loc_from(start);
  return set;
}

const selection_node* parser::parse_selection() {
  return peek(token_kind::spread) ? parse_fragment() : parse_field();
}

const field_node* parser::parse_field() {
  std::uint32_t start = current().start;
  auto* f = make<field_node>(start);
  name_node name_or_alias = parse_name();
  if (expect_optional(token_kind::colon)) {
    f->alias = name_or_alias;
    f->name = parse_name();
  } else {
    f->name = name_or_alias;
  }
  f->arguments = parse_arguments(false);
  f->directives = parse_directives(false);
  if (peek(token_kind::brace_l)) f->selection_set = parse_selection_set();
  f->loc = loc_from(start);
  return f;
}

const selection_node* parser::parse_fragment() {
  std::uint32_t start = current().start;
  expect(token_kind::spread);
  bool has_type_condition = expect_optional_keyword("on");
  if (!has_type_condition && peek(token_kind::name)) {
    auto* spread = make<fragment_spread_node>(start);
    spread->name = parse_fragment_name();
    spread->directives = parse_directives(false);
    spread->loc = loc_from(start);
    return spread;
  }
  auto* inline_fragment = make<inline_fragment_node>(start);
  if (has_type_condition) inline_fragment->type_condition = parse_named_type_pointer();
  inline_fragment->directives = parse_directives(false);
  inline_fragment->selection_set = parse_selection_set();
  inline_fragment->loc = loc_from(start);
  return inline_fragment;
}

const fragment_definition_node* parser::parse_fragment_definition() {
  std::uint32_t start = current().start;
  auto* fragment = make<fragment_definition_node>(start);
  fragment->description = parse_description();
  expect_keyword("fragment");
  fragment->name = parse_fragment_name();
  expect_keyword("on");
  fragment->type_condition = parse_named_type_pointer();
  fragment->directives = parse_directives(false);
  fragment->selection_set = parse_selection_set();
  fragment->loc = loc_from(start);
  return fragment;
}

name_node parser::parse_fragment_name() {
  // graphql-js compares the token's value whatever its kind, so `fragment "on"` is unexpected.
  if (current().kind >= token_kind::name && current().value == "on") unexpected();
  return parse_name();
}

}  // namespace detail

namespace {

template <class Root, class Parse>
parse_result<parsed_ast<Root>> run(std::string_view source, const parse_options& options,
                                   Parse parse_root) {
  // Offsets are 32-bit; no legitimate document comes near that.
  if (source.size() > std::numeric_limits<std::uint32_t>::max() - detail::source_padding) {
    return syntax_error{"Syntax Error: Document is too large to parse.", 0, {1, 1}};
  }
  // Nodes take about 12 bytes per source byte in typical queries: most parses allocate once.
  arena storage(source.size() * 12 + 512);
  std::string_view text = detail::copy_source(storage, source);
  try {
    detail::parser p(text, storage, options);
    const Root* root = parse_root(p);
    std::uint32_t tokens = p.token_count();
    return parsed_ast<Root>(std::move(storage), text, root, tokens);
  } catch (const detail::syntax_exception& e) {
    return detail::make_syntax_error(text, e);
  }
}

template <class Parse>
parse_result<parsed_value> run_value(std::string_view source, const parse_options& options,
                                     Parse parse_root) {
  return run<value_node>(source, options, [&](detail::parser& p) {
    p.expect_token(token_kind::sof);
    const value_node* value = parse_root(p);
    p.expect_token(token_kind::eof);
    return value;
  });
}

}  // namespace

parse_result<document> parse(std::string_view source, const parse_options& options) {
  auto result =
      run<document_node>(source, options, [](detail::parser& p) { return p.parse_document(); });
  if (!result) return result.error();
  return document(std::move(result).value());
}

parse_result<parsed_value> parse_value(std::string_view source, const parse_options& options) {
  return run_value(source, options, [](detail::parser& p) { return p.parse_value_literal(false); });
}

parse_result<parsed_value> parse_const_value(std::string_view source,
                                             const parse_options& options) {
  return run_value(source, options, [](detail::parser& p) { return p.parse_value_literal(true); });
}

parse_result<parsed_type> parse_type(std::string_view source, const parse_options& options) {
  return run<type_node>(source, options, [](detail::parser& p) {
    p.expect_token(token_kind::sof);
    const type_node* type = p.parse_type_reference();
    p.expect_token(token_kind::eof);
    return type;
  });
}

}  // namespace cohort::graphql::language

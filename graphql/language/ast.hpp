// The GraphQL abstract syntax tree: one plain struct per node kind of graphql-js `Kind`, all
// allocated in the arena of their `document`. A node starts with its kind and byte offsets into
// the source; walking needs no virtual calls, only a switch on `kind` (see visitor.hpp).
#pragma once

#include <cassert>
#include <cstdint>
#include <string_view>

namespace cohort::graphql::language {

enum class node_kind : std::uint8_t {
  name,
  document,
  operation_definition,
  variable_definition,
  selection_set,
  field,
  argument,
  fragment_spread,
  inline_fragment,
  fragment_definition,
  variable,
  int_value,
  float_value,
  string_value,
  boolean_value,
  null_value,
  enum_value,
  list_value,
  object_value,
  object_field,
  directive,
  named_type,
  list_type,
  non_null_type,
  schema_definition,
  operation_type_definition,
  scalar_type_definition,
  object_type_definition,
  field_definition,
  input_value_definition,
  interface_type_definition,
  union_type_definition,
  enum_type_definition,
  enum_value_definition,
  input_object_type_definition,
  directive_definition,
  schema_extension,
  scalar_type_extension,
  object_type_extension,
  interface_type_extension,
  union_type_extension,
  enum_type_extension,
  input_object_type_extension,
};

// graphql-js's name for a kind ("OperationDefinition", "Name", ...).
std::string_view kind_name(node_kind kind);

enum class operation_type : std::uint8_t { query, mutation, subscription };
std::string_view to_string(operation_type operation);

// Byte offsets [start, end) into the document's source: from the first token of the node to the
// end of its last token. Line and column come from `locate` (source_location.hpp).
struct location {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// A read-only array of nodes or node pointers that lives in the document's arena.
template <class T>
class node_span {
 public:
  node_span() = default;
  node_span(const T* data, std::uint32_t size) : data_(data), size_(size) {}
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  std::uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::uint32_t i) const {
    assert(i < size_);
    return data_[i];
  }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }

 private:
  const T* data_ = nullptr;
  std::uint32_t size_ = 0;
};

struct node {
  node_kind kind{};
  location loc;
};

// Concrete nodes derive from node_of<their kind, their category>, which stamps the kind.
template <node_kind K, class Base = node>
struct node_of : Base {
  static constexpr node_kind static_kind = K;
  node_of() { this->kind = K; }
};

// Categories: a pointer to one of these is one of several concrete kinds.
struct definition_node : node {};
struct selection_node : node {};
struct value_node : node {};
struct type_node : node {};

bool is_definition(node_kind kind);
bool is_executable_definition(node_kind kind);
bool is_type_system_definition(node_kind kind);  // definitions, directive definitions, schema
bool is_type_system_extension(node_kind kind);
bool is_selection(node_kind kind);
bool is_value(node_kind kind);
bool is_type(node_kind kind);

// `as<T>(n)` for a node known to be a T; `as_if<T>(p)` returns nullptr when it is not.
template <class T>
const T& as(const node& n) {
  assert(n.kind == T::static_kind);
  return static_cast<const T&>(n);
}
template <class T>
const T* as_if(const node* n) {
  return n != nullptr && n->kind == T::static_kind ? static_cast<const T*>(n) : nullptr;
}

// Names are stored inline. An absent optional name (anonymous operation, no alias) has an empty
// value: a GraphQL name is never empty.
struct name_node : node_of<node_kind::name> {
  std::string_view value;
  bool empty() const { return value.empty(); }
};

// ---- values ----

struct variable_node : node_of<node_kind::variable, value_node> {
  name_node name;
};
// Int and float keep their source text; converting (and range errors) belongs to the scalar.
struct int_value_node : node_of<node_kind::int_value, value_node> {
  std::string_view value;
};
struct float_value_node : node_of<node_kind::float_value, value_node> {
  std::string_view value;
};
// `value` is the string after unescaping, or after dedenting for a block string.
struct string_value_node : node_of<node_kind::string_value, value_node> {
  std::string_view value;
  bool block = false;
};
struct boolean_value_node : node_of<node_kind::boolean_value, value_node> {
  bool value = false;
};
struct null_value_node : node_of<node_kind::null_value, value_node> {};
struct enum_value_node : node_of<node_kind::enum_value, value_node> {
  std::string_view value;
};
struct list_value_node : node_of<node_kind::list_value, value_node> {
  node_span<const value_node*> values;
};
struct object_field_node : node_of<node_kind::object_field> {
  name_node name;
  const value_node* value = nullptr;
};
struct object_value_node : node_of<node_kind::object_value, value_node> {
  node_span<object_field_node> fields;
};

// ---- types ----

struct named_type_node : node_of<node_kind::named_type, type_node> {
  name_node name;
};
struct list_type_node : node_of<node_kind::list_type, type_node> {
  const type_node* type = nullptr;
};
struct non_null_type_node : node_of<node_kind::non_null_type, type_node> {
  const type_node* type = nullptr;  // a named_type_node or a list_type_node
};

// ---- directives and arguments ----

struct argument_node : node_of<node_kind::argument> {
  name_node name;
  const value_node* value = nullptr;
};
struct directive_node : node_of<node_kind::directive> {
  name_node name;
  node_span<argument_node> arguments;
};

// ---- executable definitions ----

struct selection_set_node : node_of<node_kind::selection_set> {
  node_span<const selection_node*> selections;  // never empty in a parsed document
};

struct field_node : node_of<node_kind::field, selection_node> {
  name_node alias;  // empty when the field has no alias
  name_node name;
  node_span<argument_node> arguments;
  node_span<directive_node> directives;
  const selection_set_node* selection_set = nullptr;  // nullptr for a leaf field

  std::string_view response_key() const { return alias.empty() ? name.value : alias.value; }
};

struct fragment_spread_node : node_of<node_kind::fragment_spread, selection_node> {
  name_node name;
  node_span<directive_node> directives;
};

struct inline_fragment_node : node_of<node_kind::inline_fragment, selection_node> {
  const named_type_node* type_condition = nullptr;  // nullptr for `... @include(if: $x) { }`
  node_span<directive_node> directives;
  const selection_set_node* selection_set = nullptr;
};

struct variable_definition_node : node_of<node_kind::variable_definition> {
  const string_value_node* description = nullptr;
  variable_node variable;
  const type_node* type = nullptr;
  const value_node* default_value = nullptr;  // constant; nullptr when absent
  node_span<directive_node> directives;
};

struct operation_definition_node : node_of<node_kind::operation_definition, definition_node> {
  operation_type operation = operation_type::query;
  const string_value_node* description = nullptr;
  name_node name;  // empty for an anonymous operation
  node_span<variable_definition_node> variable_definitions;
  node_span<directive_node> directives;
  const selection_set_node* selection_set = nullptr;
};

struct fragment_definition_node : node_of<node_kind::fragment_definition, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  const named_type_node* type_condition = nullptr;  // never nullptr
  node_span<directive_node> directives;
  const selection_set_node* selection_set = nullptr;
};

// ---- type system ----
// A definition and its extension share one struct; an extension's description is nullptr.

struct operation_type_definition_node : node_of<node_kind::operation_type_definition> {
  operation_type operation = operation_type::query;
  named_type_node type;
};

template <node_kind K>
struct schema_like_node : node_of<K, definition_node> {
  const string_value_node* description = nullptr;
  node_span<directive_node> directives;
  node_span<operation_type_definition_node> operation_types;
};
using schema_definition_node = schema_like_node<node_kind::schema_definition>;
using schema_extension_node = schema_like_node<node_kind::schema_extension>;

template <node_kind K>
struct scalar_like_node : node_of<K, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<directive_node> directives;
};
using scalar_type_definition_node = scalar_like_node<node_kind::scalar_type_definition>;
using scalar_type_extension_node = scalar_like_node<node_kind::scalar_type_extension>;

struct input_value_definition_node : node_of<node_kind::input_value_definition> {
  const string_value_node* description = nullptr;
  name_node name;
  const type_node* type = nullptr;
  const value_node* default_value = nullptr;  // constant; nullptr when absent
  node_span<directive_node> directives;
};

struct field_definition_node : node_of<node_kind::field_definition> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<input_value_definition_node> arguments;
  const type_node* type = nullptr;
  node_span<directive_node> directives;
};

// Object and interface types (definitions and extensions).
template <node_kind K>
struct object_like_node : node_of<K, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<named_type_node> interfaces;
  node_span<directive_node> directives;
  node_span<field_definition_node> fields;
};
using object_type_definition_node = object_like_node<node_kind::object_type_definition>;
using object_type_extension_node = object_like_node<node_kind::object_type_extension>;
using interface_type_definition_node = object_like_node<node_kind::interface_type_definition>;
using interface_type_extension_node = object_like_node<node_kind::interface_type_extension>;

template <node_kind K>
struct union_like_node : node_of<K, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<directive_node> directives;
  node_span<named_type_node> types;
};
using union_type_definition_node = union_like_node<node_kind::union_type_definition>;
using union_type_extension_node = union_like_node<node_kind::union_type_extension>;

struct enum_value_definition_node : node_of<node_kind::enum_value_definition> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<directive_node> directives;
};

template <node_kind K>
struct enum_like_node : node_of<K, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<directive_node> directives;
  node_span<enum_value_definition_node> values;
};
using enum_type_definition_node = enum_like_node<node_kind::enum_type_definition>;
using enum_type_extension_node = enum_like_node<node_kind::enum_type_extension>;

template <node_kind K>
struct input_object_like_node : node_of<K, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<directive_node> directives;
  node_span<input_value_definition_node> fields;
};
using input_object_type_definition_node =
    input_object_like_node<node_kind::input_object_type_definition>;
using input_object_type_extension_node =
    input_object_like_node<node_kind::input_object_type_extension>;

// Locations are names (see directive_location.hpp to map them to the enum).
struct directive_definition_node : node_of<node_kind::directive_definition, definition_node> {
  const string_value_node* description = nullptr;
  name_node name;
  node_span<input_value_definition_node> arguments;
  bool repeatable = false;
  node_span<name_node> locations;
};

struct document_node : node_of<node_kind::document> {
  node_span<const definition_node*> definitions;
};

}  // namespace cohort::graphql::language

// Depth-first traversal of an AST in graphql-js `visit` order (its QueryDocumentKeys), resolved
// at compile time: the visitor declares `enter`/`leave` overloads for the node structs it cares
// about (or `const node&` for all) and the walk calls them directly, without virtual dispatch.
//
//   struct count_fields {
//     int n = 0;
//     void enter(const field_node&) { ++n; }
//   };
//   count_fields v;
//   visit(doc.root(), v);
//
// `enter` may return a visit_action: `skip` leaves out the node's children (and its `leave`),
// `stop` ends the whole walk.
#pragma once

#include <type_traits>

#include "graphql/language/ast.hpp"

namespace cohort::graphql::language {

enum class visit_action { proceed, skip, stop };

// Calls f(child) for each direct child of `n` in visit order, passing each child as its
// concrete struct or as its category (value_node, selection_node, ...). Stops when f returns
// false; returns false if it did.
template <class N, class F>
bool for_each_child(const N& n, F&& f);

// Returns false if the visitor stopped the walk.
template <class N, class Visitor>
bool visit(const N& root, Visitor& visitor);

// Calls f(concrete node) for a node of any kind.
template <class F>
decltype(auto) dispatch(const node& n, F&& f);

// ---------------------------------------------------------------------------------------------

template <class F>
decltype(auto) dispatch(const node& n, F&& f) {
  switch (n.kind) {
#define COHORT_GRAPHQL_DISPATCH(kind_, type_) \
  case node_kind::kind_:                      \
    return f(static_cast<const type_&>(n));
    COHORT_GRAPHQL_DISPATCH(name, name_node)
    COHORT_GRAPHQL_DISPATCH(document, document_node)
    COHORT_GRAPHQL_DISPATCH(operation_definition, operation_definition_node)
    COHORT_GRAPHQL_DISPATCH(variable_definition, variable_definition_node)
    COHORT_GRAPHQL_DISPATCH(selection_set, selection_set_node)
    COHORT_GRAPHQL_DISPATCH(field, field_node)
    COHORT_GRAPHQL_DISPATCH(argument, argument_node)
    COHORT_GRAPHQL_DISPATCH(fragment_spread, fragment_spread_node)
    COHORT_GRAPHQL_DISPATCH(inline_fragment, inline_fragment_node)
    COHORT_GRAPHQL_DISPATCH(fragment_definition, fragment_definition_node)
    COHORT_GRAPHQL_DISPATCH(variable, variable_node)
    COHORT_GRAPHQL_DISPATCH(int_value, int_value_node)
    COHORT_GRAPHQL_DISPATCH(float_value, float_value_node)
    COHORT_GRAPHQL_DISPATCH(string_value, string_value_node)
    COHORT_GRAPHQL_DISPATCH(boolean_value, boolean_value_node)
    COHORT_GRAPHQL_DISPATCH(null_value, null_value_node)
    COHORT_GRAPHQL_DISPATCH(enum_value, enum_value_node)
    COHORT_GRAPHQL_DISPATCH(list_value, list_value_node)
    COHORT_GRAPHQL_DISPATCH(object_value, object_value_node)
    COHORT_GRAPHQL_DISPATCH(object_field, object_field_node)
    COHORT_GRAPHQL_DISPATCH(directive, directive_node)
    COHORT_GRAPHQL_DISPATCH(named_type, named_type_node)
    COHORT_GRAPHQL_DISPATCH(list_type, list_type_node)
    COHORT_GRAPHQL_DISPATCH(non_null_type, non_null_type_node)
    COHORT_GRAPHQL_DISPATCH(schema_definition, schema_definition_node)
    COHORT_GRAPHQL_DISPATCH(operation_type_definition, operation_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(scalar_type_definition, scalar_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(object_type_definition, object_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(field_definition, field_definition_node)
    COHORT_GRAPHQL_DISPATCH(input_value_definition, input_value_definition_node)
    COHORT_GRAPHQL_DISPATCH(interface_type_definition, interface_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(union_type_definition, union_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(enum_type_definition, enum_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(enum_value_definition, enum_value_definition_node)
    COHORT_GRAPHQL_DISPATCH(input_object_type_definition, input_object_type_definition_node)
    COHORT_GRAPHQL_DISPATCH(directive_definition, directive_definition_node)
    COHORT_GRAPHQL_DISPATCH(schema_extension, schema_extension_node)
    COHORT_GRAPHQL_DISPATCH(scalar_type_extension, scalar_type_extension_node)
    COHORT_GRAPHQL_DISPATCH(object_type_extension, object_type_extension_node)
    COHORT_GRAPHQL_DISPATCH(interface_type_extension, interface_type_extension_node)
    COHORT_GRAPHQL_DISPATCH(union_type_extension, union_type_extension_node)
    COHORT_GRAPHQL_DISPATCH(enum_type_extension, enum_type_extension_node)
    COHORT_GRAPHQL_DISPATCH(input_object_type_extension, input_object_type_extension_node)
#undef COHORT_GRAPHQL_DISPATCH
  }
  // Unreachable for a well-formed node; keeps every path returning f's type.
  return f(static_cast<const name_node&>(n));
}

namespace detail {

// Each child helper returns false once f asked to stop.
template <class T, class F>
bool each(node_span<T> items, F& f) {
  for (const auto& item : items) {
    if constexpr (std::is_pointer_v<T>) {
      if (!f(*item)) return false;
    } else {
      if (!f(item)) return false;
    }
  }
  return true;
}
template <class T, class F>
bool optional(const T* child, F& f) {
  return child == nullptr || f(*child);
}
template <class F>
bool optional_name(const name_node& name, F& f) {
  return name.empty() || f(name);
}

template <class N>
constexpr bool is_concrete = requires {
  N::static_kind;
};

template <class V, class N>
visit_action call_enter(V& v, const N& n) {
  if constexpr (requires { v.enter(n); }) {
    if constexpr (std::is_void_v<decltype(v.enter(n))>) {
      v.enter(n);
      return visit_action::proceed;
    } else {
      return v.enter(n);
    }
  } else {
    return visit_action::proceed;
  }
}

template <class V, class N>
void call_leave(V& v, const N& n) {
  if constexpr (requires { v.leave(n); }) v.leave(n);
}

}  // namespace detail

template <class N, class F>
bool for_each_child(const N& n, F&& f) {
  using detail::each;
  using detail::optional;
  using detail::optional_name;
  if constexpr (!detail::is_concrete<N>) {
    return dispatch(n, [&](const auto& concrete) { return for_each_child(concrete, f); });
  } else if constexpr (std::is_same_v<N, document_node>) {
    return each(n.definitions, f);
  } else if constexpr (std::is_same_v<N, operation_definition_node>) {
    return optional(n.description, f) && optional_name(n.name, f) &&
           each(n.variable_definitions, f) && each(n.directives, f) && f(*n.selection_set);
  } else if constexpr (std::is_same_v<N, variable_definition_node>) {
    return optional(n.description, f) && f(n.variable) && f(*n.type) &&
           optional(n.default_value, f) && each(n.directives, f);
  } else if constexpr (std::is_same_v<N, variable_node> || std::is_same_v<N, named_type_node>) {
    return f(n.name);
  } else if constexpr (std::is_same_v<N, selection_set_node>) {
    return each(n.selections, f);
  } else if constexpr (std::is_same_v<N, field_node>) {
    return optional_name(n.alias, f) && f(n.name) && each(n.arguments, f) &&
           each(n.directives, f) && optional(n.selection_set, f);
  } else if constexpr (std::is_same_v<N, argument_node> || std::is_same_v<N, object_field_node>) {
    return f(n.name) && f(*n.value);
  } else if constexpr (std::is_same_v<N, fragment_spread_node>) {
    return f(n.name) && each(n.directives, f);
  } else if constexpr (std::is_same_v<N, inline_fragment_node>) {
    return optional(n.type_condition, f) && each(n.directives, f) && f(*n.selection_set);
  } else if constexpr (std::is_same_v<N, fragment_definition_node>) {
    return optional(n.description, f) && f(n.name) && f(*n.type_condition) &&
           each(n.directives, f) && f(*n.selection_set);
  } else if constexpr (std::is_same_v<N, list_value_node>) {
    return each(n.values, f);
  } else if constexpr (std::is_same_v<N, object_value_node>) {
    return each(n.fields, f);
  } else if constexpr (std::is_same_v<N, directive_node>) {
    return f(n.name) && each(n.arguments, f);
  } else if constexpr (std::is_same_v<N, list_type_node> || std::is_same_v<N, non_null_type_node>) {
    return f(*n.type);
  } else if constexpr (std::is_same_v<N, schema_definition_node> ||
                       std::is_same_v<N, schema_extension_node>) {
    return optional(n.description, f) && each(n.directives, f) && each(n.operation_types, f);
  } else if constexpr (std::is_same_v<N, operation_type_definition_node>) {
    return f(n.type);
  } else if constexpr (std::is_same_v<N, scalar_type_definition_node> ||
                       std::is_same_v<N, scalar_type_extension_node> ||
                       std::is_same_v<N, enum_value_definition_node>) {
    return optional(n.description, f) && f(n.name) && each(n.directives, f);
  } else if constexpr (std::is_same_v<N, object_type_definition_node> ||
                       std::is_same_v<N, object_type_extension_node> ||
                       std::is_same_v<N, interface_type_definition_node> ||
                       std::is_same_v<N, interface_type_extension_node>) {
    return optional(n.description, f) && f(n.name) && each(n.interfaces, f) &&
           each(n.directives, f) && each(n.fields, f);
  } else if constexpr (std::is_same_v<N, field_definition_node>) {
    return optional(n.description, f) && f(n.name) && each(n.arguments, f) && f(*n.type) &&
           each(n.directives, f);
  } else if constexpr (std::is_same_v<N, input_value_definition_node>) {
    return optional(n.description, f) && f(n.name) && f(*n.type) && optional(n.default_value, f) &&
           each(n.directives, f);
  } else if constexpr (std::is_same_v<N, union_type_definition_node> ||
                       std::is_same_v<N, union_type_extension_node>) {
    return optional(n.description, f) && f(n.name) && each(n.directives, f) && each(n.types, f);
  } else if constexpr (std::is_same_v<N, enum_type_definition_node> ||
                       std::is_same_v<N, enum_type_extension_node>) {
    return optional(n.description, f) && f(n.name) && each(n.directives, f) && each(n.values, f);
  } else if constexpr (std::is_same_v<N, input_object_type_definition_node> ||
                       std::is_same_v<N, input_object_type_extension_node>) {
    return optional(n.description, f) && f(n.name) && each(n.directives, f) && each(n.fields, f);
  } else if constexpr (std::is_same_v<N, directive_definition_node>) {
    return optional(n.description, f) && f(n.name) && each(n.arguments, f) && each(n.locations, f);
  } else {
    return true;  // leaves: names and scalar values
  }
}

template <class N, class Visitor>
bool visit(const N& n, Visitor& visitor) {
  if constexpr (!detail::is_concrete<N>) {
    return dispatch(n, [&](const auto& concrete) { return visit(concrete, visitor); });
  } else {
    visit_action action = detail::call_enter(visitor, n);
    if (action == visit_action::stop) return false;
    if (action == visit_action::skip) return true;
    if (!for_each_child(n, [&](const auto& child) { return visit(child, visitor); })) return false;
    detail::call_leave(visitor, n);
    return true;
  }
}

}  // namespace cohort::graphql::language

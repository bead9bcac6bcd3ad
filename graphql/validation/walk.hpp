// A depth-first walk over an AST in graphql-js visit order that leaves descriptions out (graphql-js
// validates with QueryDocumentKeys minus `description`: descriptions must not affect validation).
// The visitor gets `enter(node)` returning a visit_action and `leave(node)`; a skipped node's
// leave is not called.
#pragma once

#include <type_traits>

#include "graphql/language/visitor.hpp"

namespace cohort::graphql::validation {

template <class V>
bool walk(const language::node& n, V& v) {
  language::visit_action action = v.enter(n);
  if (action == language::visit_action::stop) return false;
  if (action == language::visit_action::skip) return true;
  bool go_on = language::dispatch(n, [&](const auto& concrete) {
    const language::node* description = nullptr;
    if constexpr (requires { concrete.description; }) description = concrete.description;
    return language::for_each_child(concrete, [&](const auto& child) {
      const language::node& c = child;
      if (&c == description) return true;
      return walk(c, v);
    });
  });
  if (!go_on) return false;
  v.leave(n);
  return true;
}

}  // namespace cohort::graphql::validation

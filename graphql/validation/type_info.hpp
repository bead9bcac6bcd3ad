// The types in scope at each point of a walk over a document (graphql-js `TypeInfo`): enter/leave
// are called for every node in visit order and maintain stacks of output types, parent composite
// types, input types, field definitions and default-value presence. An empty type_ref or a null
// pointer stands for graphql-js's `undefined` (an unknown field, type or argument).
#pragma once

#include <vector>

#include "graphql/language/ast.hpp"
#include "graphql/type/schema.hpp"

namespace cohort::graphql::validation {

// graphql-js typeFromAST: empty when a named type is unknown.
type::type_ref type_from_ast(const type::schema& schema, const language::type_node& node);

// graphql-js getFieldDef, meta fields included.
const type::field_definition* find_field_def(const type::schema& schema,
                                             const type::named_type* parent, std::string_view name);

class type_info {
 public:
  explicit type_info(const type::schema& schema) : schema_(schema) {}

  type::type_ref type() const {
    return type_stack_.empty() ? type::type_ref{} : type_stack_.back();
  }
  const type::named_type* parent_type() const {
    return parent_type_stack_.empty() ? nullptr : parent_type_stack_.back();
  }
  type::type_ref input_type() const {
    return input_type_stack_.empty() ? type::type_ref{} : input_type_stack_.back();
  }
  type::type_ref parent_input_type() const {
    return input_type_stack_.size() < 2 ? type::type_ref{}
                                        : input_type_stack_[input_type_stack_.size() - 2];
  }
  const type::field_definition* field_def() const {
    return field_def_stack_.empty() ? nullptr : field_def_stack_.back();
  }
  // Whether the current input position has a default value (graphql-js getDefaultValue() !==
  // undefined).
  bool has_default_value() const { return !default_stack_.empty() && default_stack_.back(); }
  const type::directive_definition* directive() const { return directive_; }
  const type::input_value* argument() const { return argument_; }

  void enter(const language::node& n);
  void leave(const language::node& n);

 private:
  const type::schema& schema_;
  std::vector<type::type_ref> type_stack_;
  std::vector<const type::named_type*> parent_type_stack_;
  std::vector<type::type_ref> input_type_stack_;
  std::vector<const type::field_definition*> field_def_stack_;
  std::vector<bool> default_stack_;
  const type::directive_definition* directive_ = nullptr;
  const type::input_value* argument_ = nullptr;
};

}  // namespace cohort::graphql::validation

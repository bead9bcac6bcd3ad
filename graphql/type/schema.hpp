// A validated, immutable GraphQL schema (graphql-js `GraphQLSchema`): the types in their
// collection order, O(1) lookup by name, root types, directives, and the abstract-type queries
// that validation and execution ask per request (possible types, is_sub_type) answered from tables
// computed once at build time. Built by schema_builder; shared as std::shared_ptr<const schema>.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/type/definition.hpp"
#include "graphql/type/directives.hpp"

namespace cohort::graphql::type {

enum class operation_type : std::uint8_t { query, mutation, subscription };

class schema {
 public:
  schema(const schema&) = delete;
  schema& operator=(const schema&) = delete;
  ~schema();

  const std::optional<std::string>& description() const { return description_; }

  const object_type* query_type() const { return query_; }
  const object_type* mutation_type() const { return mutation_; }
  const object_type* subscription_type() const { return subscription_; }
  const object_type* root_type(operation_type operation) const;

  // Every type, in graphql-js's collection order (what introspection's `types` lists).
  std::span<const named_type* const> types() const { return types_; }
  const named_type* type(std::string_view name) const;

  std::span<const directive_definition> directives() const { return directives_; }
  const directive_definition* directive(std::string_view name) const;

  // Object types an abstract type may resolve to (union members / interface implementations).
  std::span<const object_type* const> possible_types(const named_type& abstract_type) const;
  // graphql-js schema.isSubType: `maybe_sub_type` is a member of the union, or an object or
  // interface implementing the interface.
  bool is_sub_type(const named_type& abstract_type, const named_type& maybe_sub_type) const;

  // The implicit meta fields: __schema and __type on the query root, __typename everywhere.
  const field_definition& schema_meta_field() const { return schema_meta_field_; }
  const field_definition& type_meta_field() const { return type_meta_field_; }
  const field_definition& typename_meta_field() const { return typename_meta_field_; }

  // Opaque slot for the layer that executes against this schema.
  const extension* ext() const { return ext_.get(); }

 private:
  schema();
  friend class detail::schema_assembler;
  friend class detail::schema_validator;

  std::optional<std::string> description_;
  const object_type* query_ = nullptr;
  const object_type* mutation_ = nullptr;
  const object_type* subscription_ = nullptr;
  // As declared, before validation proved them objects.
  const named_type* declared_roots_[3] = {nullptr, nullptr, nullptr};

  std::deque<scalar_type> scalars_;
  std::deque<object_type> objects_;
  std::deque<interface_type> interfaces_;
  std::deque<union_type> unions_;
  std::deque<enum_type> enums_;
  std::deque<input_object_type> input_objects_;

  std::vector<const named_type*> types_;
  std::unordered_map<std::string_view, const named_type*> types_by_name_;
  std::vector<directive_definition> directives_;

  field_definition schema_meta_field_;
  field_definition type_meta_field_;
  field_definition typename_meta_field_;
  std::shared_ptr<const extension> ext_;
};

}  // namespace cohort::graphql::type

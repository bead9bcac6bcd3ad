#include "graphql/type/schema.hpp"

namespace cohort::graphql::type {

schema::schema() = default;
schema::~schema() = default;

const object_type* schema::root_type(operation_type operation) const {
  switch (operation) {
    case operation_type::query:
      return query_;
    case operation_type::mutation:
      return mutation_;
    case operation_type::subscription:
      return subscription_;
  }
  return nullptr;
}

const named_type* schema::type(std::string_view name) const {
  auto it = types_by_name_.find(name);
  return it == types_by_name_.end() ? nullptr : it->second;
}

const directive_definition* schema::directive(std::string_view name) const {
  for (const auto& d : directives_) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::span<const object_type* const> schema::possible_types(const named_type& abstract_type) const {
  if (const auto* a = as_abstract(&abstract_type)) return a->possible_types();
  return {};
}

bool schema::is_sub_type(const named_type& abstract_type, const named_type& maybe_sub_type) const {
  const auto* a = as_abstract(&abstract_type);
  return a != nullptr && a->has_sub_type(maybe_sub_type);
}

}  // namespace cohort::graphql::type

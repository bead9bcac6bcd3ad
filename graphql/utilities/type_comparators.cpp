#include "graphql/utilities/type_comparators.hpp"

namespace cohort::graphql::utilities {

using type::type_ref;

bool is_equal_type(type_ref a, type_ref b) {
  return a == b;
}

bool is_type_sub_type_of(const type::schema& schema, type_ref maybe_sub_type, type_ref super_type) {
  while (true) {
    if (maybe_sub_type == super_type) return true;
    if (super_type.is_non_null()) {
      if (!maybe_sub_type.is_non_null()) return false;
      maybe_sub_type = maybe_sub_type.of_type();
      super_type = super_type.of_type();
      continue;
    }
    if (maybe_sub_type.is_non_null()) {
      maybe_sub_type = maybe_sub_type.of_type();
      continue;
    }
    if (super_type.is_list()) {
      if (!maybe_sub_type.is_list()) return false;
      maybe_sub_type = maybe_sub_type.of_type();
      super_type = super_type.of_type();
      continue;
    }
    if (maybe_sub_type.is_list()) return false;
    const type::named_type* super_named = super_type.named();
    const type::named_type* sub_named = maybe_sub_type.named();
    return super_named && sub_named && super_named->is_abstract_type() &&
           (sub_named->kind() == type::type_kind::interface ||
            sub_named->kind() == type::type_kind::object) &&
           schema.is_sub_type(*super_named, *sub_named);
  }
}

bool do_types_overlap(const type::schema& schema, const type::named_type& a,
                      const type::named_type& b) {
  if (&a == &b) return true;
  if (a.is_abstract_type()) {
    if (b.is_abstract_type()) {
      for (const auto* possible : schema.possible_types(a)) {
        if (schema.is_sub_type(b, *possible)) return true;
      }
      return false;
    }
    return schema.is_sub_type(a, b);
  }
  if (b.is_abstract_type()) return schema.is_sub_type(b, a);
  return false;
}

}  // namespace cohort::graphql::utilities

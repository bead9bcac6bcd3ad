// Comparing type references (graphql-js `utilities/typeComparators`): equality, covariant
// sub-typing through a schema's abstract types, and whether two composite types can overlap.
#pragma once

#include "graphql/type/schema.hpp"

namespace cohort::graphql::utilities {

bool is_equal_type(type::type_ref a, type::type_ref b);

// `maybe_sub_type` may stand where `super_type` is expected.
bool is_type_sub_type_of(const type::schema& schema, type::type_ref maybe_sub_type,
                         type::type_ref super_type);

// Two composite types have a possible runtime object type in common.
bool do_types_overlap(const type::schema& schema, const type::named_type& a,
                      const type::named_type& b);

}  // namespace cohort::graphql::utilities

// A value literal of a document checked by its leaf type's parse-literal (scalars, enums), as
// graphql-js ValuesOfCorrectType does with variables unknown.
#pragma once

#include "graphql/language/ast.hpp"
#include "graphql/type/coercion_result.hpp"
#include "graphql/type/definition.hpp"

namespace cohort::graphql::validation {

type::coercion_result parse_leaf_literal(const type::named_type& leaf,
                                         const language::value_node& value, bool hide_suggestions);

}  // namespace cohort::graphql::validation

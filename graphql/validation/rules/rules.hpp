// The specified validation rules, one file each, named after their graphql-js rule. Each factory
// returns the rule bound to a validation context; validate() runs them in graphql-js's
// `specifiedRules` order.
#pragma once

#include <memory>

#include "graphql/validation/validation_context.hpp"

namespace cohort::graphql::validation::rules {

using rule_ptr = std::unique_ptr<rule>;

rule_ptr executable_definitions(validation_context& c);
rule_ptr unique_operation_names(validation_context& c);
rule_ptr lone_anonymous_operation(validation_context& c);
rule_ptr single_field_subscriptions(validation_context& c);
rule_ptr known_type_names(validation_context& c);
rule_ptr fragments_on_composite_types(validation_context& c);
rule_ptr variables_are_input_types(validation_context& c);
rule_ptr scalar_leafs(validation_context& c);
rule_ptr fields_on_correct_type(validation_context& c);
rule_ptr unique_fragment_names(validation_context& c);
rule_ptr known_fragment_names(validation_context& c);
rule_ptr no_unused_fragments(validation_context& c);
rule_ptr possible_fragment_spreads(validation_context& c);
rule_ptr no_fragment_cycles(validation_context& c);
rule_ptr unique_variable_names(validation_context& c);
rule_ptr no_undefined_variables(validation_context& c);
rule_ptr no_unused_variables(validation_context& c);
rule_ptr known_directives(validation_context& c);
rule_ptr unique_directives_per_location(validation_context& c);
rule_ptr known_argument_names(validation_context& c);
rule_ptr unique_argument_names(validation_context& c);
rule_ptr values_of_correct_type(validation_context& c);
rule_ptr provided_required_arguments(validation_context& c);
rule_ptr variables_in_allowed_position(validation_context& c);
rule_ptr overlapping_fields_can_be_merged(validation_context& c);
rule_ptr unique_input_field_names(validation_context& c);
rule_ptr max_introspection_depth(validation_context& c);
// Not a specified rule: added when an endpoint switches introspection off.
rule_ptr no_schema_introspection(validation_context& c);

}  // namespace cohort::graphql::validation::rules

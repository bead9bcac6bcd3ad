#include "graphql/validation/validate.hpp"

#include "graphql/validation/rules/rules.hpp"
#include "graphql/validation/validation_context.hpp"
#include "graphql/validation/walk.hpp"

namespace cohort::graphql::validation {

namespace lang = language;

namespace {

// graphql-js visitWithTypeInfo(visitInParallel(rules)): TypeInfo enters before and leaves after
// the rules; a rule that skips a node is not called again until that node is left.
class parallel_visitor {
 public:
  parallel_visitor(validation_context& context, std::vector<rules::rule_ptr>& rules)
      : context_(context), rules_(rules), skipping_(rules.size(), nullptr) {}

  lang::visit_action enter(const lang::node& n) {
    context_.mutable_types().enter(n);
    context_.mutable_path().push_back(&n);
    std::uint64_t kind_bit = std::uint64_t{1} << static_cast<unsigned>(n.kind);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      if (skipping_[i] != nullptr || (rules_[i]->enter_mask & kind_bit) == 0) continue;
      if (!rules_[i]->enter(n)) skipping_[i] = &n;
    }
    return lang::visit_action::proceed;
  }

  void leave(const lang::node& n) {
    std::uint64_t kind_bit = std::uint64_t{1} << static_cast<unsigned>(n.kind);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      if (skipping_[i] == nullptr) {
        if ((rules_[i]->leave_mask & kind_bit) != 0) rules_[i]->leave(n);
      } else if (skipping_[i] == &n) {
        skipping_[i] = nullptr;
      }
    }
    context_.mutable_types().leave(n);
    context_.mutable_path().pop_back();
  }

 private:
  validation_context& context_;
  std::vector<rules::rule_ptr>& rules_;
  std::vector<const lang::node*> skipping_;
};

bool limits_enabled(const validate_options& o) {
  return o.max_fields != 0 || o.max_root_fields != 0 || o.max_depth != 0 || o.max_aliases != 0 ||
         o.reject_duplicate_root_fields;
}

}  // namespace

std::vector<graphql_error> validate(const type::schema& schema, const lang::document& document,
                                    const validate_options& options) {
  if (limits_enabled(options)) {
    auto refused = check_limits(document, options);
    if (!refused.empty()) return refused;
  }
  validation_context context(schema, document, options.max_errors, options.hide_suggestions);
  std::vector<rules::rule_ptr> all;
  all.reserve(27);
  // graphql-js specifiedRules order: it decides the order of errors found at the same node.
  all.push_back(rules::executable_definitions(context));
  all.push_back(rules::unique_operation_names(context));
  all.push_back(rules::lone_anonymous_operation(context));
  all.push_back(rules::single_field_subscriptions(context));
  all.push_back(rules::known_type_names(context));
  all.push_back(rules::fragments_on_composite_types(context));
  all.push_back(rules::variables_are_input_types(context));
  all.push_back(rules::scalar_leafs(context));
  all.push_back(rules::fields_on_correct_type(context));
  all.push_back(rules::unique_fragment_names(context));
  all.push_back(rules::known_fragment_names(context));
  all.push_back(rules::no_unused_fragments(context));
  all.push_back(rules::possible_fragment_spreads(context));
  all.push_back(rules::no_fragment_cycles(context));
  all.push_back(rules::unique_variable_names(context));
  all.push_back(rules::no_undefined_variables(context));
  all.push_back(rules::no_unused_variables(context));
  all.push_back(rules::known_directives(context));
  all.push_back(rules::unique_directives_per_location(context));
  all.push_back(rules::known_argument_names(context));
  all.push_back(rules::unique_argument_names(context));
  all.push_back(rules::values_of_correct_type(context));
  all.push_back(rules::provided_required_arguments(context));
  all.push_back(rules::variables_in_allowed_position(context));
  all.push_back(rules::overlapping_fields_can_be_merged(context));
  all.push_back(rules::unique_input_field_names(context));
  all.push_back(rules::max_introspection_depth(context));
  if (!options.allow_introspection) all.push_back(rules::no_schema_introspection(context));
  parallel_visitor visitor(context, all);
  try {
    walk(document.root(), visitor);
  } catch (const validation_stopped&) {
    // The error that stopped validation is already the last one recorded.
  }
  return context.take_errors();
}

}  // namespace cohort::graphql::validation

// graphql-js VariablesInAllowedPositionRule: a variable's type fits every position it is used in
// (a nullable variable may fill a non-null position only when a default makes it non-null), and
// OneOf input object fields take only non-null variables.
#include <unordered_map>

#include "graphql/utilities/type_comparators.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;
using type::type_ref;

namespace {

bool allowed_usage(const type::schema& schema, type_ref var_type,
                   const lang::value_node* var_default, type_ref location_type,
                   bool location_has_default) {
  if (location_type.is_non_null() && !var_type.is_non_null()) {
    bool non_null_default =
        var_default != nullptr && var_default->kind != lang::node_kind::null_value;
    if (!non_null_default && !location_has_default) return false;
    return utilities::is_type_sub_type_of(schema, var_type, location_type.of_type());
  }
  return utilities::is_type_sub_type_of(schema, var_type, location_type);
}

class variables_in_allowed_position_rule final : public rule {
 public:
  explicit variables_in_allowed_position_rule(validation_context& c) : rule(c) {
    enter_mask =
        bit(lang::node_kind::operation_definition) | bit(lang::node_kind::variable_definition);
    leave_mask = bit(lang::node_kind::operation_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::operation_definition) {
      definitions_.clear();
    } else {
      const auto& def = lang::as<lang::variable_definition_node>(n);
      definitions_[def.variable.name.value] = &def;
    }
    return true;
  }
  void leave(const lang::node& n) override {
    const auto& op = lang::as<lang::operation_definition_node>(n);
    const auto& schema = context_.schema();
    for (const auto& usage : context_.recursive_variable_usages(op)) {
      std::string name(usage.node->name.value);
      auto it = definitions_.find(usage.node->name.value);
      if (it == definitions_.end() || usage.type.empty()) continue;
      const auto* def = it->second;
      type_ref var_type = type_from_ast(schema, *def->type);
      if (!var_type.empty() &&
          !allowed_usage(schema, var_type, def->default_value, usage.type, usage.has_default)) {
        context_.report("Variable \"$" + name + "\" of type " + quoted(var_type.to_string()) +
                            " used in position expecting type " + quoted(usage.type.to_string()) +
                            ".",
                        {def, usage.node});
      }
      const auto* parent =
          usage.parent_type.is_named() ? type::as_input_object(usage.parent_type.named()) : nullptr;
      if (parent != nullptr && parent->is_one_of() && !var_type.empty() &&
          !var_type.is_non_null()) {
        context_.report("Variable \"$" + name + "\" is of type \"" + var_type.to_string() +
                            "\" but must be non-nullable to be used for OneOf Input Object \"" +
                            parent->name() + "\".",
                        {def, usage.node});
      }
    }
  }

 private:
  std::unordered_map<std::string_view, const lang::variable_definition_node*> definitions_;
};

}  // namespace

rule_ptr variables_in_allowed_position(validation_context& c) {
  return std::make_unique<variables_in_allowed_position_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

// graphql-js VariablesAreInputTypesRule: variables are scalars, enums or input objects.
#include "graphql/language/printer.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class variables_are_input_types_rule final : public rule {
 public:
  explicit variables_are_input_types_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::variable_definition);
  }
  bool enter(const lang::node& n) override {
    const auto& def = lang::as<lang::variable_definition_node>(n);
    auto t = type_from_ast(context_.schema(), *def.type);
    if (!t.empty() && !t.is_input_type()) {
      context_.report("Variable \"$" + std::string(def.variable.name.value) +
                          "\" cannot be non-input type " + quoted(lang::print(*def.type)) + ".",
                      {def.type});
    }
    return true;
  }
};

}  // namespace

rule_ptr variables_are_input_types(validation_context& c) {
  return std::make_unique<variables_are_input_types_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

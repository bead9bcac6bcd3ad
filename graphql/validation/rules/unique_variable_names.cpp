// graphql-js UniqueVariableNamesRule: an operation defines each variable once.
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class unique_variable_names_rule final : public rule {
 public:
  explicit unique_variable_names_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::operation_definition);
  }
  bool enter(const lang::node& n) override {
    const auto& op = lang::as<lang::operation_definition_node>(n);
    auto groups = group_by(op.variable_definitions, [](const lang::variable_definition_node& d) {
      return d.variable.name.value;
    });
    for (const auto& [name, defs] : groups) {
      if (defs.size() < 2) continue;
      std::vector<const lang::node*> nodes;
      for (const auto* d : defs) nodes.push_back(&d->variable.name);
      context_.report("There can be only one variable named \"$" + std::string(name) + "\".",
                      nodes);
    }
    return true;
  }
};

}  // namespace

rule_ptr unique_variable_names(validation_context& c) {
  return std::make_unique<unique_variable_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

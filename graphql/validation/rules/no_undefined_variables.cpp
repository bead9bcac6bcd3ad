// graphql-js NoUndefinedVariablesRule: every variable an operation uses (through its fragments
// too) is defined by it.
#include <unordered_set>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class no_undefined_variables_rule final : public rule {
 public:
  explicit no_undefined_variables_rule(validation_context& c) : rule(c) {
    enter_mask =
        bit(lang::node_kind::operation_definition) | bit(lang::node_kind::variable_definition);
    leave_mask = bit(lang::node_kind::operation_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::operation_definition) {
      defined_.clear();
    } else {
      defined_.insert(lang::as<lang::variable_definition_node>(n).variable.name.value);
    }
    return true;
  }
  void leave(const lang::node& n) override {
    const auto& op = lang::as<lang::operation_definition_node>(n);
    for (const auto& usage : context_.recursive_variable_usages(op)) {
      std::string_view name = usage.node->name.value;
      if (defined_.contains(name)) continue;
      std::string message = "Variable \"$" + std::string(name) + "\" is not defined";
      message += op.name.empty() ? "." : " by operation " + quoted(op.name.value) + ".";
      context_.report(std::move(message), {usage.node, &op});
    }
  }

 private:
  std::unordered_set<std::string_view> defined_;
};

}  // namespace

rule_ptr no_undefined_variables(validation_context& c) {
  return std::make_unique<no_undefined_variables_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

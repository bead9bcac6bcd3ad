// graphql-js NoUnusedVariablesRule: every variable an operation defines is used by it or by the
// fragments it spreads.
#include <unordered_set>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class no_unused_variables_rule final : public rule {
 public:
  explicit no_unused_variables_rule(validation_context& c) : rule(c) {
    enter_mask =
        bit(lang::node_kind::operation_definition) | bit(lang::node_kind::variable_definition);
    leave_mask = bit(lang::node_kind::operation_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::operation_definition) {
      definitions_.clear();
    } else {
      definitions_.push_back(&lang::as<lang::variable_definition_node>(n));
    }
    return true;
  }
  void leave(const lang::node& n) override {
    const auto& op = lang::as<lang::operation_definition_node>(n);
    std::unordered_set<std::string_view> used;
    for (const auto& usage : context_.recursive_variable_usages(op)) {
      used.insert(usage.node->name.value);
    }
    for (const auto* def : definitions_) {
      std::string_view name = def->variable.name.value;
      if (used.contains(name)) continue;
      std::string message = "Variable \"$" + std::string(name) + "\" is never used";
      message += op.name.empty() ? "." : " in operation " + quoted(op.name.value) + ".";
      context_.report(std::move(message), {def});
    }
  }

 private:
  std::vector<const lang::variable_definition_node*> definitions_;
};

}  // namespace

rule_ptr no_unused_variables(validation_context& c) {
  return std::make_unique<no_unused_variables_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

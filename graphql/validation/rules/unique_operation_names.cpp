// graphql-js UniqueOperationNamesRule: operation names are unique within a document.
#include <unordered_map>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class unique_operation_names_rule final : public rule {
 public:
  explicit unique_operation_names_rule(validation_context& c) : rule(c) {
    enter_mask =
        bit(lang::node_kind::operation_definition) | bit(lang::node_kind::fragment_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind != lang::node_kind::operation_definition) return false;
    const auto& name = lang::as<lang::operation_definition_node>(n).name;
    if (name.empty()) return false;
    auto [it, inserted] = known_.try_emplace(name.value, &name);
    if (!inserted) {
      context_.report("There can be only one operation named " + quoted(name.value) + ".",
                      {it->second, &name});
    }
    return false;
  }

 private:
  std::unordered_map<std::string_view, const lang::name_node*> known_;
};

}  // namespace

rule_ptr unique_operation_names(validation_context& c) {
  return std::make_unique<unique_operation_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

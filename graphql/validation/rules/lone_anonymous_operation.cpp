// graphql-js LoneAnonymousOperationRule: an anonymous operation must be the only operation.
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class lone_anonymous_operation_rule final : public rule {
 public:
  explicit lone_anonymous_operation_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::document) | bit(lang::node_kind::operation_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::document) {
      count_ = 0;
      for (const auto* def : lang::as<lang::document_node>(n).definitions) {
        if (def->kind == lang::node_kind::operation_definition) ++count_;
      }
    } else if (lang::as<lang::operation_definition_node>(n).name.empty() && count_ > 1) {
      context_.report("This anonymous operation must be the only defined operation.", {&n});
    }
    return true;
  }

 private:
  int count_ = 0;
};

}  // namespace

rule_ptr lone_anonymous_operation(validation_context& c) {
  return std::make_unique<lone_anonymous_operation_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

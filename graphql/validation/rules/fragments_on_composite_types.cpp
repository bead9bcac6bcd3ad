// graphql-js FragmentsOnCompositeTypesRule: fragments condition on objects, interfaces or unions.
#include "graphql/language/printer.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class fragments_on_composite_types_rule final : public rule {
 public:
  explicit fragments_on_composite_types_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::inline_fragment) | bit(lang::node_kind::fragment_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::inline_fragment) {
      const auto* condition = lang::as<lang::inline_fragment_node>(n).type_condition;
      if (condition != nullptr && !composite(*condition)) {
        context_.report("Fragment cannot condition on non composite type " +
                            quoted(lang::print(*condition)) + ".",
                        {condition});
      }
    } else {
      const auto& frag = lang::as<lang::fragment_definition_node>(n);
      if (!composite(*frag.type_condition)) {
        context_.report("Fragment " + quoted(frag.name.value) +
                            " cannot condition on non composite type " +
                            quoted(lang::print(*frag.type_condition)) + ".",
                        {frag.type_condition});
      }
    }
    return true;
  }

 private:
  // Unknown types are KnownTypeNames' concern.
  bool composite(const lang::named_type_node& condition) const {
    auto t = type_from_ast(context_.schema(), condition);
    return t.empty() || t.named()->is_composite_type();
  }
};

}  // namespace

rule_ptr fragments_on_composite_types(validation_context& c) {
  return std::make_unique<fragments_on_composite_types_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

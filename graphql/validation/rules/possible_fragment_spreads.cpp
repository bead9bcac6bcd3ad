// graphql-js PossibleFragmentSpreadsRule: a fragment is spread only where its type can overlap
// the parent type.
#include "graphql/utilities/type_comparators.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class possible_fragment_spreads_rule final : public rule {
 public:
  explicit possible_fragment_spreads_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::inline_fragment) | bit(lang::node_kind::fragment_spread);
  }
  bool enter(const lang::node& n) override {
    const auto* parent = context_.types().parent_type();
    if (n.kind == lang::node_kind::inline_fragment) {
      auto frag_type = context_.types().type();
      if (!frag_type.empty() && frag_type.is_named() && frag_type.named()->is_composite_type() &&
          parent != nullptr &&
          !utilities::do_types_overlap(context_.schema(), *frag_type.named(), *parent)) {
        context_.report("Fragment cannot be spread here as objects of type " +
                            quoted(parent->name()) + " can never be of type " +
                            quoted(frag_type.named()->name()) + ".",
                        {&n});
      }
      return true;
    }
    const auto& spread = lang::as<lang::fragment_spread_node>(n);
    const auto* frag = context_.fragment(spread.name.value);
    if (frag == nullptr || parent == nullptr) return true;
    auto frag_type = type_from_ast(context_.schema(), *frag->type_condition);
    if (frag_type.empty() || !frag_type.named()->is_composite_type()) return true;
    if (!utilities::do_types_overlap(context_.schema(), *frag_type.named(), *parent)) {
      context_.report("Fragment " + quoted(spread.name.value) +
                          " cannot be spread here as objects of type " + quoted(parent->name()) +
                          " can never be of type " + quoted(frag_type.named()->name()) + ".",
                      {&n});
    }
    return true;
  }
};

}  // namespace

rule_ptr possible_fragment_spreads(validation_context& c) {
  return std::make_unique<possible_fragment_spreads_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

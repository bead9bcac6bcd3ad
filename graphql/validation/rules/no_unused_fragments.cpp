// graphql-js NoUnusedFragmentsRule: every fragment is reachable from some operation.
#include <unordered_set>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class no_unused_fragments_rule final : public rule {
 public:
  explicit no_unused_fragments_rule(validation_context& c) : rule(c) {
    enter_mask =
        bit(lang::node_kind::operation_definition) | bit(lang::node_kind::fragment_definition);
    leave_mask = bit(lang::node_kind::document);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::operation_definition) {
      operations_.push_back(&lang::as<lang::operation_definition_node>(n));
    } else {
      fragments_.push_back(&lang::as<lang::fragment_definition_node>(n));
    }
    return false;
  }
  void leave(const lang::node&) override {
    std::unordered_set<std::string_view> used;
    for (const auto* frag : context_.recursively_referenced_fragments(operations_)) {
      used.insert(frag->name.value);
    }
    for (const auto* frag : fragments_) {
      if (!used.contains(frag->name.value)) {
        context_.report("Fragment " + quoted(frag->name.value) + " is never used.", {frag});
      }
    }
  }

 private:
  std::vector<const lang::operation_definition_node*> operations_;
  std::vector<const lang::fragment_definition_node*> fragments_;
};

}  // namespace

rule_ptr no_unused_fragments(validation_context& c) {
  return std::make_unique<no_unused_fragments_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

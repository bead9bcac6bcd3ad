// graphql-js ScalarLeafsRule: leaf fields have no selection, composite fields have one.
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class scalar_leafs_rule final : public rule {
 public:
  explicit scalar_leafs_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::field);
  }
  bool enter(const lang::node& n) override {
    const auto& field = lang::as<lang::field_node>(n);
    auto t = context_.types().type();
    if (t.empty()) return true;
    std::string name(field.name.value);
    if (t.named()->is_leaf_type()) {
      if (field.selection_set != nullptr) {
        context_.report("Field " + quoted(name) + " must not have a selection since type " +
                            quoted(t.to_string()) + " has no subfields.",
                        {field.selection_set});
      }
    } else if (field.selection_set == nullptr) {
      context_.report("Field " + quoted(name) + " of type " + quoted(t.to_string()) +
                          " must have a selection of subfields. Did you mean \"" + name +
                          " { ... }\"?",
                      {&field});
    } else if (field.selection_set->selections.empty()) {
      context_.report("Field " + quoted(name) + " of type " + quoted(t.to_string()) +
                          " must have at least one field selected.",
                      {&field});
    }
    return true;
  }
};

}  // namespace

rule_ptr scalar_leafs(validation_context& c) {
  return std::make_unique<scalar_leafs_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

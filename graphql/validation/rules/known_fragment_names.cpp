// graphql-js KnownFragmentNamesRule: every spread names a fragment of the document.
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class known_fragment_names_rule final : public rule {
 public:
  explicit known_fragment_names_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::fragment_spread);
  }
  bool enter(const lang::node& n) override {
    const auto& name = lang::as<lang::fragment_spread_node>(n).name;
    if (context_.fragment(name.value) == nullptr) {
      context_.report("Unknown fragment " + quoted(name.value) + ".", {&name});
    }
    return true;
  }
};

}  // namespace

rule_ptr known_fragment_names(validation_context& c) {
  return std::make_unique<known_fragment_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

// graphql-js UniqueArgumentNamesRule: a field or directive gets each argument once.
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class unique_argument_names_rule final : public rule {
 public:
  explicit unique_argument_names_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::field) | bit(lang::node_kind::directive);
  }
  bool enter(const lang::node& n) override {
    const auto& args = n.kind == lang::node_kind::field
                           ? lang::as<lang::field_node>(n).arguments
                           : lang::as<lang::directive_node>(n).arguments;
    if (args.size() < 2) return true;
    auto groups = group_by(args, [](const lang::argument_node& a) { return a.name.value; });
    for (const auto& [name, nodes] : groups) {
      if (nodes.size() < 2) continue;
      std::vector<const lang::node*> names;
      for (const auto* a : nodes) names.push_back(&a->name);
      context_.report("There can be only one argument named " + quoted(name) + ".", names);
    }
    return true;
  }
};

}  // namespace

rule_ptr unique_argument_names(validation_context& c) {
  return std::make_unique<unique_argument_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

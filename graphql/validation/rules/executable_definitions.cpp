// graphql-js ExecutableDefinitionsRule: a request document holds only operations and fragments.
#include "graphql/language/visitor.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class executable_definitions_rule final : public rule {
 public:
  explicit executable_definitions_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::document);
  }
  bool enter(const lang::node& n) override {
    for (const auto* def : lang::as<lang::document_node>(n).definitions) {
      if (lang::is_executable_definition(def->kind)) continue;
      std::string name = lang::dispatch(*def, [](const auto& d) -> std::string {
        if constexpr (requires { d.name.value; }) {
          return quoted(d.name.value);
        } else {
          return "schema";
        }
      });
      context_.report("The " + name + " definition is not executable.", {def});
    }
    return false;
  }
};

}  // namespace

rule_ptr executable_definitions(validation_context& c) {
  return std::make_unique<executable_definitions_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

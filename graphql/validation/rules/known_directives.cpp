// graphql-js KnownDirectivesRule: directives are defined (by the schema or the document) and
// used at one of their locations.
#include <unordered_map>

#include "graphql/type/directives.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

std::string_view location_of(const lang::node& applied_to, const lang::node* grandparent) {
  using k = lang::node_kind;
  switch (applied_to.kind) {
    case k::operation_definition:
      switch (lang::as<lang::operation_definition_node>(applied_to).operation) {
        case lang::operation_type::query:
          return "QUERY";
        case lang::operation_type::mutation:
          return "MUTATION";
        case lang::operation_type::subscription:
          return "SUBSCRIPTION";
      }
      return "";
    case k::field:
      return "FIELD";
    case k::fragment_spread:
      return "FRAGMENT_SPREAD";
    case k::inline_fragment:
      return "INLINE_FRAGMENT";
    case k::fragment_definition:
      return "FRAGMENT_DEFINITION";
    case k::variable_definition:
      return "VARIABLE_DEFINITION";
    case k::schema_definition:
    case k::schema_extension:
      return "SCHEMA";
    case k::scalar_type_definition:
    case k::scalar_type_extension:
      return "SCALAR";
    case k::object_type_definition:
    case k::object_type_extension:
      return "OBJECT";
    case k::field_definition:
      return "FIELD_DEFINITION";
    case k::interface_type_definition:
    case k::interface_type_extension:
      return "INTERFACE";
    case k::union_type_definition:
    case k::union_type_extension:
      return "UNION";
    case k::enum_type_definition:
    case k::enum_type_extension:
      return "ENUM";
    case k::enum_value_definition:
      return "ENUM_VALUE";
    case k::input_object_type_definition:
    case k::input_object_type_extension:
      return "INPUT_OBJECT";
    case k::input_value_definition:
      // graphql-js looks only for an input object definition (not an extension) above.
      return grandparent != nullptr && grandparent->kind == k::input_object_type_definition
                 ? "INPUT_FIELD_DEFINITION"
                 : "ARGUMENT_DEFINITION";
    case k::directive_definition:
      return "DIRECTIVE_DEFINITION";
    default:
      return "";
  }
}

class known_directives_rule final : public rule {
 public:
  explicit known_directives_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::directive);
    for (const auto& d : c.schema().directives()) {
      auto& locations = locations_[d.name];
      for (auto l : d.locations) locations.push_back(type::to_string(l));
    }
    for (const auto* def : c.document().definitions()) {
      if (const auto* d = lang::as_if<lang::directive_definition_node>(def)) {
        auto& locations = locations_[d->name.value];
        locations.clear();
        for (const auto& l : d->locations) locations.push_back(l.value);
      }
    }
  }
  bool enter(const lang::node& n) override {
    const auto& directive = lang::as<lang::directive_node>(n);
    auto it = locations_.find(directive.name.value);
    if (it == locations_.end()) {
      context_.report("Unknown directive \"@" + std::string(directive.name.value) + "\".", {&n});
      return true;
    }
    const auto* applied_to = context_.ancestor(1);
    if (applied_to == nullptr) return true;
    std::string_view candidate = location_of(*applied_to, context_.ancestor(2));
    if (candidate.empty()) return true;
    for (auto l : it->second) {
      if (l == candidate) return true;
    }
    context_.report("Directive \"@" + std::string(directive.name.value) + "\" may not be used on " +
                        std::string(candidate) + ".",
                    {&n});
    return true;
  }

 private:
  std::unordered_map<std::string_view, std::vector<std::string_view>> locations_;
};

}  // namespace

rule_ptr known_directives(validation_context& c) {
  return std::make_unique<known_directives_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

// graphql-js NoSchemaIntrospectionCustomRule (not in specifiedRules): with introspection switched
// off for an endpoint, every field whose type is an introspection type (__schema, __type and the
// __Type/__Field/... fields below them) is refused; __typename stays allowed.
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

// The introspection types graphql-js lists (introspectionTypes): all named with "__".
bool is_introspection_type_name(std::string_view name) {
  return name.starts_with("__");
}

class no_schema_introspection_rule final : public rule {
 public:
  explicit no_schema_introspection_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::field);
  }
  bool enter(const lang::node& n) override {
    auto t = context_.types().type();
    if (t.empty() || !is_introspection_type_name(t.named()->name())) return true;
    const auto& field = lang::as<lang::field_node>(n);
    context_.report(
        "GraphQL introspection has been disabled, but the requested query contained the field " +
            quoted(std::string(field.name.value)) + ".",
        {&n});
    return true;
  }
};

}  // namespace

rule_ptr no_schema_introspection(validation_context& c) {
  return std::make_unique<no_schema_introspection_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

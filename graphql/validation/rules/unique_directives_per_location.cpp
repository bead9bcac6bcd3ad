// graphql-js UniqueDirectivesPerLocationRule: a non-repeatable directive appears once per
// location (once per type across a type's definition and extensions, once per schema).
#include <unordered_map>

#include "graphql/language/visitor.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

using seen_map = std::unordered_map<std::string_view, const lang::directive_node*>;

bool is_type_definition_or_extension(lang::node_kind k) {
  using K = lang::node_kind;
  switch (k) {
    case K::scalar_type_definition:
    case K::object_type_definition:
    case K::interface_type_definition:
    case K::union_type_definition:
    case K::enum_type_definition:
    case K::input_object_type_definition:
    case K::scalar_type_extension:
    case K::object_type_extension:
    case K::interface_type_extension:
    case K::union_type_extension:
    case K::enum_type_extension:
    case K::input_object_type_extension:
      return true;
    default:
      return false;
  }
}

class unique_directives_per_location_rule final : public rule {
 public:
  explicit unique_directives_per_location_rule(validation_context& c) : rule(c) {
    enter_mask = ~std::uint64_t{0};
    for (const auto& d : c.schema().directives()) unique_[d.name] = !d.is_repeatable;
    for (const auto* def : c.document().definitions()) {
      if (const auto* d = lang::as_if<lang::directive_definition_node>(def)) {
        unique_[d->name.value] = !d->repeatable;
      }
    }
  }
  bool enter(const lang::node& n) override {
    lang::node_span<lang::directive_node> directives;
    std::string_view type_name;
    bool has = lang::dispatch(n, [&](const auto& c) {
      if constexpr (requires { c.directives; }) {
        directives = c.directives;
        if constexpr (requires { c.name.value; }) type_name = c.name.value;
        return true;
      } else {
        return false;
      }
    });
    if (!has) return true;
    seen_map local;
    seen_map* seen = &local;
    if (n.kind == lang::node_kind::schema_definition ||
        n.kind == lang::node_kind::schema_extension) {
      seen = &schema_seen_;
    } else if (is_type_definition_or_extension(n.kind)) {
      seen = &type_seen_[type_name];
    }
    for (const auto& directive : directives) {
      auto u = unique_.find(directive.name.value);
      if (u == unique_.end() || !u->second) continue;
      auto [it, inserted] = seen->try_emplace(directive.name.value, &directive);
      if (!inserted) {
        context_.report("The directive \"@" + std::string(directive.name.value) +
                            "\" can only be used once at this location.",
                        {it->second, &directive});
      }
    }
    return true;
  }

 private:
  std::unordered_map<std::string_view, bool> unique_;
  seen_map schema_seen_;
  std::unordered_map<std::string_view, seen_map> type_seen_;
};

}  // namespace

rule_ptr unique_directives_per_location(validation_context& c) {
  return std::make_unique<unique_directives_per_location_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

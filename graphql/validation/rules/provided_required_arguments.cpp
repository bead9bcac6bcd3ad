// graphql-js ProvidedRequiredArgumentsRule: required arguments (non-null, no default) of fields
// and directives are given. Checked on leave so deeper errors come first.
#include <unordered_map>

#include "graphql/language/printer.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

bool provided(const lang::node_span<lang::argument_node>& args, std::string_view name) {
  for (const auto& a : args) {
    if (a.name.value == name) return true;
  }
  return false;
}

class provided_required_arguments_rule final : public rule {
 public:
  explicit provided_required_arguments_rule(validation_context& c) : rule(c) {
    leave_mask = bit(lang::node_kind::field) | bit(lang::node_kind::directive);
    for (const auto& d : c.schema().directives()) {
      auto& required = required_[d.name];
      for (const auto& a : d.args) {
        if (a.is_required()) required.emplace_back(a.name, a.type.to_string());
      }
    }
    for (const auto* def : c.document().definitions()) {
      if (const auto* d = lang::as_if<lang::directive_definition_node>(def)) {
        auto& required = required_[d->name.value];
        required.clear();
        for (const auto& a : d->arguments) {
          if (a.type->kind == lang::node_kind::non_null_type && a.default_value == nullptr) {
            required.emplace_back(a.name.value, lang::print(*a.type));
          }
        }
      }
    }
  }
  void leave(const lang::node& n) override {
    if (n.kind == lang::node_kind::field) {
      const auto* def = context_.types().field_def();
      if (def == nullptr) return;
      const auto& field = lang::as<lang::field_node>(n);
      for (const auto& arg : def->args) {
        if (!arg.is_required() || provided(field.arguments, arg.name)) continue;
        context_.report("Field " + quoted(def->name) + " argument " + quoted(arg.name) +
                            " of type " + quoted(arg.type.to_string()) +
                            " is required, but it was not provided.",
                        {&n});
      }
      return;
    }
    const auto& directive = lang::as<lang::directive_node>(n);
    auto it = required_.find(directive.name.value);
    if (it == required_.end()) return;
    for (const auto& [name, type_string] : it->second) {
      if (provided(directive.arguments, name)) continue;
      context_.report("Directive \"@" + std::string(directive.name.value) + "\" argument " +
                          quoted(name) + " of type " + quoted(type_string) +
                          " is required, but it was not provided.",
                      {&n});
    }
  }

 private:
  std::unordered_map<std::string_view, std::vector<std::pair<std::string_view, std::string>>>
      required_;
};

}  // namespace

rule_ptr provided_required_arguments(validation_context& c) {
  return std::make_unique<provided_required_arguments_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

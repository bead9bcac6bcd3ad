// graphql-js KnownArgumentNamesRule: arguments are defined by their field or directive.
#include <algorithm>
#include <unordered_map>

#include "graphql/utilities/suggestion_list.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class known_argument_names_rule final : public rule {
 public:
  explicit known_argument_names_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::directive) | bit(lang::node_kind::argument);
    for (const auto& d : c.schema().directives()) {
      auto& names = directive_args_[d.name];
      for (const auto& a : d.args) names.push_back(a.name);
    }
    for (const auto* def : c.document().definitions()) {
      if (const auto* d = lang::as_if<lang::directive_definition_node>(def)) {
        auto& names = directive_args_[d->name.value];
        names.clear();
        for (const auto& a : d->arguments) {
          if (std::find(names.begin(), names.end(), a.name.value) == names.end()) {
            names.push_back(a.name.value);
          }
        }
      }
    }
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::directive) {
      check_directive(lang::as<lang::directive_node>(n));
      return false;  // directive arguments are done here, not by the Argument visit below
    }
    const auto& types = context_.types();
    const auto* field = types.field_def();
    if (types.argument() != nullptr || field == nullptr || types.parent_type() == nullptr) {
      return true;
    }
    const auto& arg = lang::as<lang::argument_node>(n);
    std::vector<std::string> suggestions;
    if (!context_.hide_suggestions()) {
      std::vector<std::string_view> options;
      for (const auto& a : field->args) options.push_back(a.name);
      suggestions = utilities::suggestion_list(arg.name.value, options);
    }
    context_.report("Unknown argument " + quoted(arg.name.value) + " on field " +
                        quoted(types.parent_type()->name() + "." + field->name) + "." +
                        utilities::did_you_mean("", suggestions),
                    {&n});
    return true;
  }

 private:
  void check_directive(const lang::directive_node& directive) {
    auto it = directive_args_.find(directive.name.value);
    if (it == directive_args_.end()) return;
    for (const auto& arg : directive.arguments) {
      const auto& known = it->second;
      if (std::find(known.begin(), known.end(), arg.name.value) != known.end()) continue;
      std::vector<std::string> suggestions;
      if (!context_.hide_suggestions())
        suggestions = utilities::suggestion_list(arg.name.value, known);
      context_.report("Unknown argument " + quoted(arg.name.value) + " on directive \"@" +
                          std::string(directive.name.value) + "\"." +
                          utilities::did_you_mean("", suggestions),
                      {&arg});
    }
  }

  std::unordered_map<std::string_view, std::vector<std::string_view>> directive_args_;
};

}  // namespace

rule_ptr known_argument_names(validation_context& c) {
  return std::make_unique<known_argument_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

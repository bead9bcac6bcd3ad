// graphql-js KnownTypeNamesRule: every named type reference names a type of the schema (or one
// the document defines). In type-system definitions the built-in types are always known.
#include <unordered_set>

#include "graphql/language/visitor.hpp"
#include "graphql/utilities/suggestion_list.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

constexpr std::string_view standard_type_names[] = {
    "String",    "Int",      "Float",        "Boolean",
    "ID",        "__Schema", "__Directive",  "__DirectiveLocation",
    "__Type",    "__Field",  "__InputValue", "__EnumValue",
    "__TypeKind"};

bool is_type_definition(lang::node_kind k) {
  using K = lang::node_kind;
  return k == K::scalar_type_definition || k == K::object_type_definition ||
         k == K::interface_type_definition || k == K::union_type_definition ||
         k == K::enum_type_definition || k == K::input_object_type_definition;
}

class known_type_names_rule final : public rule {
 public:
  explicit known_type_names_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::named_type);
    for (const auto* def : c.document().definitions()) {
      if (!is_type_definition(def->kind)) continue;
      lang::dispatch(*def, [&](const auto& d) {
        if constexpr (requires { d.name.value; }) {
          if (defined_.insert(d.name.value).second) defined_order_.push_back(d.name.value);
        }
      });
    }
  }
  bool enter(const lang::node& n) override {
    std::string_view name = lang::as<lang::named_type_node>(n).name.value;
    if (context_.schema().type(name) != nullptr || defined_.contains(name)) return true;
    // The top-level definition holding the reference (graphql-js `ancestors[2] ?? parent`).
    const auto& path = context_.path();
    const lang::node* definition = path.size() > 1 ? path[1] : nullptr;
    bool sdl = definition != nullptr && (lang::is_type_system_definition(definition->kind) ||
                                         lang::is_type_system_extension(definition->kind));
    if (sdl) {
      for (auto s : standard_type_names) {
        if (s == name) return true;
      }
    }
    std::vector<std::string> suggestions;
    if (!context_.hide_suggestions()) {
      std::vector<std::string_view> options;
      if (sdl) options.assign(std::begin(standard_type_names), std::end(standard_type_names));
      for (const auto* t : context_.schema().types()) options.push_back(t->name());
      options.insert(options.end(), defined_order_.begin(), defined_order_.end());
      suggestions = utilities::suggestion_list(name, options);
    }
    context_.report("Unknown type " + quoted(name) + "." + utilities::did_you_mean("", suggestions),
                    {&n});
    return true;
  }

 private:
  std::unordered_set<std::string_view> defined_;
  std::vector<std::string_view> defined_order_;
};

}  // namespace

rule_ptr known_type_names(validation_context& c) {
  return std::make_unique<known_type_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

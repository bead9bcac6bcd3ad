// graphql-js ValuesOfCorrectTypeRule: every literal value fits the input type expected where it
// is written (leaf values through their scalar's or enum's parse-literal), input objects give
// their required fields and define the fields given, OneOf input objects get exactly one.
#include <unordered_map>

#include "graphql/language/printer.hpp"
#include "graphql/utilities/suggestion_list.hpp"
#include "graphql/validation/literal_coercion.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;
using type::type_ref;

namespace {

class values_of_correct_type_rule final : public rule {
 public:
  explicit values_of_correct_type_rule(validation_context& c) : rule(c) {
    using K = lang::node_kind;
    enter_mask = bit(K::list_value) | bit(K::object_value) | bit(K::object_field) |
                 bit(K::null_value) | bit(K::enum_value) | bit(K::int_value) | bit(K::float_value) |
                 bit(K::string_value) | bit(K::boolean_value);
  }
  bool enter(const lang::node& n) override {
    const auto& types = context_.types();
    switch (n.kind) {
      case lang::node_kind::list_value:
        if (!types.parent_input_type().nullable().is_list()) {
          check_leaf(n);
          return false;
        }
        return true;
      case lang::node_kind::object_value:
        return check_object(lang::as<lang::object_value_node>(n));
      case lang::node_kind::object_field: {
        auto parent = types.parent_input_type();
        const auto* object = parent.empty() ? nullptr : type::as_input_object(parent.named());
        if (!types.input_type().empty() || object == nullptr) return true;
        const auto& field = lang::as<lang::object_field_node>(n);
        std::vector<std::string> suggestions;
        if (!context_.hide_suggestions()) {
          std::vector<std::string_view> options;
          for (const auto& f : object->fields()) options.push_back(f.name);
          suggestions = utilities::suggestion_list(field.name.value, options);
        }
        context_.report("Field " + quoted(field.name.value) + " is not defined by type " +
                            quoted(object->name()) + "." + utilities::did_you_mean("", suggestions),
                        {&n});
        return true;
      }
      case lang::node_kind::null_value: {
        auto t = types.input_type();
        if (t.is_non_null()) {
          context_.report("Expected value of type " + quoted(t.to_string()) + ", found null.",
                          {&n});
        }
        return true;
      }
      default:
        check_leaf(n);
        return true;
    }
  }

 private:
  bool check_object(const lang::object_value_node& node) {
    auto t = context_.types().input_type();
    const auto* object = t.empty() ? nullptr : type::as_input_object(t.named());
    if (object == nullptr) {
      check_leaf(node);
      return false;
    }
    // graphql-js keyMap: the last field of a name wins.
    std::vector<std::pair<std::string_view, const lang::object_field_node*>> given;
    for (const auto& f : node.fields) {
      auto it = given.begin();
      while (it != given.end() && it->first != f.name.value) ++it;
      if (it == given.end()) {
        given.emplace_back(f.name.value, &f);
      } else {
        it->second = &f;
      }
    }
    for (const auto& def : object->fields()) {
      if (!def.is_required()) continue;
      bool found = false;
      for (const auto& g : given) found = found || g.first == def.name;
      if (!found) {
        context_.report("Field " + quoted(object->name() + "." + def.name) + " of required type " +
                            quoted(def.type.to_string()) + " was not provided.",
                        {&node});
      }
    }
    if (object->is_one_of()) {
      if (given.size() != 1) {
        context_.report(
            "OneOf Input Object " + quoted(object->name()) + " must specify exactly one key.",
            {&node});
      } else if (given[0].second->value->kind == lang::node_kind::null_value) {
        context_.report("Field " + quoted(object->name() + "." + std::string(given[0].first)) +
                            " must be non-null.",
                        {&node});
      }
    }
    return true;
  }

  // graphql-js isValidValueNode: reported at the full type the position expects.
  void check_leaf(const lang::node& node) {
    auto location_type = context_.types().input_type();
    if (location_type.empty()) return;
    const auto& value = static_cast<const lang::value_node&>(node);
    const auto* named = location_type.named();
    if (!named->is_leaf_type()) {
      context_.report("Expected value of type " + quoted(location_type.to_string()) + ", found " +
                          lang::print(node) + ".",
                      {&node});
      return;
    }
    auto result = parse_leaf_literal(*named, value, context_.hide_suggestions());
    if (!result.ok()) context_.report(result.error_message(), {&node});
  }
};

}  // namespace

rule_ptr values_of_correct_type(validation_context& c) {
  return std::make_unique<values_of_correct_type_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

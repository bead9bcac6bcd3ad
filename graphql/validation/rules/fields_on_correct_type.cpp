// graphql-js FieldsOnCorrectTypeRule: a selected field exists on its parent type; otherwise the
// message suggests types to fragment on, or else similarly named fields.
#include <algorithm>

#include "graphql/utilities/suggestion_list.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

std::vector<std::string> suggested_type_names(const type::schema& schema,
                                              const type::named_type& parent,
                                              std::string_view field_name) {
  if (!parent.is_abstract_type()) return {};
  std::vector<const type::named_type*> suggested;
  std::vector<int> usage(schema.types().size() + 1, 0);
  auto add = [&](const type::named_type* t) {
    if (std::find(suggested.begin(), suggested.end(), t) == suggested.end()) suggested.push_back(t);
  };
  for (const auto* possible : schema.possible_types(parent)) {
    if (possible->field(field_name) == nullptr) continue;
    add(possible);
    usage[possible->index()] = 1;
    for (const auto* iface : possible->interfaces()) {
      if (iface->field(field_name) == nullptr) continue;
      add(iface);
      ++usage[iface->index()];
    }
  }
  auto compare = [&](const type::named_type* a, const type::named_type* b) {
    int diff = usage[b->index()] - usage[a->index()];
    if (diff != 0) return diff;
    if (a->kind() == type::type_kind::interface && schema.is_sub_type(*a, *b)) return -1;
    if (b->kind() == type::type_kind::interface && schema.is_sub_type(*b, *a)) return 1;
    return utilities::natural_compare(a->name(), b->name());
  };
  std::stable_sort(suggested.begin(), suggested.end(),
                   [&](const auto* a, const auto* b) { return compare(a, b) < 0; });
  std::vector<std::string> names;
  names.reserve(suggested.size());
  for (const auto* t : suggested) names.push_back(t->name());
  return names;
}

std::vector<std::string> suggested_field_names(const type::named_type& parent,
                                               std::string_view field_name) {
  const auto* fields = type::as_fields_type(&parent);
  if (fields == nullptr) return {};
  std::vector<std::string_view> options;
  for (const auto& f : fields->fields()) options.push_back(f.name);
  return utilities::suggestion_list(field_name, options);
}

class fields_on_correct_type_rule final : public rule {
 public:
  explicit fields_on_correct_type_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::field);
  }
  bool enter(const lang::node& n) override {
    const auto* parent = context_.types().parent_type();
    if (parent == nullptr || context_.types().field_def() != nullptr) return true;
    const auto& field = lang::as<lang::field_node>(n);
    bool hide = context_.hide_suggestions();
    std::string suggestion = utilities::did_you_mean(
        "to use an inline fragment on",
        hide ? std::vector<std::string>{}
             : suggested_type_names(context_.schema(), *parent, field.name.value));
    if (suggestion.empty() && !hide) {
      suggestion = utilities::did_you_mean("", suggested_field_names(*parent, field.name.value));
    }
    context_.report("Cannot query field " + quoted(field.name.value) + " on type " +
                        quoted(parent->name()) + "." + suggestion,
                    {&field});
    return true;
  }
};

}  // namespace

rule_ptr fields_on_correct_type(validation_context& c) {
  return std::make_unique<fields_on_correct_type_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

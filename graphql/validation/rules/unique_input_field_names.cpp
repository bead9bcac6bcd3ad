// graphql-js UniqueInputFieldNamesRule: an input object literal gives each field once.
#include <unordered_map>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class unique_input_field_names_rule final : public rule {
 public:
  explicit unique_input_field_names_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::object_value) | bit(lang::node_kind::object_field);
    leave_mask = bit(lang::node_kind::object_value);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::object_value) {
      stack_.emplace_back();
      return true;
    }
    const auto& name = lang::as<lang::object_field_node>(n).name;
    if (stack_.empty()) return true;
    auto& known = stack_.back();
    auto it = known.begin();
    while (it != known.end() && it->first != name.value) ++it;
    if (it == known.end()) {
      known.emplace_back(name.value, &name);
    } else {
      context_.report("There can be only one input field named " + quoted(name.value) + ".",
                      {it->second, &name});
    }
    return true;
  }
  void leave(const lang::node&) override { stack_.pop_back(); }

 private:
  std::vector<std::vector<std::pair<std::string_view, const lang::name_node*>>> stack_;
};

}  // namespace

rule_ptr unique_input_field_names(validation_context& c) {
  return std::make_unique<unique_input_field_names_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

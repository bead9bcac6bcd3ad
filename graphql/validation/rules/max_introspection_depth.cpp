// graphql-js MaxIntrospectionDepthRule (in its recommendedRules, so in specifiedRules): an
// introspection query nests the list fields of __Type (fields, interfaces, possibleTypes,
// inputFields) fewer than three deep, fragments followed, so introspection cannot be made to
// produce an exponential response.
#include <unordered_map>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

constexpr int max_lists_depth = 3;

class max_introspection_depth_rule final : public rule {
 public:
  explicit max_introspection_depth_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::field);
  }
  bool enter(const lang::node& n) override {
    const auto& field = lang::as<lang::field_node>(n);
    if (field.name.value != "__schema" && field.name.value != "__type") return true;
    std::unordered_map<std::string_view, int> visited;
    if (check(n, visited, 0)) {
      context_.report("Maximum introspection depth exceeded", {&n});
      return false;
    }
    return true;
  }

 private:
  // True when the limit is reached below `n`; `depth` counts list fields above it.
  bool check(const lang::node& n, std::unordered_map<std::string_view, int>& visited, int depth) {
    if (const auto* spread = lang::as_if<lang::fragment_spread_node>(&n)) {
      std::string_view name = spread->name.value;
      if (auto e = exceeded_.find(name); e != exceeded_.end() && e->second <= depth) return true;
      if (auto v = visited.find(name); v != visited.end() && v->second >= depth) return false;
      if (auto c = checked_.find(name); c != checked_.end() && c->second >= depth) return false;
      const auto* fragment = context_.fragment(name);
      if (fragment == nullptr) return false;
      visited[name] = depth;
      if (check(*fragment, visited, depth)) {
        exceeded_[name] = depth;
        return true;
      }
      checked_[name] = depth;
      return false;
    }
    const lang::selection_set_node* set = nullptr;
    if (const auto* field = lang::as_if<lang::field_node>(&n)) {
      auto name = field->name.value;
      if (name == "fields" || name == "interfaces" || name == "possibleTypes" ||
          name == "inputFields") {
        if (++depth >= max_lists_depth) return true;
      }
      set = field->selection_set;
    } else if (const auto* inline_frag = lang::as_if<lang::inline_fragment_node>(&n)) {
      set = inline_frag->selection_set;
    } else if (const auto* frag = lang::as_if<lang::fragment_definition_node>(&n)) {
      set = frag->selection_set;
    }
    if (set == nullptr) return false;
    for (const auto* child : set->selections) {
      if (check(*child, visited, depth)) return true;
    }
    return false;
  }

  std::unordered_map<std::string_view, int> checked_;
  std::unordered_map<std::string_view, int> exceeded_;
};

}  // namespace

rule_ptr max_introspection_depth(validation_context& c) {
  return std::make_unique<max_introspection_depth_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

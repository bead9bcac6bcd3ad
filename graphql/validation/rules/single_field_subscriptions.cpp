// graphql-js SingleFieldSubscriptionsRule: a subscription selects exactly one root field, and
// not an introspection one. Root fields are collected as execution would, with no variables.
#include <unordered_map>
#include <unordered_set>

#include "graphql/language/visitor.hpp"
#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

using field_groups = std::vector<std::pair<std::string_view, std::vector<const lang::field_node*>>>;

// graphql-js shouldIncludeNode with no variable values: only literal `if` arguments decide.
bool included(const lang::node_span<lang::directive_node>& directives) {
  auto literal_if = [](const lang::directive_node& d) -> int {
    for (const auto& a : d.arguments) {
      if (a.name.value != "if") continue;
      if (const auto* b = lang::as_if<lang::boolean_value_node>(a.value)) return b->value ? 1 : 0;
    }
    return -1;
  };
  for (const auto& d : directives) {
    if (d.name.value == "skip") {
      if (literal_if(d) == 1) return false;
      break;
    }
  }
  for (const auto& d : directives) {
    if (d.name.value == "include") {
      if (literal_if(d) == 0) return false;
      break;
    }
  }
  return true;
}

class single_field_subscriptions_rule final : public rule {
 public:
  explicit single_field_subscriptions_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::operation_definition);
  }
  bool enter(const lang::node& n) override {
    const auto& op = lang::as<lang::operation_definition_node>(n);
    if (op.operation != lang::operation_type::subscription) return true;
    const auto* root = context_.schema().subscription_type();
    if (root == nullptr) return true;
    if (!fragments_ready_) {
      fragments_ready_ = true;
      context_.spend_fragment_work(context_.document().definitions().size());
    }
    field_groups groups;
    std::unordered_set<std::string_view> visited;
    collect(*root, *op.selection_set, groups, visited);
    std::string prefix =
        op.name.empty() ? "Anonymous Subscription" : "Subscription " + quoted(op.name.value);
    if (groups.size() > 1) {
      std::vector<const lang::node*> extra;
      for (std::size_t i = 1; i < groups.size(); ++i) {
        extra.insert(extra.end(), groups[i].second.begin(), groups[i].second.end());
      }
      context_.report(prefix + " must select only one top level field.", extra);
    }
    for (const auto& [key, fields] : groups) {
      if (!fields.front()->name.value.starts_with("__")) continue;
      context_.report(prefix + " must not select an introspection top level field.",
                      std::vector<const lang::node*>(fields.begin(), fields.end()));
    }
    return true;
  }

 private:
  void reserve_work(const lang::selection_set_node& set) {
    context_.spend_fragment_work(set.selections.size());
    for (const auto* selection : set.selections) {
      lang::dispatch(*selection, [&](const auto& s) {
        if constexpr (requires { s.directives; }) {
          context_.spend_fragment_work(s.directives.size());
          for (const auto& d : s.directives) {
            if (d.name.value == "skip" || d.name.value == "include") {
              context_.spend_fragment_work(d.arguments.size());
            }
          }
        }
      });
    }
  }

  bool condition_matches(const lang::named_type_node* condition, const type::object_type& root) {
    if (condition == nullptr) return true;
    auto t = type_from_ast(context_.schema(), *condition);
    if (t.empty()) return false;
    if (t.named() == &root) return true;
    return t.named()->is_abstract_type() && context_.schema().is_sub_type(*t.named(), root);
  }

  void collect(const type::object_type& root, const lang::selection_set_node& set,
               field_groups& groups, std::unordered_set<std::string_view>& visited) {
    reserve_work(set);
    for (const auto* selection : set.selections) {
      if (const auto* field = lang::as_if<lang::field_node>(selection)) {
        if (!included(field->directives)) continue;
        auto key = field->response_key();
        auto it = groups.begin();
        while (it != groups.end() && it->first != key) ++it;
        if (it == groups.end()) {
          groups.emplace_back(key, std::vector<const lang::field_node*>{field});
        } else {
          it->second.push_back(field);
        }
      } else if (const auto* inline_frag = lang::as_if<lang::inline_fragment_node>(selection)) {
        if (!included(inline_frag->directives) ||
            !condition_matches(inline_frag->type_condition, root)) {
          continue;
        }
        collect(root, *inline_frag->selection_set, groups, visited);
      } else {
        const auto& spread = lang::as<lang::fragment_spread_node>(*selection);
        if (visited.contains(spread.name.value) || !included(spread.directives)) continue;
        visited.insert(spread.name.value);
        const auto* fragment = context_.fragment(spread.name.value);
        if (fragment == nullptr || !condition_matches(fragment->type_condition, root)) continue;
        collect(root, *fragment->selection_set, groups, visited);
      }
    }
  }

  bool fragments_ready_ = false;
};

}  // namespace

rule_ptr single_field_subscriptions(validation_context& c) {
  return std::make_unique<single_field_subscriptions_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

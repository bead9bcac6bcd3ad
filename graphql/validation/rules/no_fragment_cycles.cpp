// graphql-js NoFragmentCyclesRule: fragment spreads must not form cycles. One depth-first search
// over the fragment graph reports every cycle once.
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;

namespace {

class no_fragment_cycles_rule final : public rule {
 public:
  explicit no_fragment_cycles_rule(validation_context& c) : rule(c) {
    enter_mask =
        bit(lang::node_kind::operation_definition) | bit(lang::node_kind::fragment_definition);
  }
  bool enter(const lang::node& n) override {
    if (n.kind == lang::node_kind::fragment_definition) {
      detect(lang::as<lang::fragment_definition_node>(n));
    }
    return false;
  }

 private:
  void detect(const lang::fragment_definition_node& fragment) {
    std::string_view name = fragment.name.value;
    if (!visited_.insert(name).second) return;
    const auto& spreads = context_.fragment_spreads(*fragment.selection_set);
    if (spreads.empty()) return;
    index_by_name_[name] = path_.size();
    for (const auto* spread : spreads) {
      std::string_view spread_name = spread->name.value;
      auto cycle = index_by_name_.find(spread_name);
      path_.push_back(spread);
      if (cycle == index_by_name_.end()) {
        if (const auto* target = context_.fragment(spread_name)) detect(*target);
      } else {
        std::vector<const lang::node*> nodes(path_.begin() + static_cast<long>(cycle->second),
                                             path_.end());
        std::string via;
        for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
          if (!via.empty()) via += ", ";
          via += quoted(lang::as<lang::fragment_spread_node>(*nodes[i]).name.value);
        }
        context_.report("Cannot spread fragment " + quoted(spread_name) + " within itself" +
                            (via.empty() ? "." : " via " + via + "."),
                        nodes);
      }
      path_.pop_back();
    }
    index_by_name_.erase(name);
  }

  std::unordered_set<std::string_view> visited_;
  std::vector<const lang::node*> path_;
  std::unordered_map<std::string_view, std::size_t> index_by_name_;
};

}  // namespace

rule_ptr no_fragment_cycles(validation_context& c) {
  return std::make_unique<no_fragment_cycles_rule>(c);
}

}  // namespace cohort::graphql::validation::rules

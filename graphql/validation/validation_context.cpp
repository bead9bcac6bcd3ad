#include "graphql/validation/validation_context.hpp"

#include <algorithm>
#include <unordered_set>

#include "graphql/validation/walk.hpp"

namespace cohort::graphql::validation {

namespace lang = language;

validation_context::validation_context(const type::schema& schema, const lang::document& document,
                                       std::size_t max_errors, bool hide_suggestions)
    : schema_(schema),
      document_(document),
      type_info_(schema),
      max_errors_(max_errors),
      hide_suggestions_(hide_suggestions) {
  for (const auto* def : document.definitions()) {
    if (const auto* frag = lang::as_if<lang::fragment_definition_node>(def)) {
      fragments_[frag->name.value] = frag;  // the last one of a name wins, as in graphql-js
    }
  }
}

void validation_context::report(std::string message,
                                std::initializer_list<const lang::node*> nodes) {
  report(std::move(message), std::vector<const lang::node*>(nodes));
}

void validation_context::report(std::string message, const std::vector<const lang::node*>& nodes) {
  if (errors_.size() >= max_errors_) {
    errors_.push_back({"Too many validation errors, error limit reached. Validation aborted.", {}});
    throw validation_stopped{};
  }
  if (!locator_) locator_ = std::make_unique<lang::source_locator>(document_.source());
  graphql_error error{std::move(message), {}};
  error.locations.reserve(nodes.size());
  for (const auto* n : nodes) error.locations.push_back(locator_->locate(n->loc.start));
  errors_.push_back(std::move(error));
}

void validation_context::abort_validation() {
  errors_.push_back({"Validation aborted.", {}});
  throw validation_stopped{};
}

void validation_context::spend_fragment_work(std::int64_t cost) {
  remaining_fragment_work_ -= cost;
  if (remaining_fragment_work_ < 0) abort_validation();
}

const lang::fragment_definition_node* validation_context::fragment(std::string_view name) const {
  auto it = fragments_.find(name);
  return it == fragments_.end() ? nullptr : it->second;
}

const std::vector<const lang::fragment_spread_node*>& validation_context::fragment_spreads(
    const lang::selection_set_node& set) {
  auto [it, inserted] = spreads_.try_emplace(&set);
  if (!inserted) return it->second;
  auto& spreads = it->second;
  // Same order as graphql-js: a stack of selection sets, nested sets visited last-pushed first.
  std::vector<const lang::selection_set_node*> to_visit{&set};
  while (!to_visit.empty()) {
    const auto* current = to_visit.back();
    to_visit.pop_back();
    for (const auto* selection : current->selections) {
      if (const auto* spread = lang::as_if<lang::fragment_spread_node>(selection)) {
        spreads.push_back(spread);
      } else if (const auto* field = lang::as_if<lang::field_node>(selection)) {
        if (field->selection_set) to_visit.push_back(field->selection_set);
      } else if (const auto* inline_frag = lang::as_if<lang::inline_fragment_node>(selection)) {
        to_visit.push_back(inline_frag->selection_set);
      }
    }
  }
  return spreads;
}

const std::vector<const lang::fragment_definition_node*>&
validation_context::recursively_referenced_fragments(
    const std::vector<const lang::operation_definition_node*>& operations) {
  std::vector<std::string_view> names;
  std::unordered_set<std::string_view> seen;
  for (const auto* op : operations) {
    for (const auto* spread : fragment_spreads(*op->selection_set)) {
      if (seen.insert(spread->name.value).second) names.push_back(spread->name.value);
    }
  }
  std::vector<std::string_view> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  std::string key;
  for (auto n : sorted) {
    key.append(n);
    key.push_back(',');
  }
  auto [it, inserted] = referenced_fragments_.try_emplace(std::move(key));
  if (!inserted) return it->second;
  auto& fragments = it->second;
  spend_fragment_work(static_cast<std::int64_t>(names.size()));
  // graphql-js iterates a Set while adding to it: names found later are visited in turn.
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto* frag = fragment(names[i]);
    if (frag == nullptr) continue;
    fragments.push_back(frag);
    const auto& spreads = fragment_spreads(*frag->selection_set);
    spend_fragment_work(static_cast<std::int64_t>(spreads.size()));
    for (const auto* spread : spreads) {
      if (seen.insert(spread->name.value).second) names.push_back(spread->name.value);
    }
  }
  return fragments;
}

namespace {

struct usage_collector {
  type_info types;
  std::vector<variable_usage>& out;

  lang::visit_action enter(const lang::node& n) {
    types.enter(n);
    if (n.kind == lang::node_kind::variable_definition) {
      types.leave(n);
      return lang::visit_action::skip;
    }
    if (n.kind == lang::node_kind::variable) {
      out.push_back({&lang::as<lang::variable_node>(n), types.input_type(),
                     types.has_default_value(), types.parent_input_type()});
    }
    return lang::visit_action::proceed;
  }
  void leave(const lang::node& n) { types.leave(n); }
};

}  // namespace

const std::vector<variable_usage>& validation_context::variable_usages(
    const lang::node& definition) {
  auto [it, inserted] = usages_.try_emplace(&definition);
  if (!inserted) return it->second;
  usage_collector collector{type_info(schema_), it->second};
  walk(definition, collector);
  return it->second;
}

const std::vector<variable_usage>& validation_context::recursive_variable_usages(
    const lang::operation_definition_node& operation) {
  auto cached = recursive_usages_.find(&operation);
  if (cached != recursive_usages_.end()) return cached->second;
  const auto& fragments = recursively_referenced_fragments({&operation});
  std::string key;
  for (const auto* frag : fragments) {
    key += std::to_string(reinterpret_cast<std::uintptr_t>(frag));
    key.push_back(',');
  }
  auto frag_it = fragment_set_usages_.find(key);
  if (frag_it == fragment_set_usages_.end()) {
    spend_fragment_work(static_cast<std::int64_t>(fragments.size()));
    std::vector<variable_usage> collected;
    for (const auto* frag : fragments) {
      const auto& local = variable_usages(*frag);
      spend_fragment_work(static_cast<std::int64_t>(local.size()));
      collected.insert(collected.end(), local.begin(), local.end());
    }
    frag_it = fragment_set_usages_.emplace(std::move(key), std::move(collected)).first;
  }
  spend_fragment_work(static_cast<std::int64_t>(frag_it->second.size()));
  std::vector<variable_usage> usages = variable_usages(operation);
  usages.insert(usages.end(), frag_it->second.begin(), frag_it->second.end());
  return recursive_usages_.emplace(&operation, std::move(usages)).first->second;
}

}  // namespace cohort::graphql::validation

// Field collection (graphql-js collectFields.ts): selections merged by response key in document
// order, fragments visited once per collection, @skip/@include applied, sub-selections memoized
// per (field, runtime type) for the request as graphql-js memoizes collectSubfields.
#include <algorithm>

#include "graphql/execution/request.hpp"

namespace cohort::graphql::execution::detail {

namespace lang = language;

namespace {

const type::field_definition* field_def(const type::schema& schema, const type::object_type& type,
                                        std::string_view name) {
  if (name.size() > 2 && name[0] == '_' && name[1] == '_') {
    if (name == "__typename") return &schema.typename_meta_field();
    if (&type == schema.query_type()) {
      if (name == "__schema") return &schema.schema_meta_field();
      if (name == "__type") return &schema.type_meta_field();
    }
  }
  return type.field(name);
}

}  // namespace

bool request::should_include(lang::node_span<lang::directive_node> directives,
                             std::optional<graphql_error>& error) {
  if (directives.empty()) return true;
  const auto& schema = *req.schema;
  if (const auto* skip = schema.directive("skip")) {
    auto values = get_directive_values(*skip, directives, *req.document, variables);
    if (values) {
      if (values->error) {
        error = values->error;
        return false;
      }
      auto it = values->values.find("if");
      if (it != values->values.end() && it->value() == true) return false;
    }
  }
  if (const auto* include = schema.directive("include")) {
    auto values = get_directive_values(*include, directives, *req.document, variables);
    if (values) {
      if (values->error) {
        error = values->error;
        return false;
      }
      auto it = values->values.find("if");
      if (it != values->values.end() && it->value() == false) return false;
    }
  }
  return true;
}

bool request::fragment_matches(const lang::named_type_node* condition,
                               const type::object_type& type) const {
  if (condition == nullptr) return true;
  const auto* conditional = req.schema->type(condition->name.value);
  if (conditional == nullptr) return false;
  if (conditional == &type) return true;
  if (conditional->is_abstract_type()) return req.schema->is_sub_type(*conditional, type);
  return false;
}

void request::collect(const type::object_type& type, const lang::selection_set_node& set,
                      selection& out, std::vector<std::string_view>& visited) {
  for (const auto* sel : set.selections) {
    if (out.error) return;
    switch (sel->kind) {
      case lang::node_kind::field: {
        const auto& field = lang::as<lang::field_node>(*sel);
        if (!should_include(field.directives, out.error)) continue;
        auto key = field.response_key();
        auto it = std::find_if(out.fields.begin(), out.fields.end(),
                               [&](const selected_field& f) { return f.response_key == key; });
        if (it != out.fields.end()) {
          it->nodes.push_back(&field);
        } else {
          auto& f = out.fields.emplace_back();
          f.response_key = key;
          f.name = field.name.value;
          f.definition = field_def(*req.schema, type, field.name.value);
          f.nodes.push_back(&field);
        }
        break;
      }
      case lang::node_kind::inline_fragment: {
        const auto& frag = lang::as<lang::inline_fragment_node>(*sel);
        if (!should_include(frag.directives, out.error) ||
            !fragment_matches(frag.type_condition, type)) {
          continue;
        }
        collect(type, *frag.selection_set, out, visited);
        break;
      }
      case lang::node_kind::fragment_spread: {
        const auto& spread = lang::as<lang::fragment_spread_node>(*sel);
        auto name = spread.name.value;
        if (std::find(visited.begin(), visited.end(), name) != visited.end() ||
            !should_include(spread.directives, out.error)) {
          continue;
        }
        visited.push_back(name);
        auto it = fragments.find(name);
        if (it == fragments.end() || !fragment_matches(it->second->type_condition, type)) continue;
        collect(type, *it->second->selection_set, out, visited);
        break;
      }
      default:
        break;
    }
  }
}

const selection* request::collect_subfields(const type::object_type& type,
                                            const selected_field& f) {
  auto key = std::make_pair(static_cast<const void*>(&f), static_cast<const void*>(&type));
  auto it = sub_selections.find(key);
  if (it != sub_selections.end()) return it->second;
  auto& sel = selections.emplace_back();
  sel.type = &type;
  std::vector<std::string_view> visited;
  for (const auto* node : f.nodes) {
    if (node->selection_set != nullptr) collect(type, *node->selection_set, sel, visited);
  }
  if (sel.error) {
    // A located error gets the field's path when raised; keep the directive's location.
    if (sel.error->locations.empty()) {
      for (const auto* n : f.nodes) sel.error->locations.push_back(req.document->locate(*n));
    }
  }
  sub_selections.emplace(key, &sel);
  return &sel;
}

}  // namespace cohort::graphql::execution::detail

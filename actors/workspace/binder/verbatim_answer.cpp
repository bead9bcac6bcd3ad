#include "actors/workspace/binder/verbatim_answer.hpp"

#include <cstdlib>
#include <cstring>

#include "graphql/type/scalars_extra.hpp"
#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/leaf_text.hpp"

namespace cohort::actors::workspace::binder {

namespace ex = graphql::execution;
namespace gt = graphql::type;
using storage::query::leaf_text;

namespace {

// The checked path (resolve_shaped) reads the statement's JSON key by key along the executor's
// merged selection and serializes every leaf with its scalar. The text PostgreSQL wrote is
// byte-identical to what that path writes (once compacted) when:
//  - the keys are the selection's response keys in the selection's order, no key missing or
//    repeated: checked here by walking the selection beside the record_query, item by item (the
//    compiler renders the items in order; aliases, fragments, @include/@skip and merged fields are
//    already resolved in the executor's selection, which both paths use);
//  - every leaf's scalar writes the value as PostgreSQL wrote it (leaf_ok): String, ID and the
//    cursor scalars keep any string; Boolean keeps true/false; Int a count; UUID keeps a uuid
//    column's text if the uuid is valid, DateTime the compiler's to_char text up to year 9999
//    (both checked on each answer's text). Enums (a value may have left the options), Float,
//    Position, BigFloat, Date, JSON, lists of leaves and everything else keep the checked path;
//  - no non-null leaf is null: hasNextPage/hasPreviousPage are never NULL in the compiler's SQL;
//    any other non-null leaf asks each answer to hold no null at all;
//  - `__typename` is the selection's type name, which the binder gave the compiler.
// Anything else refuses the whole root field, which then answers exactly as before.
struct walker {
  const ex::resolve_info& info;
  const model::workspace_model& model;
  model::verbatim_answer& out;

  bool is_typename(const ex::selected_field& f) const {
    return f.definition == &info.schema().typename_meta_field();
  }

  bool leaf_ok(const ex::selected_field& f, leaf_text text, bool never_null = false) {
    const gt::type_ref type = f.definition->type;
    if (type.nullable().is_list()) return false;
    const gt::named_type* named = type.named();
    if (named == nullptr || named->kind() != gt::type_kind::scalar) return false;
    const std::string& name = named->name();
    bool ok = false;
    if (name == "String" || name == "ID" || name == "Cursor" || name == "ConnectionCursor") {
      ok = text == leaf_text::string || text == leaf_text::uuid || text == leaf_text::iso_date_time;
    } else if (name == "UUID") {
      ok = text == leaf_text::uuid;
      out.valid_uuid = graphql::type::twenty_scalars::is_valid_uuid;
    } else if (name == "DateTime") {
      ok = text == leaf_text::iso_date_time;
      out.check_date_times = true;
    } else if (name == "Boolean") {
      ok = text == leaf_text::boolean;
    } else if (name == "Int") {
      ok = text == leaf_text::count;  // a count of rows stays within 32 bits
    }
    if (ok && type.is_non_null() && !never_null) out.no_nulls = true;
    return ok;
  }

  const gt::object_type* object_of(const ex::selected_field& f) const {
    const gt::named_type* named = f.definition->type.named();
    return named != nullptr && named->kind() == gt::type_kind::object
               ? static_cast<const gt::object_type*>(named)
               : nullptr;
  }

  const ex::selection* sub_selection(const ex::selected_field& f) const {
    const gt::object_type* type = object_of(f);
    return type != nullptr ? info.selection_of(f, *type) : nullptr;
  }

  bool composite(const ex::selected_field& f, const model::object_metadata& object,
                 const model::projection_item& item) {
    const model::field_metadata* field = object.find_field(item.field);
    const model::composite_type* type = field ? model::find_composite_type(field->type) : nullptr;
    const ex::selection* set = sub_selection(f);
    if (type == nullptr || set == nullptr) return false;
    std::size_t k = 0;
    for (const auto& s : set->fields) {
      if (s.definition == nullptr) continue;  // left out by both paths
      if (k >= item.subfields.size()) return false;
      const auto& [key, name] = item.subfields[k++];
      if (key != s.response_key) return false;
      if (name == "__typename") {
        if (!is_typename(s) || item.type_name != set->type->name()) return false;
        continue;
      }
      const model::composite_subfield* sub = type->find(name);
      if (sub == nullptr || !leaf_ok(s, storage::query::leaf_text_of(sub->type))) return false;
    }
    return k == item.subfields.size();
  }

  bool record(const ex::selection& set, const model::object_metadata& object,
              const model::record_selection& selection) {
    using kind = model::projection_item::kind;
    std::size_t k = 0;
    for (const auto& f : set.fields) {
      if (f.definition == nullptr) continue;
      if (k >= selection.items.size()) return false;
      const model::projection_item& item = selection.items[k++];
      if (item.key != f.response_key) return false;
      switch (item.k) {
        case kind::typename_:
          if (!is_typename(f) || item.type_name != set.type->name()) return false;
          break;
        case kind::field: {
          const auto target = storage::query::resolve_field(object, item.field);
          if (!target || (!target.join_column && model::find_composite_type(target.field->type))) {
            return false;
          }
          const leaf_text text = target.join_column
                                     ? leaf_text::uuid
                                     : storage::query::leaf_text_of(target.field->type);
          if (!leaf_ok(f, text)) return false;
          break;
        }
        case kind::composite:
          if (!composite(f, object, item)) return false;
          break;
        case kind::relation:
        case kind::connection: {
          const model::field_metadata* field = object.find_field(item.field);
          const model::object_metadata* target =
              field && field->relation ? model.find_object(field->relation->target_object_name)
                                       : nullptr;
          const ex::selection* sub = sub_selection(f);
          if (target == nullptr || sub == nullptr) return false;
          if (item.k == kind::relation
                  ? !item.nested || !record(*sub, *target, *item.nested)
                  : !item.connection || !connection(*sub, *target, *item.connection)) {
            return false;
          }
          break;
        }
      }
    }
    return k == selection.items.size();
  }

  bool edge(const ex::selection& set, const model::object_metadata& object,
            const model::connection_selection::item& item) {
    using edge_kind = model::connection_selection::item::edge_key::kind;
    std::size_t k = 0;
    int nodes = 0;
    for (const auto& e : set.fields) {
      if (e.definition == nullptr) continue;
      if (k >= item.edge_keys.size()) return false;
      const auto& key = item.edge_keys[k++];
      if (key.key != e.response_key) return false;
      if (key.k == edge_kind::typename_) {
        if (!is_typename(e) || key.type_name != set.type->name()) return false;
      } else if (key.k == edge_kind::cursor) {
        if (!leaf_ok(e, leaf_text::string)) return false;
      } else {
        // The compiler renders every node key with the first node's selection.
        const ex::selection* node = sub_selection(e);
        if (++nodes > 1 || !item.node || node == nullptr || !record(*node, object, *item.node)) {
          return false;
        }
      }
    }
    return k == item.edge_keys.size();
  }

  bool page_info(const ex::selection& set, const model::connection_selection::item& item) {
    std::size_t k = 0;
    for (const auto& p : set.fields) {
      if (p.definition == nullptr) continue;
      if (k >= item.page_info_keys.size()) return false;
      const auto& [key, name] = item.page_info_keys[k++];
      if (key != p.response_key || name != p.name) return false;
      if (name == "__typename") {
        if (!is_typename(p) || set.type->name() != "PageInfo") return false;
      } else if (name == "hasNextPage" || name == "hasPreviousPage") {
        if (!leaf_ok(p, leaf_text::boolean, /*never_null=*/true)) return false;
      } else if (name == "startCursor" || name == "endCursor") {
        if (!leaf_ok(p, leaf_text::string)) return false;
      } else {
        return false;
      }
    }
    return k == item.page_info_keys.size();
  }

  bool connection(const ex::selection& set, const model::object_metadata& object,
                  const model::connection_selection& selection) {
    using kind = model::connection_selection::item::kind;
    std::size_t k = 0;
    int edges = 0;
    for (const auto& f : set.fields) {
      if (f.definition == nullptr) continue;
      if (k >= selection.items.size()) return false;
      const auto& item = selection.items[k++];
      if (item.key != f.response_key) return false;
      switch (item.k) {
        case kind::typename_:
          if (!is_typename(f) || item.type_name != set.type->name()) return false;
          break;
        case kind::edges: {
          // The compiler builds one edge shape per connection, from the first edges selection.
          const ex::selection* sub = sub_selection(f);
          if (++edges > 1 || sub == nullptr || !edge(*sub, object, item)) return false;
          break;
        }
        case kind::page_info: {
          const ex::selection* sub = sub_selection(f);
          if (sub == nullptr || !page_info(*sub, item)) return false;
          break;
        }
        case kind::aggregate:
          if (!leaf_ok(f, storage::query::leaf_text_of(item.aggregate))) return false;
          break;
      }
    }
    return k == selection.items.size();
  }
};

bool checked_answers_forced() {
  static const bool forced = [] {
    const char* value = std::getenv("COHORT_CHECKED_RECORD_ANSWERS");
    return value != nullptr && std::strcmp(value, "1") == 0;
  }();
  return forced;
}

}  // namespace

model::verbatim_answer verbatim_answer_for(const model::record_query& query,
                                           const model::object_metadata& object,
                                           const ex::resolve_info& info,
                                           const model::workspace_model& model) {
  model::verbatim_answer answer;
  const bool many = query.operation == model::record_operation::find_many;
  if ((!many && query.operation != model::record_operation::find_one) || checked_answers_forced()) {
    return answer;
  }
  const ex::selection* set = info.sub_selection();
  if (set == nullptr) return answer;
  walker walk{info, model, answer};
  answer.wanted = many ? walk.connection(*set, object, query.connection)
                       : walk.record(*set, object, query.record);
  return answer;
}

}  // namespace cohort::actors::workspace::binder

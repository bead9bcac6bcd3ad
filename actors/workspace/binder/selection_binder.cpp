#include "actors/workspace/binder/selection_binder.hpp"

#include "actors/workspace/binder/aggregate_name.hpp"
#include "model/composite_types.hpp"

namespace cohort::actors::workspace::binder {

namespace ex = graphql::execution;
namespace gt = graphql::type;

namespace {

// The object type a field returns (through lists and non-null), or nullptr for leaves.
const gt::object_type* object_type_of(const ex::selected_field& f) {
  if (f.definition == nullptr) return nullptr;
  const gt::named_type* named = f.definition->type.named();
  if (named == nullptr || named->kind() != gt::type_kind::object) return nullptr;
  return static_cast<const gt::object_type*>(named);
}

std::optional<std::int64_t> int_argument(const boost::json::object& args, std::string_view name) {
  auto it = args.find(name);
  if (it == args.end() || !it->value().is_int64()) return std::nullopt;
  return it->value().as_int64();
}

std::optional<std::string> string_argument(const boost::json::object& args, std::string_view name) {
  auto it = args.find(name);
  if (it == args.end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().as_string());
}

// A field of a nested selection whose arguments failed to coerce: the executor would report it on
// that field; a root-field resolver that builds everything at once reports it instead.
std::optional<field_error> argument_error(const ex::resolve_info& info, const ex::selected_field& f,
                                          const boost::json::object** out) {
  const auto& args = info.arguments_of(f);
  if (args.error) return field_error(args.error->message, args.error->extensions);
  *out = &args.values;
  return std::nullopt;
}

model::projection_item composite_item(const ex::resolve_info& info, const ex::selected_field& f,
                                      const gt::object_type& type) {
  model::projection_item item;
  item.k = model::projection_item::kind::composite;
  item.key = std::string(f.response_key);
  item.field = std::string(f.name);
  item.type_name = type.name();
  if (const ex::selection* sub = info.selection_of(f, type)) {
    for (const auto& s : sub->fields) {
      if (s.definition == nullptr && s.name != "__typename") continue;
      item.subfields.emplace_back(std::string(s.response_key), std::string(s.name));
    }
  }
  return item;
}

}  // namespace

model::page_request page_from_arguments(const boost::json::object& args) {
  model::page_request page;
  if (auto it = args.find("filter"); it != args.end() && it->value().is_object())
    page.filter = it->value().as_object();
  if (auto it = args.find("orderBy"); it != args.end()) {
    // `orderBy` is a list; GraphQL input coercion turns a single object into a one-item list,
    // but a value built elsewhere may still be a bare object.
    if (it->value().is_array()) page.order_by = it->value().as_array();
    if (it->value().is_object()) page.order_by.push_back(it->value());
  }
  page.first = int_argument(args, "first");
  page.last = int_argument(args, "last");
  page.offset = int_argument(args, "offset");
  page.after = string_argument(args, "after");
  page.before = string_argument(args, "before");
  return page;
}

std::variant<model::record_selection, field_error> bind_record_selection(
    const ex::resolve_info& info, const ex::selection& set, const model::object_metadata& object,
    const model::workspace_model& model) {
  model::record_selection out;
  out.items.reserve(set.fields.size());
  for (const auto& f : set.fields) {
    model::projection_item item;
    item.key = std::string(f.response_key);
    item.field = std::string(f.name);
    if (f.name == "__typename") {
      item.k = model::projection_item::kind::typename_;
      item.field.clear();
      item.type_name = set.type->name();
      out.items.push_back(std::move(item));
      continue;
    }
    if (f.definition == nullptr) continue;  // graphql-js leaves unknown keys out
    const model::field_metadata* meta = object.find_field(f.name);
    const gt::object_type* type = object_type_of(f);
    if (meta != nullptr && meta->relation && type != nullptr) {
      const model::object_metadata* target = model.find_object(meta->relation->target_object_name);
      if (target == nullptr) {
        return field_error::with_code("Object " + meta->relation->target_object_name + " not found",
                                      "INTERNAL_SERVER_ERROR");
      }
      const ex::selection* sub = info.selection_of(f, *type);
      if (sub == nullptr) continue;
      if (meta->is_many_to_one()) {
        auto nested = bind_record_selection(info, *sub, *target, model);
        if (auto* e = std::get_if<field_error>(&nested)) return std::move(*e);
        item.k = model::projection_item::kind::relation;
        item.nested = std::make_shared<model::record_selection>(
            std::move(std::get<model::record_selection>(nested)));
      } else {
        const boost::json::object* args = nullptr;
        if (auto e = argument_error(info, f, &args)) return std::move(*e);
        auto connection = bind_connection(info, *sub, *args, *target, model);
        if (auto* e = std::get_if<field_error>(&connection)) return std::move(*e);
        item.k = model::projection_item::kind::connection;
        item.connection = std::make_shared<model::connection_selection>(
            std::move(std::get<model::connection_selection>(connection)));
      }
    } else if (meta != nullptr && model::find_composite_type(meta->type) != nullptr &&
               type != nullptr) {
      item = composite_item(info, f, *type);
    } else {
      // A scalar or enum field, or a relation's join column (`companyId`): the compiler checks
      // it against the metadata.
      item.k = model::projection_item::kind::field;
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

std::variant<model::connection_selection, field_error> bind_connection(
    const ex::resolve_info& info, const ex::selection& set, const boost::json::object& arguments,
    const model::object_metadata& object, const model::workspace_model& model) {
  using item_kind = model::connection_selection::item::kind;
  model::connection_selection out;
  out.page = page_from_arguments(arguments);
  for (const auto& f : set.fields) {
    model::connection_selection::item item;
    item.key = std::string(f.response_key);
    if (f.name == "__typename") {
      item.k = item_kind::typename_;
      item.type_name = set.type->name();
    } else if (f.definition == nullptr) {
      continue;
    } else if (f.name == "edges") {
      item.k = item_kind::edges;
      const gt::object_type* edge_type = object_type_of(f);
      const ex::selection* edge = edge_type ? info.selection_of(f, *edge_type) : nullptr;
      if (edge == nullptr) continue;
      for (const auto& e : edge->fields) {
        using edge_kind = model::connection_selection::item::edge_key::kind;
        model::connection_selection::item::edge_key key;
        key.key = std::string(e.response_key);
        if (e.name == "__typename") {
          key.k = edge_kind::typename_;
          key.type_name = edge_type->name();
        } else if (e.name == "cursor") {
          key.k = edge_kind::cursor;
        } else if (e.name == "node") {
          key.k = edge_kind::node;
          const gt::object_type* node_type = object_type_of(e);
          const ex::selection* node = node_type ? info.selection_of(e, *node_type) : nullptr;
          if (node == nullptr) continue;
          auto bound = bind_record_selection(info, *node, object, model);
          if (auto* err = std::get_if<field_error>(&bound)) return std::move(*err);
          // Every node of a connection has the same keys: one selection serves all edges.
          if (!item.node) {
            item.node = std::make_shared<model::record_selection>(
                std::move(std::get<model::record_selection>(bound)));
          }
        } else {
          continue;
        }
        item.edge_keys.push_back(std::move(key));
      }
    } else if (f.name == "pageInfo") {
      item.k = item_kind::page_info;
      const gt::object_type* info_type = object_type_of(f);
      const ex::selection* sub = info_type ? info.selection_of(f, *info_type) : nullptr;
      if (sub == nullptr) continue;
      for (const auto& p : sub->fields) {
        if (p.definition == nullptr && p.name != "__typename") continue;
        item.page_info_keys.emplace_back(std::string(p.response_key), std::string(p.name));
      }
    } else {
      item.k = item_kind::aggregate;
      item.aggregate = aggregate_of(object, f.name);
      item.aggregate.key = item.key;
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace cohort::actors::workspace::binder

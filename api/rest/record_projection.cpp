#include "api/rest/record_projection.hpp"

#include "model/composite_types.hpp"

namespace cohort::api::rest {

namespace {

using item_kind = model::projection_item::kind;

model::projection_item plain_item(item_kind k, std::string name) {
  model::projection_item item;
  item.k = k;
  item.key = name;
  item.field = std::move(name);
  return item;
}

model::projection_item connection_item(const model::field_metadata& field,
                                       const model::object_metadata& target,
                                       const model::workspace_model& model) {
  auto connection = std::make_shared<model::connection_selection>();
  connection->page.first = embedded_records_limit;
  connection->items.push_back(edges_of(rest_selection(target, model, 0)));
  model::projection_item item = plain_item(item_kind::connection, field.name);
  item.connection = std::move(connection);
  return item;
}

}  // namespace

model::connection_selection::item edges_of(model::record_selection node) {
  model::connection_selection::item edges;
  edges.k = model::connection_selection::item::kind::edges;
  edges.key = "edges";
  edges.edge_keys.push_back({.k = model::connection_selection::item::edge_key::kind::node,
                             .key = "node",
                             .type_name = {}});
  edges.node = std::make_shared<model::record_selection>(std::move(node));
  return edges;
}

model::record_selection rest_selection(const model::object_metadata& object,
                                       const model::workspace_model& model, int depth) {
  model::record_selection out;
  for (const auto& field : object.fields) {
    if (model::is_relation(field.type)) continue;
    // Twenty's REST answers the table's columns: a custom object's searchVector comes back
    // although its field is inactive (hidden from /graphql).
    if (!field.is_active && field.type != model::field_type::ts_vector) continue;
    if (const auto* composite = model::find_composite_type(field.type)) {
      model::projection_item item = plain_item(item_kind::composite, field.name);
      for (const auto& sub : composite->subfields) {
        item.subfields.emplace_back(std::string(sub.name), std::string(sub.name));
      }
      out.items.push_back(std::move(item));
    } else {
      out.items.push_back(plain_item(item_kind::field, field.name));
    }
  }
  for (const auto& field : object.fields) {
    if (field.is_active && field.is_many_to_one() && !field.relation->join_column_name.empty()) {
      out.items.push_back(plain_item(item_kind::field, field.relation->join_column_name));
    }
  }
  if (depth < 1) return out;
  for (const auto& field : object.fields) {
    if (!field.is_active || !field.relation) continue;
    const model::object_metadata* target = model.find_object(field.relation->target_object_name);
    if (target == nullptr || !target->is_active) continue;
    if (field.is_many_to_one()) {
      model::projection_item item = plain_item(item_kind::relation, field.name);
      item.nested = std::make_shared<model::record_selection>(rest_selection(*target, model, 0));
      out.items.push_back(std::move(item));
    } else {
      out.items.push_back(connection_item(field, *target, model));
    }
  }
  return out;
}

void flatten_connections(boost::json::value& record, const model::record_selection& selection) {
  auto* object = record.if_object();
  if (object == nullptr) return;
  for (const auto& item : selection.items) {
    if (item.k != item_kind::connection) continue;
    auto it = object->find(item.key);
    if (it == object->end()) continue;
    boost::json::array nodes;
    if (const auto* connection = it->value().if_object()) {
      if (auto edges = connection->find("edges"); edges != connection->end()) {
        if (const auto* list = edges->value().if_array()) {
          for (const auto& edge : *list) {
            if (const auto* e = edge.if_object(); e && e->contains("node")) {
              nodes.push_back(e->at("node"));
            }
          }
        }
      }
    }
    it->value() = std::move(nodes);
  }
}

}  // namespace cohort::api::rest

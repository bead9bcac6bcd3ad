#include "storage/query/permission_check.hpp"

#include <algorithm>

#include "model/composite_types.hpp"
#include "model/field_type.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/query_failure.hpp"

namespace cohort::storage::query {
namespace {

using model::record_right;
using item_kind = model::projection_item::kind;
using connection_kind = model::connection_selection::item::kind;

// Walks one query and throws the refusal at the first thing the caller may not do. Names the
// query does not resolve are left to the compiler, which answers them with its own errors.
class checker {
 public:
  checker(const model::effective_permissions& permissions, const model::workspace_model& model)
      : permissions_(permissions), model_(model) {}

  void require(const model::object_metadata& object, record_right right) const {
    if (!object.is_system && !permissions_.may(object.id, right)) fail(permission_denied());
  }

  void read_field(const model::object_metadata& object, const model::field_metadata& field) const {
    if (!may_read_field(&permissions_, object, field)) fail(permission_denied());
  }

  // A key of a filter, order or data object: a field or a join column (companyId reads the
  // relation field `company`).
  const model::field_metadata* field_named(const model::object_metadata& object,
                                           std::string_view key) const {
    return resolve_field(object, key).field;
  }

  const model::object_metadata* target_of(const model::field_metadata& field) const {
    if (!field.relation) return nullptr;
    return model_.find_object(field.relation->target_object_name);
  }

  void selection(const model::object_metadata& object, const model::record_selection& record) {
    for (const auto& item : record.items) {
      if (item.k == item_kind::typename_) continue;
      const auto* field = field_named(object, item.field);
      if (!field) continue;
      read_field(object, *field);
      if (item.k != item_kind::relation && item.k != item_kind::connection) continue;
      const auto* target = target_of(*field);
      if (!target) continue;
      require(*target, record_right::read);
      if (item.k == item_kind::relation && item.nested) selection(*target, *item.nested);
      if (item.k == item_kind::connection && item.connection) connection(*target, *item.connection);
    }
  }

  void connection(const model::object_metadata& object, const model::connection_selection& c) {
    page(object, c.page);
    for (const auto& item : c.items) {
      if (item.k == connection_kind::edges && item.node) selection(object, *item.node);
      if (item.k == connection_kind::aggregate) aggregate(object, item.aggregate);
    }
  }

  void page(const model::object_metadata& object, const model::page_request& page) {
    filter(object, boost::json::value(page.filter), 0);
    order(object, page.order_by);
  }

  void aggregate(const model::object_metadata& object, const model::aggregate_item& aggregate) {
    if (aggregate.field.empty()) return;  // totalCount: its filter is checked with the page
    if (const auto* field = field_named(object, aggregate.field)) read_field(object, *field);
  }

  // and / or / not at any depth, fields, composite subfields (the field's own right), join
  // columns, and one hop through a many-to-one relation (read on the target and its fields).
  void filter(const model::object_metadata& object, const boost::json::value& value, int hops) {
    if (!value.is_object()) return;
    for (const auto& [key, child] : value.get_object()) {
      if (key == "and" || key == "or") {
        if (!child.is_array()) continue;
        for (const auto& each : child.get_array()) filter(object, each, hops);
        continue;
      }
      if (key == "not") {
        filter(object, child, hops);
        continue;
      }
      const auto target = resolve_field(object, key);
      if (!target) continue;
      read_field(object, *target.field);
      if (target.join_column || !model::is_relation(target.field->type)) continue;
      const auto* related = target_of(*target.field);
      if (!related || hops > 0) continue;
      require(*related, record_right::read);
      filter(*related, child, hops + 1);
    }
  }

  // [{field: direction}, {composite: {subfield: direction}}, {relation: {field: direction}}].
  void order(const model::object_metadata& object, const boost::json::array& order_by) {
    for (const auto& entry : order_by) {
      if (!entry.is_object()) continue;
      for (const auto& [key, direction] : entry.get_object()) {
        const auto target = resolve_field(object, key);
        if (!target) continue;
        read_field(object, *target.field);
        if (target.join_column || !model::is_relation(target.field->type)) continue;
        const auto* related = target_of(*target.field);
        if (!related) continue;
        require(*related, record_right::read);
        if (!direction.is_object()) continue;
        for (const auto& [name, unused] : direction.get_object()) {
          (void)unused;
          if (const auto* field = field_named(*related, name)) read_field(*related, *field);
        }
      }
    }
  }

  // Written keys need the update right on their field; `read` = the keys are only compared
  // (duplicates by data), which needs the read right.
  void data(const model::object_metadata& object, const boost::json::array& records, bool read) {
    for (const auto& record : records) {
      if (!record.is_object()) continue;
      for (const auto& [key, unused] : record.get_object()) {
        (void)unused;
        const auto* field = field_named(object, key);
        if (!field) continue;
        if (read) {
          read_field(object, *field);
        } else if (!object.is_system && !permissions_.may_update_field(field->id)) {
          fail(permission_denied());
        }
      }
    }
  }

  // Duplicates are found by the object's duplicate criteria (columns such as
  // "emailsPrimaryEmail"): a match tells their values, so each of their fields must be readable.
  void duplicate_criteria(const model::object_metadata& object) const {
    for (const auto& group : object.duplicate_criteria) {
      for (const auto& column : group) {
        for (const auto& field : object.fields) {
          if (field.name == column || column.starts_with(field.name)) {
            const auto columns = model::composite_column_names(field.name, field.type);
            if (field.name == column ||
                std::find(columns.begin(), columns.end(), column) != columns.end())
              read_field(object, field);
          }
        }
      }
    }
  }

  // A merge writes every field of the survivor from the others and answers the merged record:
  // a role with any restriction on this object's fields may not merge its records.
  void every_field_unrestricted(const model::object_metadata& object) const {
    for (const auto& field : object.fields) {
      read_field(object, field);
      if (!object.is_system && !permissions_.may_update_field(field.id)) fail(permission_denied());
    }
  }

  void group_by(const model::object_metadata& object, const model::group_by_request& request) {
    for (const auto& dimension : request.dimensions) {
      if (const auto* field = field_named(object, dimension.field)) read_field(object, *field);
    }
    for (const auto& order : request.order) aggregate(object, order.aggregate);
  }

  void query(const model::record_query& q) {
    const auto* object = model_.find_object(q.object);
    if (!object || object->is_system) return;
    using op = model::record_operation;
    switch (q.operation) {
      case op::find_many:
      case op::find_one:
      case op::group_by:
      case op::find_duplicates:
        require(*object, record_right::read);
        break;
      case op::create:
      case op::update:
        // Twenty: an insert needs the update right, as an update does.
        require(*object, record_right::update);
        break;
      case op::soft_delete:
      case op::restore:
        require(*object, record_right::soft_delete);
        break;
      case op::destroy:
        require(*object, record_right::destroy);
        break;
      case op::merge:
        // The survivor is updated and the others soft-deleted (destroyed without deletedAt).
        require(*object, record_right::update);
        require(*object, object->find_field("deletedAt") ? record_right::soft_delete
                                                         : record_right::destroy);
        break;
    }
    connection(*object, q.connection);
    selection(*object, q.record);
    if (q.operation == op::group_by) group_by(*object, q.group_by);
    if (q.operation == op::find_duplicates) duplicate_criteria(*object);
    if (q.operation == op::merge) every_field_unrestricted(*object);
    data(*object, q.data, q.operation == op::find_duplicates);
  }

 private:
  const model::effective_permissions& permissions_;
  const model::workspace_model& model_;
};

bool restricted(const model::record_query& query) {
  return query.permissions && !query.permissions->unrestricted;
}

void prune(const model::effective_permissions& permissions, const model::workspace_model& model,
           const model::object_metadata& object, model::record_selection& record);

void prune_connection(const model::effective_permissions& permissions,
                      const model::workspace_model& model, const model::object_metadata& object,
                      model::connection_selection& connection) {
  for (auto& item : connection.items) {
    if (item.k == connection_kind::edges && item.node) {
      auto copy = std::make_shared<model::record_selection>(*item.node);
      prune(permissions, model, object, *copy);
      item.node = std::move(copy);
    }
  }
}

void prune(const model::effective_permissions& permissions, const model::workspace_model& model,
           const model::object_metadata& object, model::record_selection& record) {
  auto& items = record.items;
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const model::projection_item& item) {
                               if (item.k == item_kind::typename_) return false;
                               const auto* field = resolve_field(object, item.field).field;
                               if (!field) return false;
                               if (!may_read_field(&permissions, object, *field)) return true;
                               if (item.k != item_kind::relation && item.k != item_kind::connection)
                                 return false;
                               const auto* target =
                                   field->relation
                                       ? model.find_object(field->relation->target_object_name)
                                       : nullptr;
                               return target && !may_read_object(&permissions, *target);
                             }),
              items.end());
  for (auto& item : items) {
    if (item.k != item_kind::relation && item.k != item_kind::connection) continue;
    const auto* field = object.find_field(item.field);
    const auto* target =
        field && field->relation ? model.find_object(field->relation->target_object_name) : nullptr;
    if (!target) continue;
    // Selections may be shared with other queries: prune copies.
    if (item.nested) {
      auto copy = std::make_shared<model::record_selection>(*item.nested);
      prune(permissions, model, *target, *copy);
      item.nested = std::move(copy);
    }
    if (item.connection) {
      auto copy = std::make_shared<model::connection_selection>(*item.connection);
      prune_connection(permissions, model, *target, *copy);
      item.connection = std::move(copy);
    }
  }
}

}  // namespace

bool may_read_object(const model::effective_permissions* permissions,
                     const model::object_metadata& object) {
  return !permissions || object.is_system || permissions->may(object.id, record_right::read);
}

bool may_read_field(const model::effective_permissions* permissions,
                    const model::object_metadata& object, const model::field_metadata& field) {
  return !permissions || object.is_system || permissions->may_read_field(field.id);
}

std::optional<record_error> permission_refusal(const model::record_query& query,
                                               const model::workspace_model& model) {
  if (!restricted(query)) return std::nullopt;
  try {
    checker(*query.permissions, model).query(query);
  } catch (const query_failure& refused) {
    return refused.error();
  }
  return std::nullopt;
}

void drop_unreadable(model::record_query& query, const model::workspace_model& model) {
  if (!restricted(query)) return;
  const auto* object = model.find_object(query.object);
  if (!object) return;
  prune(*query.permissions, model, *object, query.record);
  prune_connection(*query.permissions, model, *object, query.connection);
}

}  // namespace cohort::storage::query

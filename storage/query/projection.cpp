#include "storage/query/projection.hpp"

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/json_text.hpp"
#include "storage/query/limits.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using kind = model::projection_item::kind;

const model::field_metadata& field_of(const model::object_metadata& object,
                                      const std::string& name) {
  const auto* field = object.find_field(name);
  if (!field) {
    fail(bad_user_input(
        "Object " + object.name_singular + " doesn't have any \"" + name + "\" field.",
        "FIELD_NOT_FOUND"));
  }
  return *field;
}

json_text composite_json(const model::field_metadata& field, const model::composite_type& composite,
                         const std::string& alias,
                         const std::vector<std::pair<std::string, std::string>>& subfields,
                         const std::string& type_name) {
  std::vector<std::pair<std::string, json_text>> members;
  for (const auto& [key, sub_name] : subfields) {
    if (sub_name == "__typename") {
      members.emplace_back(
          key,
          json_text().raw(json_string(type_name.empty() ? composite.graphql_name : type_name)));
      continue;
    }
    const auto* sub = composite.find(sub_name);
    if (!sub) {
      fail(bad_user_input(
          "Sub field \"" + sub_name + "\" not found for composite type: " + type_label(field.type),
          "FIELD_NOT_FOUND"));
    }
    const std::string column =
        column_ref(alias, model::composite_column_name(field.name, sub->name));
    members.emplace_back(
        key, json_text().sql(value_json_text(sub->type, output_expr(sub->type, column))));
  }
  return json_object_text(members);
}

void check_depth(int depth) {
  if (depth > max_connection_depth) {
    fail(bad_user_input(
        numbered("Maximum depth of ", max_connection_depth) + " reached for nested relations",
        "MAX_DEPTH_REACHED"));
  }
}

json_text scalar_json(const model::field_metadata& field, const std::string& alias) {
  return json_text().sql(
      value_json_text(field.type, output_expr(field.type, column_ref(alias, field.name))));
}

json_text item_json(compile_context& ctx, const model::object_metadata& object,
                    const std::string& alias, const model::projection_item& item, int depth) {
  switch (item.k) {
    case kind::typename_:
      return json_text().raw(json_string(item.type_name));
    case kind::field: {
      const auto target = resolve_field(object, item.field);
      if (!target) field_of(object, item.field);
      if (target.join_column) {
        return json_text().sql(
            value_json_text(model::field_type::uuid, column_ref(alias, item.field)));
      }
      const auto& field = *target.field;
      if (const auto* composite = model::find_composite_type(field.type)) {
        std::vector<std::pair<std::string, std::string>> all;
        for (const auto& sub : composite->subfields) all.emplace_back(sub.name, sub.name);
        return composite_json(field, *composite, alias, all, "");
      }
      return scalar_json(field, alias);
    }
    case kind::composite: {
      const auto& field = field_of(object, item.field);
      const auto* composite = model::find_composite_type(field.type);
      if (!composite) return scalar_json(field, alias);
      return composite_json(field, *composite, alias, item.subfields, item.type_name);
    }
    case kind::relation: {
      check_depth(depth + 1);
      const auto& field = field_of(object, item.field);
      if (!field.is_many_to_one() || !item.nested) {
        fail(bad_user_input("Field \"" + item.field + "\" is not a many-to-one relation",
                            "FIELD_NOT_FOUND"));
      }
      const auto& target = ctx.object(field.relation->target_object_name);
      const std::string inner = ctx.alias();
      std::string condition =
          column_ref(inner, "id") + " = " + column_ref(alias, join_column(field));
      if (target.find_field("deletedAt")) {
        condition += " AND " + column_ref(inner, "deletedAt") + " IS NULL";
      }
      return json_text().sql(
          "COALESCE((SELECT " +
          record_json_text(ctx, target, inner, *item.nested, depth + 1).expression() + " FROM " +
          ctx.table(target) + " " + inner + " WHERE " + condition + "), 'null')");
    }
    case kind::connection: {
      check_depth(depth + 1);
      const auto& field = field_of(object, item.field);
      if (!field.is_one_to_many() || !item.connection) {
        fail(bad_user_input("Field \"" + item.field + "\" is not a one-to-many relation",
                            "FIELD_NOT_FOUND"));
      }
      const auto& target = ctx.object(field.relation->target_object_name);
      correlation parent{inverse_join_column(target, field), column_ref(alias, "id")};
      return json_text().sql(connection_json_sql(ctx, target, *item.connection, parent, depth + 1));
    }
  }
  return json_text().raw("null");
}

}  // namespace

json_text record_json_text(compile_context& ctx, const model::object_metadata& object,
                           const std::string& alias, const model::record_selection& selection,
                           int depth) {
  std::vector<std::pair<std::string, json_text>> members;
  members.reserve(selection.items.size());
  for (const auto& item : selection.items) {
    members.emplace_back(item.key, item_json(ctx, object, alias, item, depth));
  }
  return json_object_text(members);
}

std::string record_json_sql(compile_context& ctx, const model::object_metadata& object,
                            const std::string& alias, const model::record_selection& selection,
                            int depth) {
  // Appended rather than "(" + ...: GCC 12 warns about the inlined insert at the front
  // (-Wstringop-overflow, a false positive).
  std::string sql = "(";
  sql += record_json_text(ctx, object, alias, selection, depth).expression();
  sql += ")::json";
  return sql;
}

model::record_selection full_record_selection(const model::object_metadata& object) {
  model::record_selection out;
  for (const auto& field : object.fields) {
    model::projection_item item;
    item.key = field.name;
    item.field = field.name;
    if (field.is_many_to_one()) {
      item.key = item.field = join_column(field);
    } else if (model::is_relation(field.type) || field.type == model::field_type::ts_vector) {
      continue;
    } else if (const auto* composite = model::find_composite_type(field.type)) {
      item.k = kind::composite;
      for (const auto& sub : composite->subfields) item.subfields.emplace_back(sub.name, sub.name);
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace cohort::storage::query

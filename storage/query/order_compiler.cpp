#include "storage/query/order_compiler.hpp"

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

void set_direction(sort_key& key, const boost::json::value& direction) {
  const std::string_view d =
      direction.is_string() ? std::string_view(direction.get_string()) : std::string_view();
  if (d == "AscNullsFirst") {
    key.ascending = true, key.nulls_first = true;
  } else if (d == "AscNullsLast") {
    key.ascending = true, key.nulls_first = false;
  } else if (d == "DescNullsFirst") {
    key.ascending = false, key.nulls_first = true;
  } else if (d == "DescNullsLast") {
    key.ascending = false, key.nulls_first = false;
  } else {
    fail(bad_user_input("Invalid direction value " + boost::json::serialize(direction) +
                            ". Allowed values are AscNullsFirst, AscNullsLast, DescNullsFirst, "
                            "DescNullsLast",
                        "INVALID_DIRECTION"));
  }
}

[[noreturn]] void field_not_found(const model::object_metadata& object, std::string_view key) {
  fail(bad_user_input(
      "Object " + object.name_singular + " doesn't have any \"" + std::string(key) + "\" field.",
      "FIELD_NOT_FOUND"));
}

sort_key column_key(compile_context& ctx, const model::object_metadata& object,
                    const std::string& alias, std::string_view column, field_type type) {
  sort_key key;
  const std::string ref = column_ref(alias, column);
  key.expr = comparable_expr(type, ref);
  key.output = output_expr(type, ref);
  key.type = type;
  key.type_sql = type == field_type::date_time ? "timestamptz(3)" : ctx.column_type(object, column);
  key.not_null =
      (column == "id" && type == field_type::uuid) ||
      ((column == "createdAt" || column == "updatedAt") && type == field_type::date_time) ||
      (column == "position" && type == field_type::position);
  return key;
}

void add_key(std::vector<sort_key>& keys, sort_key key) {
  for (const auto& existing : keys) {
    if (existing.path == key.path) return;  // a repeated criterion cannot change the order
  }
  keys.push_back(std::move(key));
}

// {company: {name: AscNullsFirst}}: order by a field of the many-to-one target.
void add_relation_keys(compile_context& ctx, std::vector<sort_key>& keys,
                       const model::object_metadata& object, const std::string& alias,
                       const model::field_metadata& relation, const boost::json::value& nested) {
  if (!relation.is_many_to_one() || !nested.is_object()) {
    fail(bad_user_input("Cannot order by relation field \"" + relation.name + "\"",
                        "INVALID_ARGS_FILTER"));
  }
  const auto& target = ctx.object(relation.relation->target_object_name);
  for (const auto& [name, direction] : nested.get_object()) {
    const auto* field = target.find_field(name);
    if (!field || model::is_relation(field->type) || model::is_composite(field->type)) {
      field_not_found(target, name);
    }
    const std::string inner = ctx.alias();
    sort_key key = column_key(ctx, target, inner, field->name, field->type);
    // NOT NULL in the target's table, but NULL for a record without a related one.
    key.not_null = false;
    const std::string from = " FROM " + ctx.table(target) + " " + inner + " WHERE " +
                             column_ref(inner, "id") + " = " +
                             column_ref(alias, join_column(relation)) + ")";
    key.expr = "(SELECT " + key.expr + from;
    key.output = "(SELECT " + key.output + from;
    key.path = {relation.name, std::string(name)};
    set_direction(key, direction);
    add_key(keys, std::move(key));
  }
  (void)object;
}

}  // namespace

std::vector<sort_key> compile_order(compile_context& ctx, const model::object_metadata& object,
                                    const std::string& alias, const boost::json::array& order_by) {
  std::vector<sort_key> keys;
  for (const auto& element : order_by) {
    if (!element.is_object()) {
      fail(bad_user_input("Invalid orderBy argument", "INVALID_ARGS_FILTER"));
    }
    for (const auto& [name, direction] : element.get_object()) {
      if (direction.is_null()) continue;
      const auto target = resolve_field(object, name);
      if (!target) field_not_found(object, name);
      const auto& field = *target.field;
      if (target.join_column) {
        sort_key key = column_key(ctx, object, alias, name, field_type::uuid);
        key.path = {std::string(name)};
        set_direction(key, direction);
        add_key(keys, std::move(key));
      } else if (model::is_relation(field.type)) {
        add_relation_keys(ctx, keys, object, alias, field, direction);
      } else if (const auto* composite = model::find_composite_type(field.type)) {
        if (!direction.is_object()) field_not_found(object, name);
        for (const auto& [sub_name, sub_direction] : direction.get_object()) {
          const auto* sub = composite->find(sub_name);
          if (!sub || !sub->orderable)
            field_not_found(object, std::string(name) + "." + std::string(sub_name));
          if (sub_direction.is_null()) continue;
          sort_key key = column_key(ctx, object, alias,
                                    model::composite_column_name(field.name, sub->name), sub->type);
          key.path = {field.name, std::string(sub->name)};
          set_direction(key, sub_direction);
          add_key(keys, std::move(key));
        }
      } else {
        sort_key key = column_key(ctx, object, alias, field.name, field.type);
        key.path = {field.name};
        set_direction(key, direction);
        add_key(keys, std::move(key));
      }
    }
  }
  sort_key id = column_key(ctx, object, alias, "id", field_type::uuid);
  id.path = {"id"};
  add_key(keys, std::move(id));
  return keys;
}

std::vector<sort_key> reversed(std::vector<sort_key> keys) {
  for (auto& key : keys) {
    key.ascending = !key.ascending;
    key.nulls_first = !key.nulls_first;
  }
  return keys;
}

std::string order_by_sql(const std::vector<sort_key>& keys) {
  std::string out;
  for (const auto& key : keys) {
    if (!out.empty()) out += ", ";
    out += key.expr;
    out += key.ascending ? " ASC" : " DESC";
    if (!key.not_null) out += key.nulls_first ? " NULLS FIRST" : " NULLS LAST";
  }
  return out;
}

}  // namespace cohort::storage::query

#include "storage/query/write_values.hpp"

#include <boost/json/serialize.hpp>
#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

[[noreturn]] void invalid_data(std::string message) {
  fail(bad_user_input(std::move(message), "INVALID_ARGS_DATA"));
}

// One value as a typed parameter of `column`.
std::string value_sql(compile_context& ctx, const model::object_metadata& object,
                      const std::string& column, field_type type, const std::string& label,
                      const boost::json::value& value) {
  const std::string& sql_type = ctx.column_type(object, column);
  if (value.is_null()) return ctx.bind(std::nullopt, sql_type);
  switch (type) {
    case field_type::raw_json:
    case field_type::files:
      return ctx.bind(boost::json::serialize(value), "jsonb");
    case field_type::array:
    case field_type::multi_select: {
      if (!value.is_array()) invalid_data("Field \"" + label + "\" expects an array");
      std::vector<std::optional<std::string>> items;
      for (const auto& item : value.get_array()) {
        if (item.is_object() || item.is_array()) {
          invalid_data("Field \"" + label + "\" expects an array of strings");
        }
        items.push_back(scalar_text(item));
      }
      return ctx.bind(pg_array_literal(items), sql_type);
    }
    case field_type::date:
    case field_type::date_time:
      // The Date scalar reads "2026-03-05" as epoch milliseconds; DateTime keeps ISO text.
      if (value.is_number()) {
        auto iso = iso_text_of_epoch_ms(value);
        if (!iso) invalid_data("Invalid value for field \"" + label + "\"");
        return ctx.bind(iso, sql_type);
      }
      break;
    case field_type::uuid:
      if (!value.is_string() || !is_uuid(value.get_string())) {
        fail(bad_user_input("Invalid UUID", "INVALID_ARGS_DATA"));
      }
      break;
    default:
      if (value.is_object() || value.is_array()) {
        invalid_data("Invalid value for field \"" + label + "\"");
      }
      break;
  }
  return ctx.bind(scalar_text(value), sql_type);
}

void bind_composite(compile_context& ctx, const model::object_metadata& object,
                    const model::field_metadata& field, const model::composite_type& composite,
                    const boost::json::value& value, bool creating, record_values& out) {
  if (value.is_null()) {
    // Clearing a composite clears every subfield that may be empty.
    for (const auto& sub : composite.subfields) {
      if (sub.hidden_on_write) continue;
      const std::string column = model::composite_column_name(field.name, sub.name);
      out.columns.push_back({column, "DEFAULT"});
    }
    return;
  }
  if (!value.is_object()) {
    invalid_data("Expected type \"" + std::string(composite.graphql_name) +
                 "CreateInput\" to be an object.");
  }
  const auto& given = value.get_object();
  for (const auto& [key, sub_value] : given) {
    const auto* sub = composite.find(key);
    if (!sub) {
      invalid_data("Sub field \"" + std::string(key) +
                   "\" not found for composite type: " + type_label(field.type));
    }
    if (sub->hidden_on_write) continue;  // actor member and name are the server's to set
    if (field.type == field_type::actor && sub->name == "source") {
      if (sub_value.is_string()) out.actor_source = std::string(sub_value.get_string());
      continue;
    }
    const std::string column = model::composite_column_name(field.name, sub->name);
    out.columns.push_back(
        {column, value_sql(ctx, object, column, sub->type,
                           field.name + "." + std::string(sub->name), sub_value)});
  }
  if (!creating) return;
  // Twenty rewrites LINKS, EMAILS and PHONES inputs whole before storing them, so the subfields
  // a partial one leaves out are NULL (domainName given with only primaryLinkUrl has
  // primaryLinkLabel null); the other composites (ADDRESS, FULL_NAME, CURRENCY, ...) keep their
  // column defaults (addressStreet2 ''), as do required columns.
  if (field.type != field_type::links && field.type != field_type::emails &&
      field.type != field_type::phones) {
    return;
  }
  for (const auto& sub : composite.subfields) {
    if (sub.hidden_on_write || given.contains(sub.name)) continue;
    const std::string column = model::composite_column_name(field.name, sub.name);
    const bool required = !field.is_nullable && sub.default_literal != "null" && !sub.nullable;
    out.columns.push_back(
        {column, required ? "DEFAULT" : ctx.bind(std::nullopt, ctx.column_type(object, column))});
  }
}

// {connect: {where: {id | unique field}}} / {disconnect: true} on a many-to-one relation (the
// RelationInput of Twenty's newer create and update inputs): the join column's new value.
std::string relation_input_sql(compile_context& ctx, const model::field_metadata& field,
                               const boost::json::value& value) {
  const std::string name = field.name;
  if (!value.is_object()) invalid_data("Expected type \"RelationInput\" to be an object.");
  const auto& input = value.get_object();
  if (const auto* disconnect = input.if_contains("disconnect");
      disconnect && disconnect->is_bool() && disconnect->get_bool()) {
    return ctx.bind(std::nullopt, "uuid");
  }
  const auto* connect = input.if_contains("connect");
  const auto* where =
      connect && connect->is_object() ? connect->get_object().if_contains("where") : nullptr;
  if (!where || !where->is_object() || where->get_object().empty()) {
    invalid_data("Missing connect.where for relation field '" + name + "'");
  }
  const auto& target = ctx.object(field.relation->target_object_name);
  if (where->get_object().size() > 1) {
    invalid_data("Too many fields provided for connect field '" + name +
                 "'. Only fields from one unique constraint are allowed.");
  }
  const auto& [key, given] = *where->get_object().begin();
  const std::string t = ctx.alias();
  std::string condition;
  if (key == "id") {
    if (!given.is_string() || !is_uuid(given.get_string())) {
      fail(bad_user_input("Invalid UUID", "INVALID_ARGS_DATA"));
    }
    condition = column_ref(t, "id") + " = " + ctx.bind(std::string(given.get_string()), "uuid");
  } else {
    const auto* unique = target.find_field(key);
    const auto* composite = unique ? model::find_composite_type(unique->type) : nullptr;
    if (!unique || !unique->is_unique) {
      invalid_data("Field \"" + std::string(key) + "\" is not a unique field of " +
                   target.name_singular);
    }
    if (composite) {
      if (!given.is_object()) invalid_data("Invalid connect value for '" + name + "'");
      for (const auto& [sub_name, sub_value] : given.get_object()) {
        if (!composite->find(sub_name)) {
          invalid_data("Sub field \"" + std::string(sub_name) +
                       "\" not found for composite type: " + type_label(unique->type));
        }
        const std::string column = model::composite_column_name(unique->name, sub_name);
        condition += (condition.empty() ? "" : " AND ") + column_ref(t, column) + " = " +
                     ctx.bind(scalar_text(sub_value), ctx.column_type(target, column));
      }
    } else {
      condition = column_ref(t, unique->name) + " = " +
                  ctx.bind(scalar_text(given), ctx.column_type(target, unique->name));
    }
    if (condition.empty()) invalid_data("Invalid connect value for '" + name + "'");
  }
  if (target.find_field("deletedAt"))
    condition += " AND " + column_ref(t, "deletedAt") + " IS NULL";
  return "COALESCE((SELECT " + column_ref(t, "id") + " FROM " + ctx.table(target) + " " + t +
         " WHERE " + condition + " LIMIT 1), (CASE WHEN core.raise_record_error(" +
         ctx.bind("Expected 1 record to connect to " + name + ", but found 0.", "text") +
         ", 'CONNECT_RECORD_NOT_FOUND', 'BAD_USER_INPUT') THEN NULL END)::uuid)";
}

}  // namespace

bool record_values::has(std::string_view column) const {
  for (const auto& c : columns) {
    if (c.column == column) return true;
  }
  return false;
}

record_values bind_record_data(compile_context& ctx, const model::object_metadata& object,
                               const boost::json::object& data, bool creating) {
  record_values out;
  for (const auto& [key, value] : data) {
    const std::string name(key);
    if (name == "id") {
      if (!creating) continue;  // an update never moves a record to another id
      if (!value.is_string() || !is_uuid(value.get_string())) {
        fail(bad_user_input("Invalid UUID", "INVALID_ARGS_DATA"));
      }
      out.id = std::string(value.get_string());
      continue;
    }
    const auto target = resolve_field(object, name);
    if (!target)
      invalid_data("Object " + object.name_singular + " doesn't have any \"" + name + "\" field.");
    const auto& field = *target.field;
    out.fields.push_back(target.join_column ? field.name : name);
    if (target.join_column) {
      out.columns.push_back({name, value_sql(ctx, object, name, field_type::uuid, name, value)});
    } else if (model::is_relation(field.type)) {
      if (!field.is_many_to_one()) invalid_data("Field \"" + name + "\" cannot be written");
      const std::string column = join_column(field);
      if (data.contains(column)) {
        invalid_data(name + " and " + column + " cannot be both provided.");
      }
      out.columns.push_back({column, relation_input_sql(ctx, field, value)});
    } else if (field.type == field_type::ts_vector) {
      continue;  // in Twenty's create input, but the database's to compute
    } else if (!model::is_writable(field.type)) {
      invalid_data("Field \"" + name + "\" cannot be written");
    } else if (const auto* composite = model::find_composite_type(field.type)) {
      bind_composite(ctx, object, field, *composite, value, creating, out);
    } else if (field.type == field_type::position && value.is_string()) {
      const std::string keyword(value.get_string());
      if (keyword != "first" && keyword != "last") {
        invalid_data("Position must be a number, \"first\" or \"last\"");
      }
      out.position_keyword = keyword;
    } else {
      out.columns.push_back({name, value_sql(ctx, object, name, field.type, name, value)});
    }
  }
  return out;
}

std::string actor_json(const model::record_actor& actor) {
  boost::json::object out;
  out["source"] = actor.source;
  out["workspaceMemberId"] = actor.workspace_member_id
                                 ? boost::json::value(*actor.workspace_member_id)
                                 : boost::json::value(nullptr);
  out["name"] = actor.name;
  if (actor.api_key_id) out["apiKeyId"] = *actor.api_key_id;
  return boost::json::serialize(out);
}

std::string new_uuid() {
  thread_local boost::uuids::random_generator generate;
  return boost::uuids::to_string(generate());
}

}  // namespace cohort::storage::query

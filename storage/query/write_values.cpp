#include "storage/query/write_values.hpp"

#include <boost/json/serialize.hpp>

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
  if (!creating || field.type == field_type::actor) return;
  // Twenty stores NULL in the subfields a partial composite leaves out (domainName given with
  // only primaryLinkUrl has primaryLinkLabel null); required columns keep their default.
  for (const auto& sub : composite.subfields) {
    if (sub.hidden_on_write || given.contains(sub.name)) continue;
    const std::string column = model::composite_column_name(field.name, sub.name);
    const bool required = !field.is_nullable && sub.default_literal != "null";
    out.columns.push_back(
        {column, required ? "DEFAULT" : ctx.bind(std::nullopt, ctx.column_type(object, column))});
  }
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
      fail(bad_user_input("Writing relation \"" + name + "\" is not supported; use " +
                              (field.is_many_to_one() ? join_column(field) : "the join column") +
                              " instead",
                          "NOT_IMPLEMENTED"));
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

}  // namespace cohort::storage::query

#include "storage/query/filter_compiler.hpp"

#include <boost/json/serialize.hpp>

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

[[noreturn]] void unknown_field(const model::object_metadata& object, std::string_view key) {
  fail(bad_user_input(
      "Object " + object.name_singular + " doesn't have any \"" + std::string(key) + "\" field.",
      "INVALID_ARGS_FILTER"));
}

std::string join(const std::vector<std::string>& parts, std::string_view op,
                 std::string_view empty) {
  if (parts.empty()) return std::string(empty);
  if (parts.size() == 1) return parts.front();
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += op;
    out += parts[i];
  }
  return out + ")";
}

filter_leaf scalar_leaf(compile_context& ctx, const model::object_metadata& object,
                        const std::string& alias, const model::field_metadata& field) {
  filter_leaf leaf;
  leaf.column = column_ref(alias, field.name);
  leaf.type = field.type;
  leaf.type_sql = ctx.column_type(object, field.name);
  leaf.label = field.name;
  if (model::has_options(field.type)) leaf.options = &field;
  return leaf;
}

std::string compile_composite(compile_context& ctx, const model::object_metadata& object,
                              const std::string& alias, const model::field_metadata& field,
                              const model::composite_type& composite,
                              const boost::json::value& value) {
  if (!value.is_object()) {
    fail(bad_user_input("Invalid filter for field \"" + field.name + "\"", "INVALID_ARGS_FILTER"));
  }
  std::vector<std::string> parts;
  for (const auto& [key, sub_filter] : value.get_object()) {
    if (sub_filter.is_null()) continue;
    if (key == "is") {
      // The whole composite: empty when every visible subfield is.
      std::vector<std::string> empties;
      for (const auto& sub : composite.subfields) {
        if (sub.hidden_on_write || !sub.filterable) continue;
        const std::string column = model::composite_column_name(field.name, sub.name);
        filter_leaf leaf{column_ref(alias, column),
                         sub.type,
                         ctx.column_type(object, column),
                         field.name,
                         nullptr,
                         false,
                         true};
        empties.push_back(compile_leaf(ctx, leaf, boost::json::object{{"is", "NULL"}}));
      }
      const std::string_view is =
          sub_filter.is_string() ? std::string_view(sub_filter.get_string()) : "";
      if (is != "NULL" && is != "NOT_NULL") {
        fail(bad_user_input("Invalid value " + boost::json::serialize(sub_filter) +
                                " for field \"" + field.name + "\"",
                            "INVALID_ARGS_FILTER"));
      }
      const std::string all_empty = join(empties, " AND ", "TRUE");
      parts.push_back(is == "NULL" ? all_empty : "NOT " + all_empty);
      continue;
    }
    const auto* sub = composite.find(key);
    if (!sub || !sub->filterable) {
      fail(bad_user_input("Sub field \"" + std::string(key) +
                              "\" not found for composite type: " + type_label(field.type),
                          "INVALID_ARGS_FILTER"));
    }
    const std::string column = model::composite_column_name(field.name, sub->name);
    filter_leaf leaf;
    leaf.column = column_ref(alias, column);
    leaf.type = sub->type;
    leaf.type_sql = ctx.column_type(object, column);
    leaf.label = field.name + "." + std::string(sub->name);
    leaf.rich_text = field.type == field_type::rich_text || field.type == field_type::rich_text_v2;
    parts.push_back(compile_leaf(ctx, leaf, sub_filter));
  }
  return join(parts, " AND ", "TRUE");
}

std::string compile_object(compile_context& ctx, const model::object_metadata& object,
                           const std::string& alias, const boost::json::value& filter,
                           bool allow_relation);

// One hop through a many-to-one relation (spec §4.9): the target row must match.
std::string compile_relation_hop(compile_context& ctx, const model::object_metadata& object,
                                 const std::string& alias, const model::field_metadata& field,
                                 const boost::json::value& value, bool allow_relation) {
  if (!field.is_many_to_one()) {
    fail(bad_user_input("Cannot filter by relation field \"" + field.name + "\"",
                        "INVALID_ARGS_FILTER"));
  }
  if (!allow_relation) {
    fail(bad_user_input("Relation filter nesting deeper than 1 hop is not supported",
                        "INVALID_ARGS_FILTER"));
  }
  (void)object;
  const auto& target = ctx.object(field.relation->target_object_name);
  const std::string target_alias = ctx.alias();
  return "EXISTS (SELECT 1 FROM " + ctx.table(target) + " " + target_alias + " WHERE " +
         column_ref(target_alias, "id") + " = " + column_ref(alias, join_column(field)) + " AND " +
         compile_object(ctx, target, target_alias, value, false) + ")";
}

std::string compile_object(compile_context& ctx, const model::object_metadata& object,
                           const std::string& alias, const boost::json::value& filter,
                           bool allow_relation) {
  if (filter.is_null()) return "TRUE";
  if (!filter.is_object()) fail(bad_user_input("Invalid filter", "INVALID_ARGS_FILTER"));
  std::vector<std::string> parts;
  for (const auto& [key, value] : filter.get_object()) {
    if (value.is_null()) continue;
    if (key == "and" || key == "or") {
      if (!value.is_array()) {
        fail(bad_user_input("Logical operator \"" + std::string(key) + "\" expects an array",
                            "INVALID_ARGS_FILTER"));
      }
      std::vector<std::string> children;
      for (const auto& child : value.get_array()) {
        children.push_back(compile_object(ctx, object, alias, child, allow_relation));
      }
      // An empty group sets no condition, in either case.
      parts.push_back(join(children, key == "and" ? " AND " : " OR ", "TRUE"));
      continue;
    }
    if (key == "not") {
      parts.push_back("NOT (" + compile_object(ctx, object, alias, value, allow_relation) + ")");
      continue;
    }
    const auto target = resolve_field(object, key);
    if (!target) unknown_field(object, key);
    const auto& field = *target.field;
    if (target.join_column) {
      filter_leaf leaf;
      leaf.column = column_ref(alias, std::string(key));
      leaf.type = field_type::uuid;
      leaf.type_sql = "uuid";
      leaf.label = std::string(key);
      parts.push_back(compile_leaf(ctx, leaf, value));
    } else if (model::is_relation(field.type)) {
      parts.push_back(compile_relation_hop(ctx, object, alias, field, value, allow_relation));
    } else if (const auto* composite = model::find_composite_type(field.type)) {
      parts.push_back(compile_composite(ctx, object, alias, field, *composite, value));
    } else {
      parts.push_back(compile_leaf(ctx, scalar_leaf(ctx, object, alias, field), value));
    }
  }
  return join(parts, " AND ", "TRUE");
}

}  // namespace

std::string compile_filter(compile_context& ctx, const model::object_metadata& object,
                           const std::string& alias, const boost::json::value& filter) {
  return compile_object(ctx, object, alias, filter, true);
}

bool mentions_deleted_at(const boost::json::value& filter) {
  if (filter.is_object()) {
    for (const auto& [key, value] : filter.get_object()) {
      if (key == "deletedAt" || mentions_deleted_at(value)) return true;
    }
  } else if (filter.is_array()) {
    for (const auto& item : filter.get_array()) {
      if (mentions_deleted_at(item)) return true;
    }
  }
  return false;
}

bool is_empty_filter(const boost::json::value& filter) {
  if (filter.is_null()) return true;
  if (!filter.is_object()) return false;
  for (const auto& [key, value] : filter.get_object()) {
    if (key == "and" || key == "or") {
      if (!value.is_array()) return false;
      for (const auto& child : value.get_array()) {
        if (!is_empty_filter(child)) return false;
      }
    } else if (key == "not") {
      if (!is_empty_filter(value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

std::string scoped_filter(compile_context& ctx, const model::object_metadata& object,
                          const std::string& alias, const boost::json::value& filter) {
  std::string condition = compile_filter(ctx, object, alias, filter);
  if (object.find_field("deletedAt") && !mentions_deleted_at(filter)) {
    condition = column_ref(alias, "deletedAt") + " IS NULL AND " + condition;
  }
  return condition;
}

}  // namespace cohort::storage::query

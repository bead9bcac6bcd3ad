#include "storage/ddl/column_types.hpp"

#include "model/composite_types.hpp"
#include "storage/ddl/identifier.hpp"

namespace cohort::storage::ddl {
namespace {

using model::field_type;

std::vector<std::string> option_values(const model::field_metadata& field) {
  std::vector<std::string> values;
  values.reserve(field.options.size());
  for (const auto& option : field.options) values.push_back(option.value);
  return values;
}

// Array-typed defaults render as ARRAY[...]; the cast gives the literal the column's element type.
std::optional<std::string> typed_default(const boost::json::value& value, const std::string& type) {
  auto rendered = render_default(value);
  if (rendered && value.is_array()) *rendered += "::" + type;
  return rendered;
}

std::vector<column_def> composite_columns(std::string_view schema, std::string_view table,
                                          const model::field_metadata& field,
                                          const model::composite_type& composite) {
  const boost::json::object* defaults =
      field.default_value.is_object() ? &field.default_value.get_object() : nullptr;
  if (!defaults && !field.default_value.is_null()) {
    throw ddl_error("default of composite field \"" + field.name + "\" must be an object");
  }
  std::vector<column_def> out;
  for (const auto& sub : composite.subfields) {
    column_def col;
    col.name = model::composite_column_name(field.name, sub.name);
    quote_identifier(col.name);
    if (sub.type == field_type::select) {
      // The ACTOR source: Twenty gives it an enum of the actor sources.
      enum_type_def e{enum_type_name(table, col.name), {}};
      for (auto v : model::actor_sources()) e.values.emplace_back(v);
      col.type_sql = qualified_name(schema, e.name);
      col.enum_type = std::move(e);
    } else {
      model::field_metadata sub_field;
      sub_field.type = sub.type;
      col.type_sql = *column_type_for(sub_field);
    }
    // A subfield's default comes from the field's default object, else the composite's own.
    const boost::json::value* given = defaults ? defaults->if_contains(sub.name) : nullptr;
    if (given) {
      col.default_sql = typed_default(*given, col.type_sql);
    } else if (sub.default_literal != "null") {
      col.default_sql = render_default(boost::json::string(sub.default_literal));
    }
    // A required composite keeps NULL out only of the subfields that always have a value and
    // that its GraphQL type declares non-null (a name's parts) or the server always fills (an
    // actor's source and name):
    // Twenty stores NULL in a LINKS label or an e-mail list the input left out.
    col.not_null = !field.is_nullable && col.default_sql.has_value() &&
                   (!sub.nullable || field.type == field_type::actor);
    out.push_back(std::move(col));
  }
  return out;
}

}  // namespace

std::string enum_type_name(std::string_view table, std::string_view column) {
  std::string name(table);
  name += '_';
  name += column;
  name += "_enum";
  return name;
}

std::optional<std::string> column_type_for(const model::field_metadata& field,
                                           std::string_view enum_sql) {
  switch (field.type) {
    case field_type::uuid:
      return "uuid";
    case field_type::text:
    case field_type::rich_text:
    case field_type::rich_text_deprecated:
      return "text";
    case field_type::number: {
      const auto data_type = field.number_data_type();
      if (data_type == "int") return "int4";
      if (data_type == "bigint") return "int8";
      return "float8";
    }
    case field_type::numeric:
      return "numeric";
    case field_type::boolean:
      return "bool";
    case field_type::date_time:
      // Milliseconds, as the API reads and writes them: the column itself then orders, pages
      // and compares the way clients see it (indexes usable; migration 0025 for older tables).
      return "timestamptz(3)";
    case field_type::date:
      return "date";
    case field_type::position:
      return "float8";
    case field_type::raw_json:
    case field_type::files:
      return "jsonb";
    case field_type::array:
      return "text[]";
    case field_type::ts_vector:
      return "tsvector";
    case field_type::select:
    case field_type::rating:
      if (enum_sql.empty()) return std::nullopt;
      return std::string(enum_sql);
    case field_type::multi_select:
      if (enum_sql.empty()) return std::nullopt;
      return std::string(enum_sql) + "[]";
    default:
      return std::nullopt;  // composites, relations, legacy types
  }
}

std::vector<column_def> columns_for_field(std::string_view schema, std::string_view table,
                                          const model::field_metadata& field) {
  quote_identifier(field.name);
  if (const auto* composite = model::find_composite_type(field.type)) {
    return composite_columns(schema, table, field, *composite);
  }
  if (model::is_relation(field.type)) {
    if (!field.relation) throw ddl_error("relation field \"" + field.name + "\" has no relation");
    if (field.relation->type != model::relation_type::many_to_one) return {};
    column_def col;
    col.name = field.relation->join_column_name.empty() ? field.name + "Id"
                                                        : field.relation->join_column_name;
    quote_identifier(col.name);
    col.type_sql = "uuid";
    col.not_null = !field.is_nullable;
    return {std::move(col)};
  }
  column_def col;
  col.name = field.name;
  std::string enum_sql;
  if (model::has_options(field.type)) {
    if (field.options.empty()) {
      throw ddl_error("field \"" + field.name + "\" has no options for its enum");
    }
    enum_type_def e{enum_type_name(table, field.name), option_values(field)};
    enum_sql = qualified_name(schema, e.name);
    col.enum_type = std::move(e);
  }
  auto type = column_type_for(field, enum_sql);
  if (!type) {
    throw ddl_error("field \"" + field.name + "\" has type " +
                    std::string(model::to_string(field.type)) + ", which has no column type");
  }
  col.type_sql = *type;
  if (field.type != field_type::ts_vector) {
    col.default_sql = typed_default(field.default_value, col.type_sql);
  }
  col.not_null = !field.is_nullable;
  return {std::move(col)};
}

}  // namespace cohort::storage::ddl

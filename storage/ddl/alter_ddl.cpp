#include "storage/ddl/alter_ddl.hpp"

#include <cstdio>

#include "model/stable_id.hpp"
#include "storage/ddl/column_types.hpp"
#include "storage/ddl/identifier.hpp"
#include "storage/ddl/table_ddl.hpp"

namespace cohort::storage::ddl {

namespace {

std::string alter(std::string_view schema, std::string_view table) {
  return "ALTER TABLE " + qualified_name(schema, table) + " ";
}

// A short, stable constraint or index name: prefix and 16 hex digits of the table and column.
std::string hashed_name(std::string_view prefix, std::string_view table, std::string_view column) {
  auto digest = model::sha1(std::string(table) + "." + std::string(column));
  std::string out(prefix);
  out += '_';
  char buf[3];
  for (int i = 0; i < 8; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", digest[i]);
    out += buf;
  }
  return out;
}

std::vector<column_def> columns_of(std::string_view schema, std::string_view table,
                                   const model::field_metadata& field) {
  return columns_for_field(schema, table, field);
}

// Calls `each(before_column, after_column)` for the columns of two versions of one field, in
// subfield order (same type, so the same number of columns).
template <typename Each>
void for_each_column_pair(std::string_view schema, std::string_view table,
                          const model::field_metadata& before, const model::field_metadata& after,
                          Each each) {
  auto old_columns = columns_of(schema, table, before);
  auto new_columns = columns_of(schema, table, after);
  for (std::size_t i = 0; i < old_columns.size() && i < new_columns.size(); ++i) {
    each(old_columns[i], new_columns[i]);
  }
}

std::string option_values_sql(const model::field_metadata& field) {
  std::string out;
  for (const auto& o : field.options) {
    if (!out.empty()) out += ", ";
    out += quote_literal(o.value);
  }
  return out;
}

// CASE v WHEN 'OLD' THEN 'NEW' ... ELSE NULL END, matching options by id.
std::string value_mapping(std::string_view value_sql, const model::field_metadata& before,
                          const model::field_metadata& after) {
  std::string out = "CASE " + std::string(value_sql);
  bool any = false;
  for (const auto& old_option : before.options) {
    const auto* next = successor_option(after, old_option);
    if (!next) continue;
    out += " WHEN " + quote_literal(old_option.value) + " THEN " + quote_literal(next->value);
    any = true;
  }
  if (!any) return "NULL";
  return out + " ELSE NULL END";
}

}  // namespace

const model::select_option* successor_option(const model::field_metadata& after,
                                             const model::select_option& previous) {
  for (const auto& option : after.options) {
    if (!previous.id.empty() && option.id == previous.id) return &option;
  }
  for (const auto& option : after.options) {
    if (option.value == previous.value) return &option;
  }
  return nullptr;
}

std::vector<std::string> add_field_columns(std::string_view schema, std::string_view table,
                                           const model::field_metadata& field,
                                           std::string_view target_table) {
  std::vector<std::string> out;
  auto columns = columns_of(schema, table, field);
  for (const auto& col : columns) {
    if (!col.enum_type) continue;
    std::string sql = "CREATE TYPE " + qualified_name(schema, col.enum_type->name) + " AS ENUM (";
    for (std::size_t i = 0; i < col.enum_type->values.size(); ++i) {
      if (i) sql += ", ";
      sql += quote_literal(col.enum_type->values[i]);
    }
    out.push_back(sql + ")");
  }
  for (const auto& col : columns) {
    std::string sql =
        alter(schema, table) + "ADD COLUMN " + quote_identifier(col.name) + " " + col.type_sql;
    if (col.default_sql) sql += " DEFAULT " + *col.default_sql;
    if (col.not_null) sql += " NOT NULL";
    out.push_back(std::move(sql));
  }
  if (field.is_many_to_one() && !target_table.empty()) {
    const std::string& column = field.relation->join_column_name;
    out.push_back(alter(schema, table) + "ADD CONSTRAINT " +
                  quote_identifier(hashed_name("FK", table, column)) + " FOREIGN KEY (" +
                  quote_identifier(column) + ") REFERENCES " +
                  qualified_name(schema, target_table) + " (\"id\") ON DELETE " +
                  std::string(on_delete_sql(field.relation->on_delete)));
    out.push_back("CREATE INDEX " + quote_identifier(hashed_name("IDX", table, column)) + " ON " +
                  qualified_name(schema, table) + " (" + quote_identifier(column) + ")");
  }
  return out;
}

std::vector<std::string> rename_field_columns(std::string_view schema, std::string_view table,
                                              const model::field_metadata& before,
                                              const model::field_metadata& after) {
  std::vector<std::string> out;
  for_each_column_pair(schema, table, before, after, [&](const column_def& o, const column_def& n) {
    if (o.name == n.name) return;
    out.push_back(alter(schema, table) + "RENAME COLUMN " + quote_identifier(o.name) + " TO " +
                  quote_identifier(n.name));
    if (o.enum_type && n.enum_type && o.enum_type->name != n.enum_type->name) {
      out.push_back("ALTER TYPE " + qualified_name(schema, o.enum_type->name) + " RENAME TO " +
                    quote_identifier(n.enum_type->name));
    }
  });
  return out;
}

std::vector<std::string> drop_field_columns(std::string_view schema, std::string_view table,
                                            const model::field_metadata& field) {
  std::vector<std::string> out;
  auto columns = columns_of(schema, table, field);
  for (const auto& col : columns) {
    out.push_back(alter(schema, table) + "DROP COLUMN IF EXISTS " + quote_identifier(col.name));
  }
  for (const auto& col : columns) {
    if (col.enum_type) {
      out.push_back("DROP TYPE IF EXISTS " + qualified_name(schema, col.enum_type->name));
    }
  }
  return out;
}

std::vector<std::string> rewrite_option_column(std::string_view schema, std::string_view table,
                                               const model::field_metadata& before,
                                               const model::field_metadata& after) {
  std::vector<std::string> out;
  auto old_columns = columns_of(schema, table, before);
  auto new_columns = columns_of(schema, table, after);
  if (old_columns.size() != 1 || new_columns.size() != 1) return out;
  const auto& o = old_columns.front();
  const auto& n = new_columns.front();
  const bool multi = after.type == model::field_type::multi_select;
  const std::string column = quote_identifier(n.name);
  const std::string table_sql = qualified_name(schema, table);
  out.push_back(alter(schema, table) + "ALTER COLUMN " + column + " DROP DEFAULT");
  out.push_back(alter(schema, table) + "ALTER COLUMN " + column + " TYPE " +
                (multi ? "text[]" : "text") + " USING " + column + (multi ? "::text[]" : "::text"));
  if (multi) {
    out.push_back("UPDATE " + table_sql + " SET " + column + " = ARRAY(SELECT m FROM unnest(" +
                  column + ") WITH ORDINALITY AS u(v, i) CROSS JOIN LATERAL (SELECT " +
                  value_mapping("u.v", before, after) +
                  " AS m) x WHERE m IS NOT NULL ORDER BY i) "
                  "WHERE " +
                  column + " IS NOT NULL");
  } else {
    out.push_back("UPDATE " + table_sql + " SET " + column + " = " +
                  value_mapping(column, before, after) + " WHERE " + column + " IS NOT NULL");
  }
  if (o.enum_type)
    out.push_back("DROP TYPE IF EXISTS " + qualified_name(schema, o.enum_type->name));
  if (n.enum_type) {
    out.push_back("CREATE TYPE " + qualified_name(schema, n.enum_type->name) + " AS ENUM (" +
                  option_values_sql(after) + ")");
  }
  out.push_back(alter(schema, table) + "ALTER COLUMN " + column + " TYPE " + n.type_sql +
                " USING " + column + "::" + n.type_sql);
  if (n.default_sql) {
    out.push_back(alter(schema, table) + "ALTER COLUMN " + column + " SET DEFAULT " +
                  *n.default_sql);
  }
  return out;
}

std::vector<std::string> alter_field_constraints(std::string_view schema, std::string_view table,
                                                 const model::field_metadata& before,
                                                 const model::field_metadata& after) {
  std::vector<std::string> out;
  for_each_column_pair(schema, table, before, after, [&](const column_def& o, const column_def& n) {
    const std::string column = alter(schema, table) + "ALTER COLUMN " + quote_identifier(n.name);
    // A NUMBER whose settings.dataType changed (float8, int4, int8): the default goes first, it
    // may not cast.
    const bool retyped = o.type_sql != n.type_sql && !o.enum_type && !n.enum_type;
    if (retyped) {
      if (o.default_sql) out.push_back(column + " DROP DEFAULT");
      out.push_back(column + " TYPE " + n.type_sql + " USING " + quote_identifier(n.name) +
                    "::" + n.type_sql);
    }
    if (o.default_sql != n.default_sql || (retyped && n.default_sql)) {
      out.push_back(n.default_sql ? column + " SET DEFAULT " + *n.default_sql
                                  : column + " DROP DEFAULT");
    }
    if (o.not_null != n.not_null) {
      if (n.not_null && n.default_sql) {
        out.push_back("UPDATE " + qualified_name(schema, table) + " SET " +
                      quote_identifier(n.name) + " = " + *n.default_sql + " WHERE " +
                      quote_identifier(n.name) + " IS NULL");
      }
      out.push_back(column + (n.not_null ? " SET NOT NULL" : " DROP NOT NULL"));
    }
  });
  return out;
}

std::vector<std::string> rename_table(std::string_view schema, const model::object_metadata& object,
                                      std::string_view new_table) {
  std::vector<std::string> out;
  const std::string old_table = object.table_name();
  if (old_table == new_table) return out;
  out.push_back(alter(schema, old_table) + "RENAME TO " + quote_identifier(new_table));
  for (const auto& field : object.fields) {
    for (const auto& col : columns_of(schema, old_table, field)) {
      if (!col.enum_type) continue;
      out.push_back("ALTER TYPE " + qualified_name(schema, col.enum_type->name) + " RENAME TO " +
                    quote_identifier(enum_type_name(new_table, col.name)));
    }
  }
  return out;
}

std::vector<std::string> drop_table(std::string_view schema, const model::object_metadata& object) {
  std::vector<std::string> out;
  const std::string table = object.table_name();
  out.push_back("DROP TABLE IF EXISTS " + qualified_name(schema, table) + " CASCADE");
  for (const auto& field : object.fields) {
    for (const auto& col : columns_of(schema, table, field)) {
      if (col.enum_type) {
        out.push_back("DROP TYPE IF EXISTS " + qualified_name(schema, col.enum_type->name));
      }
    }
  }
  return out;
}

}  // namespace cohort::storage::ddl

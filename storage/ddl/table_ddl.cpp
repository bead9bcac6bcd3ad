#include "storage/ddl/table_ddl.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "model/composite_types.hpp"
#include "storage/ddl/identifier.hpp"
#include "storage/ddl/search_vector.hpp"

namespace cohort::storage::ddl {
namespace {

std::string target_table(const model::field_relation& relation,
                         std::span<const model::object_metadata> objects) {
  for (const auto& o : objects) {
    if (o.id == relation.target_object_id || o.name_singular == relation.target_object_name) {
      return o.table_name();
    }
  }
  return relation.target_object_name;
}

// A constraint name that fits PostgreSQL's 63 bytes: readable when short, hashed when not.
std::string constraint_name(std::string_view prefix, std::string_view table,
                            std::string_view column) {
  std::string name = std::string(prefix) + "_" + std::string(table) + "_" + std::string(column);
  if (name.size() <= max_identifier_bytes) return name;
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(prefix) + "_" + buf;
}

// The column an index on `field` covers: the primary subfield of a composite, the join column of
// a many-to-one relation, else the field's own column.
std::string index_column(const model::field_metadata& field) {
  if (const auto* composite = model::find_composite_type(field.type)) {
    return model::composite_column_name(field.name, composite->primary_subfield()->name);
  }
  if (field.is_many_to_one()) {
    return field.relation->join_column_name.empty() ? field.name + "Id"
                                                    : field.relation->join_column_name;
  }
  return field.name;
}

table_ddl build(std::string_view schema, const model::object_metadata& object,
                std::span<const model::object_metadata> objects) {
  table_ddl out;
  out.table = object.table_name();
  const std::string table_sql = qualified_name(schema, out.table);

  for (const auto& field : object.fields) {
    for (auto& col : columns_for_field(schema, out.table, field)) {
      if (field.type == model::field_type::ts_vector) {
        col.generated_sql = search_vector_expression(object);
      }
      for (const auto& existing : out.columns) {
        if (existing.name == col.name) {
          throw ddl_error("column \"" + col.name + "\" appears twice in \"" + out.table + "\"");
        }
      }
      out.columns.push_back(std::move(col));
    }
  }

  for (const auto& col : out.columns) {
    if (!col.enum_type) continue;
    std::string sql = "CREATE TYPE " + qualified_name(schema, col.enum_type->name) + " AS ENUM (";
    for (std::size_t i = 0; i < col.enum_type->values.size(); ++i) {
      if (i) sql += ", ";
      sql += quote_literal(col.enum_type->values[i]);
    }
    sql += ")";
    out.create_types.push_back(std::move(sql));
  }

  std::string create = "CREATE TABLE " + table_sql + " (";
  bool has_id = false;
  for (std::size_t i = 0; i < out.columns.size(); ++i) {
    const auto& col = out.columns[i];
    if (i) create += ", ";
    create += quote_identifier(col.name) + " " + col.type_sql;
    if (col.not_null) create += " NOT NULL";
    if (col.default_sql) create += " DEFAULT " + *col.default_sql;
    if (col.generated_sql) create += " GENERATED ALWAYS AS (" + *col.generated_sql + ") STORED";
    has_id = has_id || col.name == "id";
  }
  if (has_id) {
    create += ", CONSTRAINT " + quote_identifier(constraint_name("PK", out.table, "id")) +
              " PRIMARY KEY (\"id\")";
  }
  create += ")";
  out.create_table = std::move(create);

  for (const auto& field : object.fields) {
    if (!field.is_many_to_one()) continue;
    const std::string column = index_column(field);
    out.foreign_keys.push_back("ALTER TABLE " + table_sql + " ADD CONSTRAINT " +
                               quote_identifier(constraint_name("FK", out.table, column)) +
                               " FOREIGN KEY (" + quote_identifier(column) + ") REFERENCES " +
                               qualified_name(schema, target_table(*field.relation, objects)) +
                               " (\"id\") ON DELETE " +
                               std::string(on_delete_sql(field.relation->on_delete)));
  }

  for (const auto& index : object.indexes) {
    std::vector<model::index_field> ordered = index.fields;
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.order < b.order; });
    std::string columns;
    // Twenty's unique indexes leave empty text out ('' is what a text column holds when the
    // user gave nothing), so many records without an e-mail or domain can coexist.
    std::string non_empty_text;
    for (const auto& f : ordered) {
      const auto* field = object.find_field_by_id(f.field_id);
      if (!field) throw ddl_error("index \"" + index.name + "\" names an unknown field");
      if (!columns.empty()) columns += ", ";
      const std::string column = index_column(*field);
      columns += quote_identifier(column);
      for (const auto& c : out.columns) {
        if (c.name == column && c.type_sql == "text") {
          non_empty_text += quote_identifier(column) + " <> '' AND ";
        }
      }
    }
    if (columns.empty()) throw ddl_error("index \"" + index.name + "\" has no field");
    // The only partial-index predicate metadata carries; anything else is refused, never spliced.
    if (index.where_clause && *index.where_clause != "\"deletedAt\" IS NULL") {
      throw ddl_error("index \"" + index.name + "\" has an unsupported WHERE clause");
    }
    const bool gin = index.type == model::index_type::gin;
    std::string sql = std::string(index.is_unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
                      quote_identifier(index.name) + " ON " + table_sql +
                      (gin ? " USING GIN (" : " (") + columns + ")";
    if (index.is_unique) {
      sql += " WHERE " + non_empty_text + "\"deletedAt\" IS NULL";
    } else if (index.where_clause) {
      sql += " WHERE \"deletedAt\" IS NULL";
    }
    out.indexes.push_back(std::move(sql));
  }
  // Not metadata, physical only: new records are placed before the lowest position (or after
  // the highest), which without this index is a scan of the whole table on every create.
  if (const auto* position = object.find_field("position");
      position && position->type == model::field_type::position) {
    out.indexes.push_back("CREATE INDEX " +
                          quote_identifier(constraint_name("IDX_POSITION", out.table, "position")) +
                          " ON " + table_sql + " (\"position\")");
  }
  return out;
}

}  // namespace

std::string_view on_delete_sql(model::on_delete_action action) {
  switch (action) {
    case model::on_delete_action::cascade:
      return "CASCADE";
    case model::on_delete_action::set_null:
      return "SET NULL";
    case model::on_delete_action::restrict:
      return "RESTRICT";
    case model::on_delete_action::no_action:
      return "NO ACTION";
  }
  return "NO ACTION";
}

std::vector<std::string> schema_ddl::statements() const {
  std::vector<std::string> out;
  for (const auto& t : tables) out.insert(out.end(), t.create_types.begin(), t.create_types.end());
  for (const auto& t : tables) out.push_back(t.create_table);
  for (const auto& t : tables) out.insert(out.end(), t.foreign_keys.begin(), t.foreign_keys.end());
  for (const auto& t : tables) out.insert(out.end(), t.indexes.begin(), t.indexes.end());
  return out;
}

ddl_result<table_ddl> generate_table_ddl(std::string_view schema,
                                         const model::object_metadata& object,
                                         std::span<const model::object_metadata> objects) {
  try {
    return {build(schema, object, objects), {}};
  } catch (const ddl_error& e) {
    return {std::nullopt, "object \"" + object.name_singular + "\": " + e.what()};
  }
}

ddl_result<schema_ddl> generate_schema_ddl(std::string_view schema,
                                           std::span<const model::object_metadata> objects) {
  schema_ddl out;
  for (const auto& object : objects) {
    auto table = generate_table_ddl(schema, object, objects);
    if (!table.ok()) return {std::nullopt, std::move(table.error)};
    out.tables.push_back(*std::move(table.value));
  }
  return {std::move(out), {}};
}

}  // namespace cohort::storage::ddl

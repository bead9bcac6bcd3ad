// DDL of one object's table from its metadata: the enum types its columns need, CREATE TABLE with
// one column per field (composites as several), primary key on `id`, foreign keys for many-to-one
// join columns (ON DELETE from the relation), and the indexes of its index metadata. Foreign keys
// are separate statements so a workspace can add them once every table exists.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/object_metadata.hpp"
#include "storage/ddl/column_types.hpp"

namespace cohort::storage::ddl {

struct table_ddl {
  std::string table;  // unquoted table name
  std::vector<column_def> columns;
  std::vector<std::string> create_types;  // CREATE TYPE ... AS ENUM
  std::string create_table;
  std::vector<std::string> foreign_keys;  // ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY
  std::vector<std::string> indexes;       // CREATE [UNIQUE] INDEX
};

// Every statement of a set of objects, in an order that runs as is: types, tables, foreign keys,
// indexes.
struct schema_ddl {
  std::vector<table_ddl> tables;
  std::vector<std::string> statements() const;
};

template <typename T>
struct ddl_result {
  std::optional<T> value;
  std::string error;  // why generation refused the metadata, when !value
  bool ok() const { return value.has_value(); }
};

std::string_view on_delete_sql(model::on_delete_action action);  // "SET NULL", ...

// `objects` resolves relation targets to table names (a target missing from it is assumed to be
// a standard object named by target_object_name).
ddl_result<table_ddl> generate_table_ddl(std::string_view schema,
                                         const model::object_metadata& object,
                                         std::span<const model::object_metadata> objects);
ddl_result<schema_ddl> generate_schema_ddl(std::string_view schema,
                                           std::span<const model::object_metadata> objects);

}  // namespace cohort::storage::ddl

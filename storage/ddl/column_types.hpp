// The physical columns of one field: PostgreSQL type, nullability and default for each column a
// field is stored in (one for simple fields, one per subfield for composites, the join column for
// a many-to-one relation, none for one-to-many), plus the enum types SELECT-like columns need.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_metadata.hpp"

namespace cohort::storage::ddl {

// A PostgreSQL enum type Twenty names `<table>_<column>_enum`, created in the workspace schema.
struct enum_type_def {
  std::string name;
  std::vector<std::string> values;
};

struct column_def {
  std::string name;      // unquoted, e.g. "nameFirstName"
  std::string type_sql;  // e.g. uuid, text, "ws"."person_x_enum"[]
  bool not_null = false;
  std::optional<std::string> default_sql;  // rendered SQL expression
  // GENERATED ALWAYS AS (...) STORED: the column is the database's to compute (searchVector).
  std::optional<std::string> generated_sql;
  std::optional<enum_type_def> enum_type;  // the type this column needs, if any
};

// Twenty's enum type name for a column: `<table>_<column>_enum`.
std::string enum_type_name(std::string_view table, std::string_view column);

// The PostgreSQL type of a non-composite, non-relation field: NUMBER -> float8/int4/int8 by
// settings.dataType, SELECT/RATING -> the enum, MULTI_SELECT -> enum array, ... `enum_sql` is the
// qualified, quoted enum type for option fields. nullopt for composites, relations and the legacy
// types Cohort refuses.
std::optional<std::string> column_type_for(const model::field_metadata& field,
                                           std::string_view enum_sql = {});

// Every column of `field` in table `schema`.`table`. Throws ddl_error on invalid names, unknown
// types or unusable defaults.
std::vector<column_def> columns_for_field(std::string_view schema, std::string_view table,
                                          const model::field_metadata& field);

}  // namespace cohort::storage::ddl

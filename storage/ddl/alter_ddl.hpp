// DDL for changing one workspace table after it exists: the statements a metadata change runs
// (with its metadata rows, in one transaction) when a field is added, renamed, re-optioned or
// dropped, or a table renamed or dropped. Identifiers pass through quote_identifier like every
// other generated statement; option values are bound as literals.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::storage::ddl {

// Enum types, columns (with NOT NULL and default), the foreign key of a many-to-one join column
// and its index. `target_table` names the relation's target table when the field has one.
// Throws ddl_error like columns_for_field.
std::vector<std::string> add_field_columns(std::string_view schema, std::string_view table,
                                           const model::field_metadata& field,
                                           std::string_view target_table = {});

// RENAME COLUMN for each column whose name changes between the two versions of a field (same
// type), and the enum types named after them.
std::vector<std::string> rename_field_columns(std::string_view schema, std::string_view table,
                                              const model::field_metadata& before,
                                              const model::field_metadata& after);

// DROP COLUMN for every column of the field, and its enum type.
std::vector<std::string> drop_field_columns(std::string_view schema, std::string_view table,
                                            const model::field_metadata& field);

// What an option of a field's previous version became in `after`: the option with its id, else
// the one with its value; nullptr when it is gone. Ids win, so two values swapped follow.
const model::select_option* successor_option(const model::field_metadata& after,
                                             const model::select_option& previous);

// New option lists of a SELECT / MULTI_SELECT / RATING field: the column goes through text, the
// stored values are rewritten (an option whose value changed keeps its records, matched by option
// id; a removed option's values become NULL, or leave the arrays), the enum type is re-created
// with the new values and the default set again.
std::vector<std::string> rewrite_option_column(std::string_view schema, std::string_view table,
                                               const model::field_metadata& before,
                                               const model::field_metadata& after);

// ALTER COLUMN TYPE, SET/DROP DEFAULT and SET/DROP NOT NULL for a field whose column type
// (NUMBER's dataType), default or nullability changed (composites per column).
std::vector<std::string> alter_field_constraints(std::string_view schema, std::string_view table,
                                                 const model::field_metadata& before,
                                                 const model::field_metadata& after);

// RENAME TO, and the enum types of its columns with it (they are named after the table).
std::vector<std::string> rename_table(std::string_view schema, const model::object_metadata& object,
                                      std::string_view new_table);

// DROP TABLE and the enum types of its columns.
std::vector<std::string> drop_table(std::string_view schema, const model::object_metadata& object);

}  // namespace cohort::storage::ddl
